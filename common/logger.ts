import { redact } from './redact.js';

/** Minimal structured logger. Every message and string field goes through {@link redact}. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

type Level = 'info' | 'warn' | 'error';

function clean(value: unknown): unknown {
  if (typeof value === 'string') return redact(value);
  if (value instanceof Error) return redact(`${value.name}: ${value.message}`);
  if (Array.isArray(value)) return value.map(clean);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v)]));
  }
  return value;
}

/** Creates a logger writing one JSON line per entry to stderr (stdout stays free for CLI output). */
export function createLogger(
  options: { silent?: boolean; write?: (line: string) => void } = {},
): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'));
  const log = (level: Level, message: string, fields?: Record<string, unknown>) => {
    if (options.silent) return;
    write(
      JSON.stringify({
        t: new Date().toISOString(),
        level,
        msg: redact(message),
        ...(clean(fields ?? {}) as object),
      }),
    );
  };
  return {
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
    error: (m, f) => log('error', m, f),
  };
}

/** A logger that drops everything (tests, CLI JSON modes). */
export const silentLogger: Logger = createLogger({ silent: true });
