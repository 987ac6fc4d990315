import { z } from 'zod';

/*
 * motcua's own schema for one administrative procedure (thủ tục hành chính). Every fact an answer states
 * must come from a field here. Values are cleaned official text (NFC, single spaces, no portal UI text).
 */

/** Implementing level after the 2025 two-level reform: ministry, province, commune/ward. */
export const LevelSchema = z.enum(['bo', 'tinh', 'xa']);
export type Level = z.infer<typeof LevelSchema>;

/** Way of filing a dossier. */
export const ChannelSchema = z.enum(['online', 'in_person', 'postal']);
export type Channel = z.infer<typeof ChannelSchema>;

export const DurationUnitSchema = z.enum(['working_day', 'day', 'hour', 'month', 'year', 'other']);
export type DurationUnit = z.infer<typeof DurationUnitSchema>;

/** Processing time: a quantity with a unit when the source states one, and the original text. */
export const DurationSchema = z.object({
  quantity: z.number().nonnegative().nullable(),
  unit: DurationUnitSchema,
  /** Original wording when the time is free text or qualified ("15 ngày làm việc; trường hợp …"). */
  text: z.string().nullable(),
});
export type Duration = z.infer<typeof DurationSchema>;

/** A fee or charge (phí, lệ phí). amountVnd 0 means free; null means the amount is only in `text`. */
export const FeeSchema = z.object({
  kind: z.enum(['le_phi', 'phi', 'other']),
  amountVnd: z.number().nonnegative().nullable(),
  text: z.string(),
});
export type Fee = z.infer<typeof FeeSchema>;

export const FilingMethodSchema = z.object({
  channel: ChannelSchema,
  processingTime: DurationSchema.nullable(),
  fees: z.array(FeeSchema),
  description: z.string().nullable(),
});
export type FilingMethod = z.infer<typeof FilingMethodSchema>;

/** A form template (mẫu đơn, tờ khai) attached to a document or to the procedure. */
export const FormRefSchema = z.object({
  fileName: z.string(),
  /** Human title when known, e.g. "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)". */
  title: z.string().nullable(),
  /** Official download URL when the source gives one. */
  url: z.string().nullable(),
});
export type FormRef = z.infer<typeof FormRefSchema>;

export const DocumentSchema = z.object({
  name: z.string(),
  originals: z.number().int().nonnegative().nullable(),
  copies: z.number().int().nonnegative().nullable(),
  forms: z.array(FormRefSchema),
});
export type ProcedureDocument = z.infer<typeof DocumentSchema>;

/** Documents grouped as the portal groups them ("Giấy tờ phải nộp", "Trường hợp …"). */
export const DocumentGroupSchema = z.object({
  name: z.string().nullable(),
  documents: z.array(DocumentSchema),
});
export type DocumentGroup = z.infer<typeof DocumentGroupSchema>;

export const LegalBasisSchema = z.object({
  /** Document number, e.g. "123/2015/NĐ-CP". */
  number: z.string().nullable(),
  title: z.string(),
});
export type LegalBasis = z.infer<typeof LegalBasisSchema>;

/** Which source files contributed to a record (for the import report and provenance). */
export const SourceNameSchema = z.enum([
  'dvcqg-api',
  'dvcqg-normalized',
  'dvcqg-crawl',
  'bqp',
  'dvcqg-catalog',
  'popularity',
]);
export type SourceName = z.infer<typeof SourceNameSchema>;

export const ProcedureSchema = z.object({
  /** Official procedure code (mã TTHC), e.g. "1.001193". Unique key. */
  code: z.string().regex(/^\d\.\d{6}$|^[0-9A-Za-z.\-_]+$/),
  name: z.string().min(1),
  /** "full" when the record has detail content; "listed" for master-list-only records. */
  detail: z.enum(['full', 'listed']),
  /** Field (lĩnh vực), e.g. "Hộ tịch". */
  field: z.string().nullable(),
  levels: z.array(LevelSchema),
  /** Procedure type text (loại thủ tục) or catalogue type (STANDARD / SPECIFIC / STANDARD_INTERNAL). */
  type: z.string().nullable(),
  /** National procedure, or specific to one province (then `province` names the promulgating UBND). */
  scope: z.enum(['national', 'provincial', 'internal']),
  province: z.string().nullable(),
  /** Agency that promulgated the procedure (Bộ Tư pháp, UBND tỉnh Thanh Hóa, …). */
  promulgatedBy: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  agencies: z.object({
    executing: z.array(z.string()),
    competent: z.array(z.string()),
    coordinating: z.array(z.string()),
    receivingAddress: z.string().nullable(),
  }),
  targetGroups: z.array(z.string()),
  steps: z.array(z.string()),
  filingMethods: z.array(FilingMethodSchema),
  documentGroups: z.array(DocumentGroupSchema),
  results: z.array(z.string()),
  conditions: z.string().nullable(),
  legalBases: z.array(LegalBasisSchema),
  /** Fully online (dịch vụ công trực tuyến toàn trình) when the source says so; null when unknown. */
  fullyOnline: z.boolean().nullable(),
  /** Official page on the National Public Service Portal. */
  sourceUrl: z.string().url(),
  /** When the portal last updated the record (ISO date), if known. */
  updatedAt: z.string().nullable(),
  /** Usage weight from the portal's online-service lists; null when not listed there. */
  popularity: z.number().nonnegative().nullable(),
  sources: z.array(SourceNameSchema),
});
export type Procedure = z.infer<typeof ProcedureSchema>;

/** Header of the committed catalogue (knowledge/catalogue/data/meta.json). */
export const CatalogueMetaSchema = z.object({
  schemaVersion: z.literal(1),
  /** Date of the newest source snapshot (ISO date), shown to residents as "dữ liệu cập nhật ngày". */
  snapshotDate: z.string(),
  count: z.number().int().nonnegative(),
  /** SHA-256 of procedures.jsonl, so indexes can tell when they are stale. */
  sha256: z.string(),
});
export type CatalogueMeta = z.infer<typeof CatalogueMetaSchema>;
