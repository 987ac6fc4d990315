/**
 * @module
 * The OpenAPI 3.1 document served at `GET /api/openapi.json`, generated from the same zod schemas the
 * handlers validate with (common/dossier-schema.ts), so the document cannot drift from the code.
 */
import { z } from 'zod';
import {
  ApologyViewSchema,
  ConfirmApologySchema,
  DossierListSchema,
  DossierStatusSchema,
  DossierViewSchema,
  ErrorEnvelopeSchema,
  NotifyChannelsResponseSchema,
  NotifyLinkRequestSchema,
  NotifyLinkResponseSchema,
  OfficerLoginSchema,
  PublicStatusSchema,
  SessionResponseSchema,
  SubmitDossierSchema,
  SubmitResponseSchema,
  SupplementRequestSchema,
  TransitionRequestSchema,
} from '../common/dossier-schema.js';
import { noticePaths } from './openapi-notices.js';

import { miniAppPaths } from './openapi-miniapp.js';

type JsonSchema = Record<string, unknown>;

function schema(s: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const out = z.toJSONSchema(s, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as JsonSchema;
  delete out.$schema;
  return out;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ content: { 'application/json': { schema: ref(name) } } });
const error = (description: string) => ({ description, ...json('Error') });

const ChatRequestSchema = z.object({
  sessionId: z.string().min(1).max(100),
  text: z.string().max(20_000),
  action: z.object({ type: z.enum(['pick', 'more']), code: z.string() }).optional(),
});
const ChatReplySchema = z.object({
  answered: z.boolean(),
  text: z.string(),
  procedure: z.object({ code: z.string(), name: z.string() }).nullable(),
  choices: z.array(z.object({ code: z.string(), label: z.string() })),
  sources: z.array(z.object({ code: z.string(), url: z.string() })),
  form: z
    .object({ code: z.string(), title: z.string() })
    .optional()
    .describe('Có khi thủ tục nộp được trực tuyến: mở /miniapp/#/apply/{code}'),
  hasMore: z.boolean(),
});

const CommuneSummarySchema = z.object({
  code: z.string().describe('Mã đơn vị hành chính 5 số'),
  name: z.string(),
  type: z.enum(['xa', 'phuong']),
  displayName: z.string().describe('Ví dụ "Xã Hoằng Giang"'),
  centreAddress: z.string().nullable().describe('Trụ sở (trung tâm hành chính); null khi chưa có'),
  officeAddress: z
    .string()
    .nullable()
    .describe('Trụ sở chính quyền (nơi nộp hồ sơ) khi nguồn tách trụ sở đảng ủy và chính quyền'),
});
const CommuneSchema = CommuneSummarySchema.extend({
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  areaKm2: z.number().nullable(),
  population: z.number().nullable(),
  formerCommunes: z.array(z.object({ code: z.string(), name: z.string(), district: z.string() })),
});
const FormerCommuneSchema = z.object({
  code: z.string(),
  name: z.string(),
  type: z.enum(['xa', 'phuong', 'thi_tran']),
  displayName: z.string(),
  district: z.string().describe('Huyện/thị xã/thành phố cũ'),
  split: z.boolean().describe('Đã chia cho nhiều đơn vị mới'),
  successors: z.array(CommuneSummarySchema),
});

const referenceParam = {
  name: 'reference',
  in: 'path',
  required: true,
  description:
    'Mã hồ sơ 8 ký tự (ví dụ AB3CD4EF); không phân biệt hoa thường, bỏ qua dấu cách và "-".',
  schema: { type: 'string', pattern: '^[A-Za-z0-9 -]{8,20}$' },
};

const multipartSubmission = {
  type: 'object',
  properties: {
    payload: {
      type: 'string',
      description:
        'Nội dung JSON của yêu cầu (như khi gửi application/json, không kèm attachments).',
    },
  },
  additionalProperties: {
    type: 'string',
    format: 'binary',
    description: 'Tệp đính kèm; tên phần = mã giấy tờ (documentCode).',
  },
  required: ['payload'],
};

/**
 * Builds the document. `withChat` adds POST /api/chat when the chat router is mounted; the mini-app's
 * routes come from openapi-miniapp.ts.
 */
export function buildOpenApiDocument(options: {
  withChat: boolean;
  /** The procedure routes (search, popular, page) are mounted. */
  withProcedures?: boolean;
  maxAttachmentBytes: number;
  maxAttachments: number;
}): JsonSchema {
  const limits = `Tệp PDF, JPEG hoặc PNG (kiểm tra theo nội dung), tối đa ${options.maxAttachmentBytes} byte mỗi tệp và ${options.maxAttachments} tệp mỗi lần gửi.`;
  const paths: Record<string, Record<string, unknown>> = {
    '/healthz': {
      get: {
        summary: 'Kiểm tra máy chủ và cơ sở dữ liệu',
        security: [],
        responses: { 200: { description: 'OK' }, 503: error('Cơ sở dữ liệu chưa sẵn sàng') },
      },
    },
    '/api/auth/zalo': {
      post: {
        summary: 'Đổi mã truy cập Zalo Mini App lấy phiên đăng nhập ngắn hạn',
        description:
          'Authorization: Bearer <getAccessToken() của zmp-sdk>. Máy chủ hỏi Zalo Graph API (/v2.0/me) để xác thực.',
        security: [{ zaloAccessToken: [] }],
        responses: {
          200: { description: 'Phiên đăng nhập', ...json('Session') },
          401: error('Mã Zalo không hợp lệ'),
          429: error('Quá nhiều yêu cầu'),
          503: error('Không kết nối được Zalo'),
        },
      },
    },
    '/api/officer/login': {
      post: {
        summary: 'Cán bộ đăng nhập',
        security: [],
        requestBody: { required: true, ...json('OfficerLogin') },
        responses: {
          200: { description: 'Phiên đăng nhập', ...json('Session') },
          400: error('Thiếu thông tin'),
          401: error('Sai tên đăng nhập hoặc mật khẩu'),
          429: error('Đăng nhập sai quá nhiều lần'),
        },
      },
    },
    '/api/officer/me': {
      get: {
        summary: 'Thông tin cán bộ đang đăng nhập',
        responses: {
          200: { description: 'Cán bộ' },
          401: error('Chưa đăng nhập'),
          403: error('Không phải cán bộ'),
        },
      },
    },
    '/api/dossiers': {
      post: {
        summary: 'Nộp hồ sơ (công dân)',
        description: `Gửi JSON (tệp base64 trong attachments) hoặc multipart/form-data (phần "payload" + các tệp). ${limits} Thử lại với cùng Idempotency-Key trả về đúng hồ sơ đã tạo (200); cùng mã nhưng nội dung khác → 409.`,
        parameters: [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: true,
            schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{8,128}$' },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: ref('SubmitDossier') },
            'multipart/form-data': { schema: multipartSubmission },
          },
        },
        responses: {
          201: { description: 'Đã tạo hồ sơ', ...json('SubmitResponse') },
          200: {
            description: 'Thử lại cùng Idempotency-Key: hồ sơ đã tạo trước đó',
            ...json('SubmitResponse'),
          },
          400: error(
            'Dữ liệu không hợp lệ (fields liệt kê từng trường), JSON hỏng, thiếu Idempotency-Key; NOTIFY_NOT_PROVEN khi chọn kênh chưa liên kết (POST /api/me/notify-links) hoặc gửi notify.recipient khác cuộc trò chuyện đã liên kết',
          ),
          401: error('Chưa đăng nhập'),
          403: error('Không phải tài khoản công dân'),
          409: error('Idempotency-Key đã dùng cho nội dung khác'),
          413: error('Tệp quá lớn hoặc quá nhiều tệp'),
          415: error('Tệp không phải PDF/JPEG/PNG, hoặc Content-Type không hỗ trợ'),
        },
      },
      get: {
        summary: 'Danh sách hồ sơ: của tôi (công dân) hoặc của xã/phường (cán bộ)',
        parameters: [
          {
            name: 'limit',
            in: 'query',
            schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
          },
          { name: 'cursor', in: 'query', schema: { type: 'string' } },
          {
            name: 'status',
            in: 'query',
            description: 'Chỉ cho cán bộ',
            schema: schema(DossierStatusSchema, 'input'),
          },
        ],
        responses: {
          200: { description: 'Một trang hồ sơ, mới nhất trước', ...json('DossierList') },
          401: error('Chưa đăng nhập'),
        },
      },
    },
    '/api/dossiers/{reference}': {
      get: {
        summary: 'Chi tiết hồ sơ và lịch sử xử lý',
        parameters: [referenceParam],
        responses: {
          200: { description: 'Hồ sơ', ...json('Dossier') },
          401: error('Chưa đăng nhập'),
          404: error('Không có hồ sơ này hoặc không thuộc quyền xem'),
        },
      },
    },
    '/api/dossiers/{reference}/transitions': {
      post: {
        summary: 'Chuyển trạng thái hồ sơ (cán bộ; công dân chỉ được rút hồ sơ)',
        parameters: [referenceParam],
        requestBody: { required: true, ...json('TransitionRequest') },
        responses: {
          200: { description: 'Hồ sơ sau khi chuyển', ...json('Dossier') },
          400: error('Thiếu lý do / danh sách giấy tờ cần bổ sung'),
          401: error('Chưa đăng nhập'),
          403: error('Vai trò không được phép chuyển trạng thái này'),
          404: error('Không có hồ sơ này hoặc không thuộc quyền xem'),
          409: error(
            'Chuyển trạng thái không hợp lệ hoặc hồ sơ vừa được cập nhật (expectedVersion)',
          ),
        },
      },
    },
    '/api/dossiers/{reference}/supplements': {
      post: {
        summary: 'Công dân bổ sung giấy tờ khi hồ sơ ở trạng thái "Yêu cầu bổ sung giấy tờ"',
        description: `JSON hoặc multipart/form-data như khi nộp hồ sơ. Mã giấy tờ lấy từ tờ khai hoặc "bo_sung". ${limits}`,
        parameters: [referenceParam],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: ref('SupplementRequest') },
            'multipart/form-data': { schema: multipartSubmission },
          },
        },
        responses: {
          200: { description: 'Hồ sơ với ngày hẹn trả mới', ...json('Dossier') },
          400: error('Thiếu tệp hoặc ghi chú'),
          401: error('Chưa đăng nhập'),
          404: error('Không có hồ sơ này'),
          409: error('Hồ sơ không ở trạng thái chờ bổ sung'),
          413: error('Tệp quá lớn'),
          415: error('Tệp không phải PDF/JPEG/PNG'),
        },
      },
    },
    '/api/dossiers/{reference}/attachments/{attachmentId}': {
      get: {
        summary: 'Tải tệp đính kèm',
        parameters: [
          referenceParam,
          {
            name: 'attachmentId',
            in: 'path',
            required: true,
            schema: { type: 'string', format: 'uuid' },
          },
        ],
        responses: {
          200: {
            description: 'Nội dung tệp',
            content: {
              'application/pdf': { schema: { type: 'string', format: 'binary' } },
              'image/jpeg': { schema: { type: 'string', format: 'binary' } },
              'image/png': { schema: { type: 'string', format: 'binary' } },
            },
          },
          401: error('Chưa đăng nhập'),
          404: error('Không có tệp này'),
        },
      },
    },
    '/api/status': {
      get: {
        summary: 'Tra cứu trạng thái công khai (không cần đăng nhập)',
        description:
          'Cần mã hồ sơ đầy đủ và 4 số cuối điện thoại. Chỉ trả trạng thái và ngày; không có họ tên, CCCD, số điện thoại. Số lần thử bị giới hạn theo từng mã hồ sơ (khóa tạm sau nhiều lần sai, ai hỏi cũng vậy) và theo từng thiết bị.',
        security: [],
        parameters: [
          { name: 'reference', in: 'query', required: true, schema: { type: 'string' } },
          {
            name: 'phone4',
            in: 'query',
            required: true,
            schema: { type: 'string', pattern: '^\\d{4}$' },
          },
        ],
        responses: {
          200: { description: 'Trạng thái', ...json('PublicStatus') },
          400: error('Thiếu tham số'),
          404: error('Không khớp mã hồ sơ hoặc số điện thoại'),
          429: error('Tra cứu quá nhiều lần'),
        },
      },
    },
    '/api/me/notify-channels': {
      get: {
        summary: 'Kênh nhận thông báo của công dân: kênh máy chủ hỗ trợ và kênh đã liên kết',
        responses: {
          200: { description: 'Danh sách kênh', ...json('NotifyChannels') },
          401: error('Chưa đăng nhập'),
        },
      },
    },
    '/api/me/notify-links': {
      post: {
        summary: 'Lấy mã liên kết một lần để nhận thông báo qua Telegram/Zalo',
        description:
          'Mã gồm 12 ký tự, dùng một lần, hết hạn sau 15 phút. Công dân gửi mã từ chính cuộc trò chuyện muốn nhận tin (Telegram: mở đường dẫn t.me/<bot>?start=<mã>; các bot khác: gửi "/lienket <mã>"), bot gắn cuộc trò chuyện đó với tài khoản. Khi nộp hồ sơ chỉ chọn kênh (notify.channel); máy chủ không nhận mã người nhận nhập tay.',
        requestBody: { required: true, ...json('NotifyLinkRequest') },
        responses: {
          201: { description: 'Mã liên kết', ...json('NotifyLink') },
          400: error('Kênh chưa được bật trên máy chủ này'),
          401: error('Chưa đăng nhập'),
          429: error('Lấy mã quá nhiều lần'),
        },
      },
    },
    '/api/me/notify-channels/{channel}': {
      delete: {
        summary: 'Hủy liên kết: không gửi thông báo hồ sơ vào cuộc trò chuyện đó nữa',
        parameters: [
          {
            name: 'channel',
            in: 'path',
            required: true,
            schema: { type: 'string', enum: ['telegram', 'zalo', 'zalo-oa'] },
          },
        ],
        responses: {
          204: { description: 'Đã hủy liên kết' },
          401: error('Chưa đăng nhập'),
          404: error('Chưa liên kết kênh này'),
        },
      },
    },
    '/api/forms': {
      get: {
        summary: 'Danh sách tờ khai trực tuyến',
        security: [],
        responses: { 200: { description: 'Danh sách' } },
      },
    },
    '/api/forms/{procedureCode}': {
      get: {
        summary:
          'Định nghĩa tờ khai của một thủ tục (trường, giấy tờ, gợi ý điền sẵn, JSON Schema)',
        security: [],
        parameters: [
          { name: 'procedureCode', in: 'path', required: true, schema: { type: 'string' } },
        ],
        responses: { 200: { description: 'Tờ khai' }, 404: error('Chưa có tờ khai trực tuyến') },
      },
    },
    '/api/communes': {
      get: {
        summary:
          'Danh mục xã, phường của tỉnh Thanh Hóa (từ 01/07/2025): mã 5 số, tên, loại, địa chỉ trung tâm hành chính',
        security: [],
        parameters: [
          {
            name: 'q',
            in: 'query',
            required: false,
            description:
              'Tìm theo tên (có dấu hoặc không, có thể kèm "xã"/"phường"); kết quả kèm các xã/phường cũ (trước sáp nhập) có tên này và đơn vị mới của chúng.',
            schema: { type: 'string', maxLength: 100 },
          },
        ],
        responses: {
          200: {
            description: 'Danh sách',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: { type: 'array', items: ref('CommuneSummary') },
                    former: { type: 'array', items: ref('FormerCommune') },
                  },
                },
              },
            },
          },
        },
      },
    },
    '/api/communes/{code}': {
      get: {
        summary: 'Một xã/phường và các xã, phường, thị trấn cũ đã sáp nhập vào',
        security: [],
        parameters: [
          {
            name: 'code',
            in: 'path',
            required: true,
            schema: { type: 'string', pattern: '^\\d{5}$' },
          },
        ],
        responses: {
          200: { description: 'Xã/phường', ...json('Commune') },
          404: error('Không có trong danh mục (mã cũ trước sáp nhập: thông báo nêu đơn vị mới)'),
        },
      },
    },
    '/api/officer/apologies': {
      get: {
        summary: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả của xã/phường',
        parameters: [
          {
            name: 'state',
            in: 'query',
            schema: { type: 'string', enum: ['pending', 'confirmed'] },
          },
        ],
        responses: {
          200: {
            description: 'Danh sách',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { items: { type: 'array', items: ref('Apology') } },
                },
              },
            },
          },
          401: error('Chưa đăng nhập'),
          403: error('Không phải cán bộ'),
        },
      },
    },
    '/api/officer/apologies/{id}/confirm': {
      post: {
        summary: 'Xác nhận phiếu xin lỗi, đặt ngày hẹn mới và thông báo công dân',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
        ],
        requestBody: { required: false, ...json('ConfirmApology') },
        responses: {
          200: { description: 'Phiếu đã xác nhận', ...json('Apology') },
          400: error('Ngày hẹn mới không hợp lệ'),
          404: error('Không có phiếu này'),
          409: error('Đã xác nhận hoặc hồ sơ đã kết thúc'),
        },
      },
    },
    '/api/notice-groups/{id}/deactivate': {
      post: {
        summary: 'Ngừng gửi thông báo vào một nhóm thôn (nhóm vẫn được lưu, ghi lý do)',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
        ],
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { reason: { type: 'string', maxLength: 200 } },
              },
            },
          },
        },
        responses: {
          200: { description: 'Nhóm (status = inactive, inactiveReason)' },
          404: error('Không có nhóm này trong xã/phường của cán bộ'),
          409: error('Người đăng ký nhận tin riêng tự huỷ bằng /huynhantin'),
        },
      },
    },
    '/api/notice-groups/{id}/reactivate': {
      post: {
        summary: 'Gửi lại thông báo vào một nhóm đã ngừng (nhóm đã từng được duyệt)',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
        ],
        responses: {
          200: { description: 'Nhóm (status = approved)' },
          404: error('Không có nhóm này trong xã/phường của cán bộ'),
          409: error('Nhóm đang hoạt động hoặc chưa được duyệt'),
        },
      },
    },
    '/api/notices/recipients': {
      post: {
        summary: 'Đếm số nhóm nhận với lựa chọn nơi nhận (cả xã, thôn, nhãn), theo nền tảng',
        description:
          'Dùng khi soạn thông báo: không chọn gì thì 0 nhóm. byPlatform: telegram, zalo-oa, zalo-bot, share-kit.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['targets'],
                properties: {
                  targets: {
                    type: 'object',
                    properties: {
                      wholeCommune: { type: 'boolean' },
                      villages: { type: 'array', items: { type: 'string' }, maxItems: 100 },
                      tags: { type: 'array', items: { type: 'string' }, maxItems: 30 },
                    },
                  },
                },
              },
            },
          },
        },
        responses: {
          200: {
            description: 'Số nơi nhận',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    total: { type: 'integer' },
                    groups: { type: 'integer' },
                    subscribers: { type: 'integer' },
                    byPlatform: { type: 'object', additionalProperties: { type: 'integer' } },
                  },
                },
              },
            },
          },
          400: error('Lựa chọn không hợp lệ'),
        },
      },
    },
    '/api/openapi.json': {
      get: {
        summary: 'Tài liệu OpenAPI này',
        security: [],
        responses: { 200: { description: 'OpenAPI 3.1' } },
      },
    },
  };
  Object.assign(paths, noticePaths({ schema, error }));
  if (options.withChat) {
    paths['/api/chat'] = {
      post: {
        summary: 'Hỏi trợ lý (trò chuyện trên web)',
        security: [],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: schema(ChatRequestSchema, 'input') } },
        },
        responses: {
          200: {
            description: 'Câu trả lời',
            content: { 'application/json': { schema: schema(ChatReplySchema, 'output') } },
          },
          400: error('Yêu cầu không hợp lệ'),
        },
      },
    };
  }
  Object.assign(
    paths,
    miniAppPaths(
      { schema, error, referenceParam },
      { withProcedures: options.withProcedures === true },
    ),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'motcua — API hồ sơ (Trợ lý Một cửa)',
      version: '1.0.0',
      description:
        'Nộp, theo dõi và xử lý hồ sơ thủ tục hành chính. Trạng thái theo bộ mã của Cổng DVCQG. Mọi lỗi có dạng { "error": { "code", "message" (tiếng Việt), "fields"? } }.',
    },
    servers: [{ url: '/' }],
    security: [{ session: [] }],
    paths,
    components: {
      securitySchemes: {
        session: {
          type: 'http',
          scheme: 'bearer',
          description: 'Phiên đăng nhập (mc1.…) hoặc mã truy cập Zalo Mini App (công dân).',
        },
        zaloAccessToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'getAccessToken() của zmp-sdk.',
        },
      },
      schemas: {
        Error: schema(ErrorEnvelopeSchema, 'output'),
        Session: schema(SessionResponseSchema, 'output'),
        OfficerLogin: schema(OfficerLoginSchema, 'input'),
        SubmitDossier: schema(SubmitDossierSchema, 'input'),
        SubmitResponse: schema(SubmitResponseSchema, 'output'),
        Dossier: schema(DossierViewSchema, 'output'),
        DossierList: schema(DossierListSchema, 'output'),
        TransitionRequest: schema(TransitionRequestSchema, 'input'),
        SupplementRequest: schema(SupplementRequestSchema, 'input'),
        PublicStatus: schema(PublicStatusSchema, 'output'),
        Apology: schema(ApologyViewSchema, 'output'),
        ConfirmApology: schema(ConfirmApologySchema, 'input'),
        CommuneSummary: schema(CommuneSummarySchema, 'output'),
        Commune: schema(CommuneSchema, 'output'),
        FormerCommune: schema(FormerCommuneSchema, 'output'),
        NotifyLinkRequest: schema(NotifyLinkRequestSchema, 'input'),
        NotifyLink: schema(NotifyLinkResponseSchema, 'output'),
        NotifyChannels: schema(NotifyChannelsResponseSchema, 'output'),
      },
    },
  };
}
