/**
 * @module
 * The wire contract of the dossier API, shared by the API validator, its OpenAPI document and the Zalo
 * Mini App form. Zod schemas plus their inferred types; no Node-only imports.
 *
 * Statuses use the national portal vocabulary (DVCQG `TrangThaiHoSo` 1–10) so a later sync to the
 * provincial or national system is a mapping, not a redesign.
 */
import { z } from 'zod';
import { INVALID_MOBILE_MESSAGE, isIsoDate, normaliseMobile } from './vietnam-id.js';

// === Statuses

/** Status codes in DVCQG order; `dvcqg` is the numeric code used by the national portal sync. */
export const DOSSIER_STATUSES = {
  MOI_DANG_KY: { dvcqg: 1, label: 'Mới đăng ký' },
  DUOC_TIEP_NHAN: { dvcqg: 2, label: 'Được tiếp nhận' },
  KHONG_DUOC_TIEP_NHAN: { dvcqg: 3, label: 'Không được tiếp nhận' },
  DANG_XU_LY: { dvcqg: 4, label: 'Đang xử lý' },
  YEU_CAU_BO_SUNG: { dvcqg: 5, label: 'Yêu cầu bổ sung giấy tờ' },
  YEU_CAU_THUC_HIEN_NVTC: { dvcqg: 6, label: 'Yêu cầu thực hiện nghĩa vụ tài chính' },
  CONG_DAN_YEU_CAU_RUT: { dvcqg: 7, label: 'Công dân yêu cầu rút hồ sơ' },
  DUNG_XU_LY: { dvcqg: 8, label: 'Dừng xử lý' },
  DA_XU_LY_XONG: { dvcqg: 9, label: 'Đã xử lý xong' },
  DA_TRA_KET_QUA: { dvcqg: 10, label: 'Đã trả kết quả' },
} as const;

export type DossierStatus = keyof typeof DOSSIER_STATUSES;
export const DossierStatusSchema = z.enum(
  Object.keys(DOSSIER_STATUSES) as [DossierStatus, ...DossierStatus[]],
);

/** Vietnamese label of a status code. */
export function statusLabel(status: DossierStatus): string {
  return DOSSIER_STATUSES[status].label;
}

/** How the result is returned: at the one-stop desk, or by the public postal service (bưu chính công ích). */
export const ResultDeliverySchema = z.enum(['tai_quay', 'buu_chinh']);
export type ResultDelivery = z.infer<typeof ResultDeliverySchema>;
export const RESULT_DELIVERY_LABELS: Record<ResultDelivery, string> = {
  tai_quay: 'Nhận tại Bộ phận Một cửa',
  buu_chinh: 'Nhận qua dịch vụ bưu chính công ích',
};

// === References

/**
 * Alphabet of dossier references: no I, O, Q, Z, 0 or 1, so a reference can be read aloud over the
 * phone without confusion. Positions 3 and 6 are always digits (GOV.UK Forms style): `AB3CD4EF`.
 */
export const REFERENCE_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXY';
export const REFERENCE_DIGITS = '23456789';
export const REFERENCE_PATTERN =
  /^[ABCDEFGHJKLMNPRSTUVWXY]{2}[2-9][ABCDEFGHJKLMNPRSTUVWXY]{2}[2-9][ABCDEFGHJKLMNPRSTUVWXY]{2}$/;

/** Upper-cases and removes spaces and dashes, so "ab3-cd4-ef" matches "AB3CD4EF". */
export function normaliseReference(value: string): string {
  return value.toUpperCase().replace(/[\s-]/g, '');
}

export const ReferenceSchema = z
  .string()
  .max(20)
  .transform(normaliseReference)
  .refine((v) => REFERENCE_PATTERN.test(v), {
    message: 'Mã hồ sơ gồm 8 ký tự, ví dụ AB3CD4EF.',
  });

// === Shared field schemas

const text = (max: number, required = 'Vui lòng nhập thông tin này.') =>
  z.string({ error: required }).trim().min(1, required).max(max, `Tối đa ${max} ký tự.`);

/** A Vietnamese mobile number, normalised to `0xxxxxxxxx`. */
export const MobilePhoneSchema = z
  .string({ error: 'Vui lòng nhập số điện thoại di động.' })
  .max(20, INVALID_MOBILE_MESSAGE)
  .transform((v, ctx) => {
    const phone = normaliseMobile(v);
    if (phone === null) {
      ctx.addIssue({ code: 'custom', message: INVALID_MOBILE_MESSAGE });
      return z.NEVER;
    }
    return phone;
  })
  .meta({ description: 'Số di động Việt Nam, 10 chữ số (chấp nhận +84); lưu dạng 0xxxxxxxxx.' });

/** An ISO calendar date `YYYY-MM-DD`. */
export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật.' });

/** Post-2025 commune-level unit code (5 digits, Quyết định 19/2025/QĐ-TTg). */
export const CommuneCodeSchema = z
  .string({ error: 'Vui lòng chọn xã/phường nơi nộp hồ sơ.' })
  .regex(/^\d{5}$/, 'Mã xã/phường gồm 5 chữ số (theo Quyết định 19/2025/QĐ-TTg).');

/** Channels a resident can choose for status notices; `none` means no message is sent. */
export const NotifyChannelSchema = z.enum(['zalo', 'zalo-oa', 'telegram', 'none']);

/**
 * The resident's choice of channel. The chat on that channel is never taken from the request: it is
 * the one the resident proved is theirs (a link code sent from that chat, see `POST /api/me/notify-links`).
 */
export const NotifyPreferenceSchema = z.object({
  channel: NotifyChannelSchema,
  /**
   * Kept for older clients only: the server refuses it unless it is the chat already proved on that
   * channel (a typed chat id would let anyone make the bot message any chat).
   */
  recipient: z
    .string()
    .trim()
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'Mã người nhận không hợp lệ.')
    .optional(),
});
export type NotifyPreference = z.infer<typeof NotifyPreferenceSchema>;

// === Requests

/** One attachment sent inside a JSON body (base64). Multipart uploads use a file part instead. */
export const InlineAttachmentSchema = z.object({
  /** Code of the required document in the form definition (e.g. "giay_chung_sinh"). */
  documentCode: z.string().regex(/^[a-z0-9_]{1,64}$/, 'Mã giấy tờ không hợp lệ.'),
  fileName: text(200),
  contentBase64: z.string().min(1, 'Tệp đính kèm trống.'),
});
export type InlineAttachment = z.infer<typeof InlineAttachmentSchema>;

export const ApplicantSchema = z.object({
  fullName: text(120, 'Vui lòng nhập họ, chữ đệm và tên người nộp.'),
  phone: MobilePhoneSchema,
  email: z.email('Địa chỉ email không hợp lệ.').max(200).optional(),
});

/**
 * Body of `POST /api/dossiers`: JSON, or the `payload` part of a multipart/form-data upload whose
 * file parts are named by document code.
 */
export const SubmitDossierSchema = z
  .object({
    procedureCode: z.string({ error: 'Vui lòng chọn thủ tục.' }).trim().min(1).max(32),
    communeCode: CommuneCodeSchema,
    applicant: ApplicantSchema,
    /** Answers to the procedure's form; validated by the form definition in knowledge/forms. */
    formData: z.record(z.string(), z.unknown()),
    resultDelivery: ResultDeliverySchema.default('tai_quay'),
    deliveryAddress: text(300).optional(),
    notify: NotifyPreferenceSchema.default({ channel: 'none' }),
    attachments: z.array(InlineAttachmentSchema).optional(),
  })
  .refine((d) => d.resultDelivery !== 'buu_chinh' || d.deliveryAddress !== undefined, {
    message: 'Vui lòng nhập địa chỉ nhận kết quả qua bưu chính.',
    path: ['deliveryAddress'],
  });
export type SubmitDossierInput = z.input<typeof SubmitDossierSchema>;
export type SubmitDossier = z.output<typeof SubmitDossierSchema>;

/** Body of `POST /api/dossiers/:reference/transitions`. */
export const TransitionRequestSchema = z.object({
  to: DossierStatusSchema,
  note: z.string().trim().max(2000, 'Tối đa 2000 ký tự.').optional(),
  /** Required with YEU_CAU_BO_SUNG: what the resident must add. */
  missingDocuments: z.array(text(500)).max(30).optional(),
  /** With DA_TRA_KET_QUA: how the result was actually returned. */
  resultDelivery: ResultDeliverySchema.optional(),
  /** With YEU_CAU_THUC_HIEN_NVTC: amount to pay, in VND. */
  feeAmountVnd: z.number().int().nonnegative().max(1_000_000_000).optional(),
  /** Optimistic concurrency: the `version` the officer was looking at. */
  expectedVersion: z.number().int().positive().optional(),
});
export type TransitionRequest = z.infer<typeof TransitionRequestSchema>;

/** JSON body of `POST /api/dossiers/:reference/supplements` (or the `payload` part of a multipart upload). */
export const SupplementRequestSchema = z.object({
  note: z.string().trim().max(2000).optional(),
  attachments: z.array(InlineAttachmentSchema).optional(),
});

/** Body of `POST /api/officer/login`. */
export const OfficerLoginSchema = z.object({
  username: text(64, 'Vui lòng nhập tên đăng nhập.'),
  password: z
    .string({ error: 'Vui lòng nhập mật khẩu.' })
    .min(1, 'Vui lòng nhập mật khẩu.')
    .max(256),
});

/** Body of `POST /api/officer/apologies/:id/confirm`. */
export const ConfirmApologySchema = z.object({
  /** New return date; defaults to the one proposed by the late-dossier check. */
  newAppointmentDate: IsoDateSchema.optional(),
  /** Reason for the delay, printed on the apology letter. */
  reason: z.string().trim().min(1).max(1000).optional(),
});

// === Responses

export const AttachmentViewSchema = z.object({
  id: z.string(),
  documentCode: z.string(),
  fileName: z.string(),
  contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type AttachmentView = z.infer<typeof AttachmentViewSchema>;

export const HistoryEntryViewSchema = z.object({
  seq: z.number().int(),
  action: z.string(),
  status: DossierStatusSchema,
  statusLabel: z.string(),
  at: z.string(),
  /** "Công dân", "Cán bộ", "Hệ thống" for residents; officers also see the username. */
  by: z.string(),
  note: z.string().nullable(),
});

export const DossierViewSchema = z.object({
  reference: z.string(),
  procedure: z.object({ code: z.string(), name: z.string() }),
  communeCode: z.string(),
  status: DossierStatusSchema,
  statusLabel: z.string(),
  /** Filed from the mini-app's trial sign-in (no Zalo account; development servers only). */
  trial: z.boolean(),
  dvcqgStatus: z.number().int(),
  submittedAt: z.string(),
  receivedAt: z.string().nullable(),
  /** Ngày hẹn trả kết quả (YYYY-MM-DD); provisional until the desk accepts the dossier. */
  appointmentDate: z.string().nullable(),
  completedAt: z.string().nullable(),
  resultDelivery: ResultDeliverySchema,
  deliveryAddress: z.string().nullable(),
  missingDocuments: z.array(z.string()),
  feeAmountVnd: z.number().nullable(),
  applicant: z.object({ fullName: z.string(), phone: z.string(), email: z.string().nullable() }),
  formData: z.record(z.string(), z.unknown()),
  notify: z.object({ channel: NotifyChannelSchema, recipient: z.string().nullable() }),
  attachments: z.array(AttachmentViewSchema),
  history: z.array(HistoryEntryViewSchema),
  version: z.number().int(),
});
export type DossierView = z.infer<typeof DossierViewSchema>;

/** Returned by `POST /api/dossiers` (201 new, 200 idempotent retry). */
export const SubmitResponseSchema = z.object({
  dossier: DossierViewSchema,
  receipt: z.object({
    reference: z.string(),
    procedureName: z.string(),
    submittedAt: z.string(),
    appointmentDate: z.string().nullable(),
    resultDelivery: z.string(),
    /** Vietnamese receipt text the app can show or read out. */
    text: z.string(),
  }),
});

export const DossierSummarySchema = DossierViewSchema.pick({
  reference: true,
  procedure: true,
  communeCode: true,
  status: true,
  statusLabel: true,
  trial: true,
  submittedAt: true,
  appointmentDate: true,
}).extend({ applicantName: z.string(), updatedAt: z.string() });

export const DossierListSchema = z.object({
  items: z.array(DossierSummarySchema),
  /** Pass as `?cursor=` to get the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});

/** Public status lookup answer: status and dates only, never names, CCCD or phone. */
export const PublicStatusSchema = z.object({
  reference: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  status: DossierStatusSchema,
  statusLabel: z.string(),
  submittedAt: z.string(),
  appointmentDate: z.string().nullable(),
  updatedAt: z.string(),
});

export const SessionResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  subject: z.object({
    kind: z.enum(['resident', 'officer']),
    id: z.string(),
    name: z.string().nullable(),
    communeCode: z.string().nullable(),
    role: z.enum(['resident', 'officer', 'admin']),
  }),
});

export const ApologyViewSchema = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.enum(['pending', 'confirmed']),
  originalDate: z.string(),
  proposedDate: z.string(),
  /** Text of the "Phiếu xin lỗi và hẹn lại ngày trả kết quả" (Nghị định 118/2025/NĐ-CP). */
  letter: z.string(),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
  confirmedBy: z.string().nullable(),
});

/** Every error: `{ error: { code, message (Vietnamese), fields? } }`. */
export const ErrorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>;

// === Notification chats (proved by a one-time link code sent from the chat)

/** Channels whose chat a resident can link (every {@link NotifyChannelSchema} value but `none`). */
export const LinkableChannelSchema = z.enum(['telegram', 'zalo', 'zalo-oa'], {
  error: 'Kênh nhận thông báo không hợp lệ.',
});

/** Body of `POST /api/me/notify-links`. */
export const NotifyLinkRequestSchema = z.object({ channel: LinkableChannelSchema });

/** Returned by `POST /api/me/notify-links` (201). */
export const NotifyLinkResponseSchema = z.object({
  channel: LinkableChannelSchema,
  /** 12 characters, single use, valid for 15 minutes; only its hash is stored. */
  code: z.string(),
  expiresAt: z.string(),
  /** Telegram deep link `https://t.me/<bot>?start=<code>`; null for channels without one. */
  url: z.string().nullable(),
  /** What to send to the bot instead: `/lienket <code>`. */
  command: z.string(),
  /** Vietnamese instructions to show. */
  instructions: z.string(),
});

/** Returned by `GET /api/me/notify-channels`. */
export const NotifyChannelsResponseSchema = z.object({
  items: z.array(
    z.object({
      channel: LinkableChannelSchema,
      label: z.string(),
      /** A bot runs for this channel on this server. */
      available: z.boolean(),
      /** The resident proved a chat on it; dossiers may then choose it. */
      linked: z.boolean(),
      linkedAt: z.string().nullable(),
    }),
  ),
});
