import { HttpError } from '../errors.js';

/**
 * GETs a Zalo Graph API URL and returns its JSON object, or null when the answer is not a JSON object.
 * Network failures, timeouts and 5xx answers become a 503 `ZALO_UNAVAILABLE` with `unavailableMessage`
 * (Vietnamese, shown to the resident); a 4xx answer is read like any other (Zalo reports errors in the body).
 */
export async function getZaloGraphObject(
  url: URL,
  options: {
    headers: Record<string, string>;
    timeoutMs?: number;
    fetch?: typeof fetch;
    unavailableMessage: string;
  },
): Promise<Record<string, unknown> | null> {
  let body: unknown;
  try {
    const response = await (options.fetch ?? fetch)(url, {
      headers: options.headers,
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    });
    if (response.status >= 500) throw new Error(`Zalo Graph HTTP ${response.status}`);
    body = await response.json().catch(() => null);
  } catch (error) {
    throw new HttpError(503, 'ZALO_UNAVAILABLE', options.unavailableMessage, { cause: error });
  }
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : null;
}
