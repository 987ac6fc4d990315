/**
 * @module
 * The only place errors become responses: always `{ error: { code, message, fields? } }` with a
 * Vietnamese message, never an HTML page or a stack trace. Unknown errors are logged (redacted) and
 * answered with a bare 500.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ErrorEnvelope } from '../../common/dossier-schema.js';
import type { Logger } from '../../common/logger.js';
import { HttpError } from '../errors.js';

/** body-parser error types → our codes and messages. */
const BODY_ERRORS: Record<string, [number, string, string]> = {
  'entity.parse.failed': [400, 'MALFORMED_JSON', 'Nội dung gửi lên không phải JSON hợp lệ.'],
  'entity.too.large': [413, 'PAYLOAD_TOO_LARGE', 'Nội dung gửi lên quá lớn.'],
  'encoding.unsupported': [415, 'UNSUPPORTED_ENCODING', 'Kiểu mã hóa nội dung không được hỗ trợ.'],
  'charset.unsupported': [
    415,
    'UNSUPPORTED_CHARSET',
    'Bảng mã ký tự không được hỗ trợ, vui lòng dùng UTF-8.',
  ],
  'request.aborted': [400, 'REQUEST_ABORTED', 'Yêu cầu bị gián đoạn.'],
};

/** Remaining request bytes above which we close the connection rather than read and discard them. */
const DRAIN_LIMIT = 8 * 1024 * 1024;

function send(res: Parameters<RequestHandler>[1], status: number, body: ErrorEnvelope): void {
  res.status(status).type('application/json').json(body);
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return function errorHandler(err, req, res, _next) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (!req.complete && Number(req.headers['content-length'] ?? Infinity) > DRAIN_LIMIT) {
      res.setHeader('Connection', 'close');
    }
    if (err instanceof HttpError) {
      if (err.headers) res.set(err.headers);
      if (err.status >= 500)
        logger.error('request failed', { path: req.path, code: err.code, cause: err.cause });
      send(res, err.status, {
        error: {
          code: err.code,
          message: err.message,
          ...(err.fields ? { fields: err.fields } : {}),
        },
      });
      return;
    }
    const e = err as { type?: string; status?: number; limit?: number };
    const known = e.type ? BODY_ERRORS[e.type] : undefined;
    if (known) {
      const [status, code, message] = known;
      const limit =
        code === 'PAYLOAD_TOO_LARGE' && e.limit ? ` Tối đa ${Math.floor(e.limit / 1024)} KB.` : '';
      send(res, status, { error: { code, message: message + limit } });
      return;
    }
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      send(res, e.status, { error: { code: 'BAD_REQUEST', message: 'Yêu cầu không hợp lệ.' } });
      return;
    }
    logger.error('unexpected error', { method: req.method, path: req.path, error: err });
    send(res, 500, {
      error: { code: 'INTERNAL', message: 'Đã có lỗi ở máy chủ. Vui lòng thử lại sau ít phút.' },
    });
  };
}

/** 404 for unknown API routes, in the same envelope. */
export const apiNotFound: RequestHandler = function apiNotFound(_req, res) {
  send(res, 404, { error: { code: 'ROUTE_NOT_FOUND', message: 'Không có địa chỉ API này.' } });
};
