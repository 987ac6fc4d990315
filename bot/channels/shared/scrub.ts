import type { Logger } from '../../../common/logger.js';

/*
 * Bot tokens travel in URL paths (`/bot<TOKEN>/method`) and OA tokens in headers; a failed request's
 * message can echo them. Everything a channel logs or throws goes through these helpers.
 */

// A `/bot…/` path segment, not the `//bot-api.` host right after the scheme.
const URL_TOKEN = /(?<!\/)\/bot[^/\s]+\//g;

/** Replaces every known secret and every `/bot<anything>/` path segment with a placeholder. */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text.replace(URL_TOKEN, '/bot[redacted]/');
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out;
}

function scrubValue(value: unknown, secrets: readonly (string | undefined)[], depth = 0): unknown {
  if (typeof value === 'string') return scrubSecrets(value, secrets);
  if (value instanceof Error) return scrubSecrets(`${value.name}: ${value.message}`, secrets);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, secrets, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, scrubValue(v, secrets, depth + 1)]),
  );
}

/** Wraps a logger so that no line it writes can contain one of `secrets`. */
export function scrubbingLogger(logger: Logger, secrets: readonly (string | undefined)[]): Logger {
  const wrap = (write: Logger['info']) => (message: string, fields?: Record<string, unknown>) =>
    write(
      scrubSecrets(message, secrets),
      fields && (scrubValue(fields, secrets) as Record<string, unknown>),
    );
  return { info: wrap(logger.info), warn: wrap(logger.warn), error: wrap(logger.error) };
}

/** A short, scrubbed description of any thrown value, for log fields and error messages. */
export function describeError(error: unknown, secrets: readonly (string | undefined)[]): string {
  const cause =
    error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  const text = error instanceof Error ? `${error.name}: ${error.message}${cause}` : String(error);
  return scrubSecrets(text, secrets);
}
