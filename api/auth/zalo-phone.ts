/**
 * @module
 * Turns the one-use phone token of the Zalo Mini App (`getPhoneNumber()` → `{token}`, valid 2 minutes)
 * into the resident's number. Only our server can do it, because it needs the Zalo app secret:
 * `GET {graphBase}/v2.0/me/info` with headers `access_token` (the user's token from
 * `getAccessToken()`), `code` (the phone token) and `secret_key` (the app secret) →
 * `{data: {number: "84…"}, error: 0}` (platforms.md §3.3). The number is normalised to `0xxxxxxxxx`.
 */
import { normaliseMobile } from '../../common/vietnam-id.js';
import { getZaloGraphObject } from './zalo-graph.js';

/** The resident's mobile number (`0xxxxxxxxx`), or null when Zalo refuses the tokens. */
export type ZaloPhoneExchange = (accessToken: string, phoneToken: string) => Promise<string | null>;

export function createZaloPhoneExchange(options: {
  graphBase: string;
  appSecret: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}): ZaloPhoneExchange {
  const doFetch = options.fetch ?? fetch;
  const url = new URL('/v2.0/me/info', options.graphBase);
  return async (accessToken, phoneToken) => {
    const body = await getZaloGraphObject(url, {
      headers: {
        access_token: accessToken,
        code: phoneToken,
        secret_key: options.appSecret,
      },
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      fetch: doFetch,
      unavailableMessage:
        'Chưa lấy được số điện thoại do không kết nối được với Zalo. Bạn có thể nhập số điện thoại.',
    });
    if (body === null) return null;
    const b = body as { error?: unknown; data?: { number?: unknown } };
    if (b.error !== undefined && b.error !== 0) return null;
    const raw = b.data?.number;
    if (typeof raw !== 'string' && typeof raw !== 'number') return null;
    return normaliseMobile(String(raw));
  };
}
