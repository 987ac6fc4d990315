/**
 * HTTP client of the console. The session token lives only in this module's memory (never in
 * localStorage or a cookie): no other site can make the browser send it (CSRF-safe by design), and a
 * closed tab forgets it. Errors come back as {@link ApiError} with the API's Vietnamese message.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let token: string | null = null;
let onUnauthorized: (() => void) | null = null;
let onActivity: (() => void) | null = null;

export function setToken(value: string | null) {
  token = value;
}

export function hasToken(): boolean {
  return token !== null;
}

/** Called when the server refuses the session (expired, signed out elsewhere, account locked). */
export function setUnauthorizedHandler(handler: (() => void) | null) {
  onUnauthorized = handler;
}

/** Called on every request the officer makes (keeps the idle timer in step with the server). */
export function setActivityHandler(handler: (() => void) | null) {
  onActivity = handler;
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      credentials: 'omit',
    });
  } catch {
    throw new ApiError(
      0,
      'NETWORK',
      'Không kết nối được máy chủ. Vui lòng kiểm tra mạng rồi thử lại.',
    );
  }
  onActivity?.();
  if (res.ok) return res;
  let error: { code?: string; message?: string; fields?: Record<string, string> } = {};
  try {
    error = ((await res.json()) as { error?: typeof error }).error ?? {};
  } catch {
    // not JSON
  }
  if (res.status === 401 && token) onUnauthorized?.();
  throw new ApiError(
    res.status,
    error.code ?? 'HTTP_' + res.status,
    error.message ?? `Máy chủ trả lỗi ${res.status}. Vui lòng thử lại.`,
    error.fields ?? {},
  );
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await send(method, path, body);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** A file (attachment, CSV) as a blob URL the page can show or download; revoke it when done. */
export async function blobUrl(path: string): Promise<{ url: string; type: string }> {
  const res = await send('GET', path);
  const blob = await res.blob();
  return { url: URL.createObjectURL(blob), type: blob.type };
}
