/**
 * @module
 * The one HTTP error class of the API (Hono's HTTPException shape). Handlers throw it; the error
 * handler is the only place that turns errors into `{ error: { code, message, fields } }` responses.
 */
import { AppError } from '../common/errors.js';

/** An error with an HTTP status, a stable code and a Vietnamese message safe to show to a resident. */
export class HttpError extends AppError {
  readonly status: number;
  readonly fields: Record<string, string> | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    options: {
      fields?: Record<string, string>;
      headers?: Record<string, string>;
      cause?: unknown;
    } = {},
  ) {
    super(code, message, { cause: options.cause, userMessage: message });
    this.status = status;
    this.fields = options.fields;
    this.headers = options.headers;
  }
}

/** 400 with per-field Vietnamese messages (the request was understood but some values are wrong). */
export const invalid = (
  fields: Record<string, string>,
  message = 'Dữ liệu gửi lên chưa hợp lệ. Vui lòng kiểm tra các mục được đánh dấu.',
) => new HttpError(400, 'VALIDATION_FAILED', message, { fields });

export const notFound = (message = 'Không tìm thấy hồ sơ.') =>
  new HttpError(404, 'NOT_FOUND', message);

export const unauthorized = (message = 'Vui lòng đăng nhập để tiếp tục.') =>
  new HttpError(401, 'UNAUTHENTICATED', message, { headers: { 'WWW-Authenticate': 'Bearer' } });

export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.') =>
  new HttpError(403, 'FORBIDDEN', message);

export const conflict = (code: string, message: string) => new HttpError(409, code, message);
