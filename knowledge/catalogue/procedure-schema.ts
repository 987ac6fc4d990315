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

/**
 * A fee or charge (phí, lệ phí) for one way of filing (the channel is the filing method's). amountVnd 0
 * means free; null means the amount is only in `text`. The optional parts are cut from the source's own
 * text by the importer: what the amount is counted per, the case it applies to, and the dates it is valid
 * between ("Kể từ ngày 01/7/2025 đến hết ngày 31/12/2026" → validFrom 2025-07-01, validTo 2026-12-31).
 * A fee whose validTo is before today is never shown as the current fee.
 */
export const FeeSchema = z.object({
  kind: z.enum(['le_phi', 'phi', 'other']),
  amountVnd: z.number().nonnegative().nullable(),
  /** The source's wording, cleaned (what the resident reads when no clean part is known). */
  text: z.string(),
  /** Unit the amount is counted per, as the source says it: "lần", "trang", "người/lần đăng ký", "bản"… */
  per: z.string().nullable().optional(),
  /** The case this amount applies to, cut from the source ("Đăng ký tạm trú theo danh sách: …"). */
  condition: z.string().nullable().optional(),
  /** First day the amount applies (ISO date), when the source says. */
  validFrom: z.string().nullable().optional(),
  /** Last day the amount applies (ISO date), when the source says. */
  validTo: z.string().nullable().optional(),
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
  /** The portal's file name, for download only: never shown to residents (often garbled). */
  fileName: z.string(),
  /**
   * Readable title derived by the importer from the file name ("Mẫu số 02", "Mẫu CT01", "Phụ lục III",
   * "Giấy ủy quyền khiếu nại"); null when the file name says nothing readable.
   */
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

/**
 * Processing time of one case (trường hợp) of a procedure, from the portal's per-case data
 * (`cases[].processingDay {qty, type}` / `processing_cases[] {qty, unit}`). Cases may differ
 * (đăng ký khai tử: 5 working days, or 1–2 days); `code` is the portal's case code ("1.000656.01").
 */
export const ProcessingCaseSchema = z.object({
  code: z.string().nullable(),
  time: DurationSchema,
});
export type ProcessingCase = z.infer<typeof ProcessingCaseSchema>;

/** How a resident reads one source document item (see knowledge/catalogue/resident-view.ts). */
export const ResidentItemKindSchema = z.enum(['form', 'submit', 'show', 'conditional', 'note']);
export type ResidentItemKind = z.infer<typeof ResidentItemKindSchema>;

/**
 * One document item as a resident reads it. `id` is the source item's position "g.d" (group g, document d,
 * from 0) in `documentGroups`; `label` is the item's own text, only cut (at ";", "(", a sentence end).
 */
export const ResidentItemSchema = z.object({
  id: z.string().regex(/^\d+\.\d+$/),
  kind: ResidentItemKindSchema,
  label: z.string(),
  /** For conditional items: the condition as the source words it ("Trường hợp trẻ em bị bỏ rơi"). */
  condition: z.string().nullable(),
  /** Readable titles of the forms attached to the item. */
  forms: z.array(z.string()),
});
export type ResidentItem = z.infer<typeof ResidentItemSchema>;

/**
 * The resident's view of a procedure's documents, derived from the record at import time: the main items
 * (forms first, then documents to submit, then to show) and the conditional ones; officers' notes are kept
 * out. `reviewed` is true when a reviewed overlay (resident-overlay.json) picked and ordered the main items.
 */
export const ResidentViewSchema = z.object({
  main: z.array(ResidentItemSchema),
  conditional: z.array(ResidentItemSchema),
  notes: z.array(z.string().regex(/^\d+\.\d+$/)),
  reviewed: z.boolean(),
});
export type ResidentView = z.infer<typeof ResidentViewSchema>;

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
  /**
   * Who handles the dossier. `executing` is the agency that receives and settles it, as the record says
   * (e.g. "Công an cấp xã" for cư trú, "Ủy ban nhân dân cấp xã" for hộ tịch): route desks by it.
   * `receivingAddress` is where the record says dossiers are received, when it says.
   */
  agencies: z.object({
    executing: z.array(z.string()),
    competent: z.array(z.string()),
    coordinating: z.array(z.string()),
    receivingAddress: z.string().nullable(),
  }),
  targetGroups: z.array(z.string()),
  steps: z.array(z.string()),
  filingMethods: z.array(FilingMethodSchema),
  /**
   * Processing time per case with its unit, when the portal gives per-case times. Prefer these over a
   * filing method's unit-less time (appointment dates are computed from them).
   */
  processingCases: z.array(ProcessingCaseSchema).optional(),
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
  /** The resident view of the documents, derived at import time (absent on hand-made records). */
  resident: ResidentViewSchema.optional(),
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
