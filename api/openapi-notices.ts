/**
 * @module
 * The OpenAPI paths of notices to village groups (api/routes/notices.ts, api/routes/public-notices.ts),
 * request bodies generated from the zod schemas the handlers validate with. Merged into the document
 * by api/openapi.ts.
 */
import { z } from 'zod';
import { CreateNoticeSchema, NoticeDraftSchema } from './notices/notice-service.js';

type JsonSchema = Record<string, unknown>;

/** Builds the notice paths with the document's helpers (`schema`, `error`). */
export function noticePaths(h: {
  schema: (s: z.ZodType, io: 'input' | 'output') => JsonSchema;
  error: (description: string) => JsonSchema;
}): Record<string, Record<string, unknown>> {
  const body = (s: z.ZodType) => ({
    required: true,
    content: { 'application/json': { schema: h.schema(s, 'input') } },
  });
  const idParam = (name: string, schema: JsonSchema = { type: 'string' }) => ({
    name,
    in: 'path',
    required: true,
    schema,
  });
  const notice = idParam('id', { type: 'string', format: 'uuid' });
  const delivery = idParam('deliveryId', { type: 'integer' });
  const publicId = idParam('publicId');
  const officer = { 401: h.error('Chưa đăng nhập'), 403: h.error('Không phải cán bộ') };
  const ok = (description: string) => ({ description });
  return {
    '/api/notice-groups': {
      get: {
        summary: 'Nhóm nhận thông báo của xã (và các nhóm bot mới vào, đang chờ duyệt)',
        parameters: [
          {
            name: 'status',
            in: 'query',
            schema: { type: 'string', enum: ['pending', 'approved', 'inactive'] },
          },
          {
            name: 'kind',
            in: 'query',
            schema: { type: 'string', enum: ['group', 'share-kit', 'subscriber'] },
          },
        ],
        responses: { 200: ok('{ items: nhóm[] }'), ...officer },
      },
    },
    '/api/notice-groups/villages': {
      get: {
        summary: 'Danh sách thôn/tổ dân phố đã đặt tên trong xã (để chọn khi duyệt nhóm)',
        responses: { 200: ok('{ items: string[] }'), ...officer },
      },
    },
    '/api/notice-groups/{id}/approve': {
      post: {
        summary: 'Duyệt một nhóm vào thôn/tổ dân phố của xã, kèm nhãn',
        parameters: [idParam('id')],
        requestBody: body(
          z.object({
            village: z.string().max(100).nullable().optional(),
            tags: z.array(z.string().max(100)).max(20).optional(),
          }),
        ),
        responses: {
          200: ok('Nhóm đã duyệt'),
          400: h.error('Dữ liệu không hợp lệ'),
          404: h.error('Không có nhóm này'),
          ...officer,
        },
      },
    },
    '/api/notice-groups/share-kit': {
      post: {
        summary: 'Ghi nhận một nhóm Zalo của bà con (không có bot): nhận bộ chia sẻ để dán tay',
        requestBody: body(
          z.object({
            title: z.string().min(1).max(200),
            adminName: z.string().min(1).max(100),
            village: z.string().max(100).nullable().optional(),
            tags: z.array(z.string().max(100)).max(20).optional(),
          }),
        ),
        responses: {
          201: ok('Nhóm chia sẻ tay'),
          400: h.error('Dữ liệu không hợp lệ'),
          ...officer,
        },
      },
    },
    '/api/notice-templates': {
      get: {
        summary: 'Mẫu thông báo thường dùng (họp thôn, tiêm chủng, nộp thuế, cảnh báo bão…)',
        responses: { 200: ok('{ items: mẫu[] }'), ...officer },
      },
    },
    '/api/notices/preview': {
      post: {
        summary:
          'Xem trước thông báo trên từng nền tảng (giới hạn độ dài, tách tin) và số nhóm nhận',
        requestBody: body(NoticeDraftSchema),
        responses: {
          200: ok('{ platforms[], recipients }'),
          400: h.error('Dữ liệu không hợp lệ'),
          ...officer,
        },
      },
    },
    '/api/notices': {
      get: {
        summary: 'Thông báo của xã, mới nhất trước, kèm tổng số giao nhận',
        responses: { 200: ok('{ items: thông báo[] }'), ...officer },
      },
      post: {
        summary: 'Gửi ngay hoặc hẹn giờ một thông báo tới các nhóm và người đăng ký của xã',
        description:
          'Header Idempotency-Key (tuỳ chọn): gửi lại cùng khoá trả về đúng thông báo đã tạo (200), không tạo thông báo thứ hai.',
        parameters: [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string' } }],
        requestBody: body(CreateNoticeSchema.omit({ idempotencyKey: true })),
        responses: {
          201: ok('Thông báo đã tạo'),
          200: ok('Cùng khoá: thông báo đã tạo trước đó'),
          400: h.error('Dữ liệu không hợp lệ (fields theo từng trường)'),
          ...officer,
        },
      },
    },
    '/api/notices/{id}': {
      get: {
        summary: 'Sổ giao nhận của một thông báo: từng nhóm và tổng số',
        description:
          'Trạng thái mỗi nhóm: pending (chờ gửi), sending, sent (có mã tin nhắn), failed (lý do), unknown ("Chưa rõ — kiểm tra nhóm": máy gửi dừng đúng lúc tin đang ở nền tảng; không tự gửi lại vì Telegram/Zalo không chống trùng), share-kit, shared. possibleDuplicate: tin có thể đã tới hai lần (gửi lại sau khi quá thời gian chờ).',
        parameters: [notice],
        responses: {
          200: ok('{ notice, totals, items[] }'),
          404: h.error('Không có thông báo này'),
          ...officer,
        },
      },
    },
    '/api/notices/{id}/cancel': {
      post: {
        summary: 'Huỷ thông báo hẹn giờ trước khi gửi',
        parameters: [notice],
        responses: {
          200: ok('Đã huỷ'),
          404: h.error('Không có thông báo này'),
          409: h.error('Đã bắt đầu gửi, không thể huỷ'),
          ...officer,
        },
      },
    },
    '/api/notices/{id}/ledger.csv': {
      get: {
        summary: 'Sổ giao nhận dạng CSV (UTF-8 có BOM)',
        parameters: [notice],
        responses: { 200: { description: 'CSV', content: { 'text/csv': {} } }, ...officer },
      },
    },
    '/api/notices/{id}/deliveries/{deliveryId}/shared': {
      post: {
        summary: 'Đánh dấu "đã chia sẻ" cho một nhóm chia sẻ tay',
        parameters: [notice, delivery],
        responses: {
          200: ok('{ id, state, sharedAt }'),
          404: h.error('Không có nhóm nhận này'),
          409: h.error('Nhóm do bot gửi trực tiếp'),
          ...officer,
        },
      },
    },
    '/api/notices/{id}/deliveries/{deliveryId}/resolve': {
      post: {
        summary: 'Kết luận một tin "chưa rõ": đã có trong nhóm, hoặc gửi lại',
        description:
          'arrived = true: tin đã có trong nhóm (ghi là đã gửi, không có mã tin nhắn); false: gửi lại phần đó.',
        parameters: [notice, delivery],
        requestBody: body(z.object({ arrived: z.boolean() })),
        responses: {
          200: ok('{ id, state (sent | pending), resolvedBy }'),
          400: h.error('Thiếu arrived'),
          404: h.error('Không có thông báo này'),
          409: h.error('Tin không ở trạng thái chưa rõ'),
          ...officer,
        },
      },
    },
    '/n/{publicId}': {
      get: {
        summary: 'Trang công khai của thông báo (đọc trên điện thoại, không cần đăng nhập)',
        security: [],
        parameters: [publicId],
        responses: {
          200: { description: 'HTML', content: { 'text/html': {} } },
          404: ok('Không có'),
        },
      },
    },
    '/n/{publicId}/qr.png': {
      get: {
        summary: 'Mã QR dẫn tới trang công khai',
        security: [],
        parameters: [publicId],
        responses: {
          200: { description: 'PNG', content: { 'image/png': {} } },
          404: ok('Không có'),
        },
      },
    },
    '/n/{publicId}/chia-se/{token}': {
      get: {
        summary:
          'Bộ chia sẻ cho trưởng nhóm Zalo: nội dung để dán, đường dẫn, nút "Tôi đã chia sẻ"',
        security: [],
        parameters: [publicId, idParam('token')],
        responses: {
          200: { description: 'HTML', content: { 'text/html': {} } },
          404: ok('Không có'),
        },
      },
      post: {
        summary: 'Trưởng nhóm xác nhận đã chia sẻ vào nhóm',
        security: [],
        parameters: [publicId, idParam('token')],
        responses: {
          200: { description: 'HTML', content: { 'text/html': {} } },
          404: ok('Không có'),
        },
      },
    },
  };
}
