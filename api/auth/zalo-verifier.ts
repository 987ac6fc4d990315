/**
 * @module
 * Verifies a Zalo Mini App user access token (from zmp-sdk `getAccessToken()`) by asking Zalo's Graph
 * API who it belongs to: `GET {graphBase}/v2.0/me?fields=id,name` with header `access_token`.
 * The response shape is only partly documented (platforms.md §3.7, UNSURE), so it is read defensively:
 * a string or number `id` means valid; an `error` field or no id means invalid.
 */
import { getZaloGraphObject } from './zalo-graph.js';

/** The Zalo user behind a token (id per Zalo App). */
export interface ZaloUser {
  id: string;
  name: string | null;
}

/** Returns the user, or null when Zalo says the token is not valid. Throws HttpError 503 when Zalo is unreachable. */
export type ZaloUserVerifier = (accessToken: string) => Promise<ZaloUser | null>;

export function createZaloVerifier(options: {
  graphBase: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}): ZaloUserVerifier {
  const doFetch = options.fetch ?? fetch;
  const url = new URL('/v2.0/me', options.graphBase);
  url.searchParams.set('fields', 'id,name');
  return async (accessToken) => {
    const body = await getZaloGraphObject(url, {
      headers: { access_token: accessToken },
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      fetch: doFetch,
      unavailableMessage:
        'Chưa xác thực được tài khoản Zalo do không kết nối được với Zalo. Vui lòng thử lại sau ít phút.',
    });
    if (body === null) return null;
    const b = body as { id?: unknown; name?: unknown; error?: unknown };
    if (b.error !== undefined && b.error !== 0) return null;
    const id = typeof b.id === 'number' ? String(b.id) : b.id;
    if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
    return { id, name: typeof b.name === 'string' ? b.name : null };
  };
}
