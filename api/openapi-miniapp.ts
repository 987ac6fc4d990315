/**
 * @module
 * The OpenAPI paths of the routes the mini-app uses beyond the dossier API: sign-in options and the
 * trial sign-in, the resident's phone from Zalo, in-app notices, ratings, the communes that file
 * online, the form check, and the procedure search and pages. Request schemas come from the routes'
 * own validators; response shapes are described in Vietnamese (their TypeScript types are
 * common/form-contract.ts and common/procedure-contract.ts).
 */
import type { z } from 'zod';
import { CheckSchema } from './routes/forms.js';
import { CommuneQuerySchema, SearchQuerySchema } from './routes/procedures.js';
import { NoticesQuerySchema, PhoneSchema, RatingSchema, ReadSchema } from './routes/resident.js';
import { TrialSchema } from './routes/trial-auth.js';

type JsonSchema = Record<string, unknown>;

/** Helpers of the main document, passed in so both build schemas the same way. */
export interface OpenApiHelpers {
  schema: (s: z.ZodType, io: 'input' | 'output') => JsonSchema;
  error: (description: string) => JsonSchema;
  referenceParam: JsonSchema;
}

const body = (h: OpenApiHelpers, s: z.ZodType) => ({
  required: true,
  content: { 'application/json': { schema: h.schema(s, 'input') } },
});

/** Query parameters of a zod object schema, one OpenAPI parameter per key. */
function queryParams(h: OpenApiHelpers, s: z.ZodObject): JsonSchema[] {
  const json = h.schema(s, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema,
  }));
}

const described = (description: string) => ({ description });

/** Paths of the mini-app's routes; `withProcedures` when the procedure routes are mounted. */
export function miniAppPaths(
  h: OpenApiHelpers,
  options: { withProcedures: boolean },
): Record<string, Record<string, unknown>> {
  const paths: Record<string, Record<string, unknown>> = {
    '/api/auth/options': {
      get: {
        summary: 'Cách đăng nhập máy chủ này hỗ trợ và giới hạn tệp đính kèm',
        security: [],
        responses: {
          200: described(
            '{ trial: có đăng nhập dùng thử (chỉ khi chưa cấu hình Zalo và không chạy production), zaloMiniAppId, maxAttachmentBytes, maxAttachments }',
          ),
        },
      },
    },
    '/api/auth/trial': {
      post: {
        summary: 'Đăng nhập dùng thử (họ tên + số điện thoại); hồ sơ được đánh dấu DÙNG THỬ',
        security: [],
        requestBody: body(h, TrialSchema),
        responses: {
          200: described('Phiên đăng nhập { token, expiresAt, subject, trial: true }'),
          400: h.error('Thông tin chưa hợp lệ'),
          404: h.error('Máy chủ không bật đăng nhập dùng thử'),
          429: h.error('Quá nhiều lần thử'),
        },
      },
    },
    '/api/me/phone': {
      post: {
        summary: 'Lấy số điện thoại của người dân từ Zalo (máy chủ đổi mã một lần dùng)',
        requestBody: body(h, PhoneSchema),
        responses: {
          200: described('{ phone: "0xxxxxxxxx" }'),
          403: h.error('Mã truy cập Zalo không thuộc tài khoản đang đăng nhập'),
          422: h.error('Zalo không xác nhận được mã số điện thoại'),
          429: h.error('Quá nhiều yêu cầu'),
          503: h.error('Máy chủ chưa cấu hình Zalo'),
        },
      },
    },
    '/api/me/notices': {
      get: {
        summary: 'Thông báo trong ứng dụng (mỗi lần hồ sơ đổi trạng thái), mới nhất trước',
        parameters: queryParams(h, NoticesQuerySchema),
        responses: {
          200: described('{ unread, items: [{ id, reference, text, at, read }] }'),
          401: h.error('Chưa đăng nhập'),
        },
      },
    },
    '/api/me/notices/read': {
      post: {
        summary: 'Đánh dấu đã đọc các thông báo đến id này',
        requestBody: body(h, ReadSchema),
        responses: { 200: described('{ ok: true }'), 401: h.error('Chưa đăng nhập') },
      },
    },
    '/api/dossiers/{reference}/rating': {
      get: {
        summary: 'Đánh giá của người dân về hồ sơ (nếu có) và có được đánh giá chưa',
        parameters: [h.referenceParam],
        responses: {
          200: described('{ canRate, rating: { stars, comment, at } | null }'),
          404: h.error('Không tìm thấy hồ sơ'),
        },
      },
      post: {
        summary: 'Đánh giá 1–5 sao (kèm góp ý) sau khi hồ sơ có kết quả; gửi lại thì sửa',
        parameters: [h.referenceParam],
        requestBody: body(h, RatingSchema),
        responses: {
          200: described('{ canRate: true, rating }'),
          400: h.error('Số sao không hợp lệ'),
          404: h.error('Không tìm thấy hồ sơ'),
          409: h.error('Hồ sơ chưa có kết quả'),
        },
      },
    },
    '/api/online-communes': {
      get: {
        summary: 'Các xã/phường nhận hồ sơ trực tuyến qua hệ thống (có cán bộ)',
        security: [],
        responses: { 200: described('{ items: [{ code, name, centreAddress }] }') },
      },
    },
    '/api/forms/{procedureCode}/check': {
      post: {
        summary: 'Kiểm tra tờ khai theo đúng quy tắc khi nộp, không lưu gì',
        security: [],
        parameters: [
          { name: 'procedureCode', in: 'path', required: true, schema: { type: 'string' } },
        ],
        requestBody: body(h, CheckSchema),
        responses: {
          200: described('{ ok, fields: { tên trường → lỗi tiếng Việt } }'),
          404: h.error('Chưa có tờ khai trực tuyến'),
        },
      },
    },
  };
  if (options.withProcedures) {
    paths['/api/procedures/search'] = {
      get: {
        summary: 'Tìm thủ tục (cùng cách tìm của trợ lý trò chuyện)',
        security: [],
        parameters: queryParams(h, SearchQuerySchema),
        responses: {
          200: described('{ query, answered, items: [{ code, name, field, levels, hasForm }] }'),
          400: h.error('Câu tìm quá ngắn hoặc quá dài'),
          429: h.error('Tìm quá nhiều lần'),
        },
      },
    };
    paths['/api/procedures/popular'] = {
      get: {
        summary: 'Thủ tục cấp xã hay dùng (có tờ khai trực tuyến trước)',
        security: [],
        responses: { 200: described('{ items: [{ code, name, field, levels, hasForm }] }') },
      },
    };
    paths['/api/procedures/{code}'] = {
      get: {
        summary:
          'Trang thủ tục: { procedure, resident } — dữ kiện của bản ghi và cách người dân đọc (giấy tờ chính, giấy tờ theo trường hợp, ghi chú cho cán bộ, lệ phí hiện hành, thời gian có đơn vị, nơi nộp)',
        security: [],
        parameters: [
          { name: 'code', in: 'path', required: true, schema: { type: 'string' } },
          ...queryParams(h, CommuneQuerySchema),
        ],
        responses: {
          200: described('Trang thủ tục (common/procedure-contract.ts ProcedurePage)'),
          400: h.error('Mã xã/phường không hợp lệ'),
          404: h.error('Không tìm thấy thủ tục'),
        },
      },
    };
  }
  return paths;
}
