/**
 * @module
 * The wire shapes of the procedure routes the mini-app reads: a procedure in a list
 * (`GET /api/procedures/search`, `/popular`) and a procedure's page (`GET /api/procedures/:code`:
 * the record's facts and the resident view). Plain data, no Node imports: the API builds them and the
 * mini-app renders them. Every text is the catalogue record's own (cut, never reworded).
 */

/** A procedure in a list. */
export interface ProcedureSummary {
  code: string;
  name: string;
  field: string | null;
  levels: string[];
  /** True when the mini-app has an online form for it. */
  hasForm: boolean;
}

/** How a resident reads one document item of the record (knowledge/catalogue/resident-view.ts). */
export type ResidentItemKind = 'form' | 'submit' | 'show' | 'conditional' | 'note';

/** One document item as a resident reads it. */
export interface ResidentItem {
  /** The source item's position "g.d" in the record's `documentGroups`. */
  id: string;
  kind: ResidentItemKind;
  /** The item's own text, only cut (at ";", "(", a sentence end). */
  label: string;
  /** For conditional items: the condition as the source words it ("Trường hợp ủy quyền …"). */
  condition: string | null;
  /** Readable titles of the forms attached to the item ("Mẫu CT01"). */
  forms: string[];
}

/** The conditional items that share one condition (null: items whose case the source does not name). */
export interface ResidentConditionGroup {
  condition: string | null;
  items: ResidentItem[];
}

/** The resident's commune office, when the request names a commune (`?commune=<5-digit code>`). */
export interface ResidentCommuneOffice {
  code: string;
  /** "xã Minh Sơn". */
  name: string;
  /** Who receives the dossier there: "Công an xã Minh Sơn" or "Bộ phận Một cửa UBND xã Minh Sơn". */
  desk: string;
  /** The commune government's office address, when the directory knows it. */
  officeAddress: string | null;
}

/**
 * The resident's view of one procedure: the same facts and wording as the chat answer. Documents:
 * `main` (forms to fill first, then documents to submit, then to show), `conditional` (other cases),
 * the same conditional items grouped by their condition, and `notes` (instructions for officers, kept
 * out of the resident's list). `reviewed` is true when a reviewed overlay picked the main items.
 */
export interface ResidentSummary {
  code: string;
  name: string;
  documents: {
    main: ResidentItem[];
    conditional: ResidentItem[];
    byCondition: ResidentConditionGroup[];
    notes: ResidentItem[];
    reviewed: boolean;
  };
  /** Current fee lines, one per way of filing (or one when all are the same); ended rates left out. */
  fees: string[];
  /** Processing time lines with their units (per case when they differ). */
  time: string[];
  /** The agency that receives the dossier and the receiving address, as the record says. */
  where: {
    agency: string | null;
    receivingAddress: string | null;
    commune: ResidentCommuneOffice | null;
  };
  /** The procedure can be filed online on the National Public Service Portal. */
  online: boolean;
  fullyOnline: boolean | null;
  /** Official page on the National Public Service Portal. */
  sourceUrl: string;
  /** Catalogue snapshot date (ISO). */
  snapshotDate: string;
}

/** The record's facts (text as the record has it) shown beside the resident view. */
export interface ProcedureFacts extends ProcedureSummary {
  formTitle: string | null;
  scope: string;
  province: string | null;
  agencies: {
    executing: string[];
    competent: string[];
    coordinating: string[];
    receivingAddress: string | null;
  };
  targetGroups: string[];
  steps: string[];
  results: string[];
  conditions: string | null;
  fullyOnline: boolean | null;
  sourceUrl: string;
  updatedAt: string | null;
  /** Catalogue snapshot date (ISO), shown as "dữ liệu cập nhật ngày". */
  catalogueDate: string;
}

/** `GET /api/procedures/:code`. */
export interface ProcedurePage {
  procedure: ProcedureFacts;
  resident: ResidentSummary;
}
