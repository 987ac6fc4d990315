/**
 * HTTP client of the mini-app: JSON in/out, bearer session, the API's error envelope turned into an
 * {@link ApiError} with the Vietnamese message and per-field messages. A network failure (no answer)
 * is an ApiError with status 0, so callers can keep the draft and offer "Gửi lại".
 */
import type { ErrorEnvelope } from '../../../common/dossier-schema';

/** Where the API lives: same origin by default; a Zalo build sets VITE_API_BASE to the public server. */
export const API_BASE: string = (import.meta.env.VITE_API_BASE as string | undefined) ?? '';

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

export const OFFLINE_MESSAGE =
  'Không kết nối được với máy chủ. Vui lòng kiểm tra mạng rồi thử lại — thông tin bạn đã nhập vẫn được giữ.';

let tokenProvider: (() => Promise<string | null>) | null = null;
let onUnauthorized: (() => void) | null = null;

/** Set by the session module: how to get the bearer token, and what to do when it is refused. */
export function configureAuth(
  provider: () => Promise<string | null>,
  unauthorized: () => void,
): void {
  tokenProvider = provider;
  onUnauthorized = unauthorized;
}

export interface RequestOptions {
  method?: string;
  json?: unknown;
  body?: FormData;
  headers?: Record<string, string>;
  auth?: boolean;
  signal?: AbortSignal;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.auth !== false && tokenProvider) {
    const token = await tokenProvider();
    if (token) headers.Authorization = `Bearer ${token}`;
  }
  let body: BodyInit | undefined = options.body;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  let response: Response;
  try {
    response = await fetch(API_BASE + path, {
      method: options.method ?? (body ? 'POST' : 'GET'),
      headers,
      ...(body !== undefined ? { body } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch {
    throw new ApiError(0, 'OFFLINE', OFFLINE_MESSAGE);
  }
  const text = await response.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (!response.ok) {
    const error = (parsed as ErrorEnvelope | null)?.error;
    if (response.status === 401 && onUnauthorized) onUnauthorized();
    throw new ApiError(
      response.status,
      error?.code ?? 'HTTP_' + response.status,
      error?.message ?? 'Máy chủ đang bận. Vui lòng thử lại sau ít phút.',
      error?.fields ?? {},
    );
  }
  return parsed as T;
}

/** The message to show for any error. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Đã có lỗi xảy ra. Vui lòng thử lại.';
}
