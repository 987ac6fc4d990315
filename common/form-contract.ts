/**
 * @module
 * The wire shape of an online form (tờ khai) as `GET /api/forms/:procedureCode` serves it: sections of
 * labelled fields, the documents to attach, pre-fill hints and a JSON Schema of the answers. Shared by
 * the API (knowledge/forms builds it) and the mini-app (renders it); plain data, no Node imports.
 */

/** Input kinds the Mini App knows how to render. `cccd` and `phone` carry Vietnamese validation. */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'date'
  | 'select'
  | 'radio'
  | 'cccd'
  | 'phone'
  | 'email'
  | 'number'
  | 'checkbox'
  | 'table';

/** Profile facts a Mini App can pre-fill (the resident still checks them before submitting). */
export type PrefillKey =
  | 'fullName'
  | 'dateOfBirth'
  | 'sex'
  | 'cccd'
  | 'phone'
  | 'email'
  | 'address'
  | 'communeName'
  | 'today';

/** One input of a form. `name` is the key in `formData`. */
export interface FieldDefinition {
  name: string;
  /** Vietnamese label as printed on the official form. */
  label: string;
  kind: FieldKind;
  required: boolean;
  options?: readonly string[];
  prefill?: PrefillKey;
  placeholder?: string;
  hint?: string;
  maxLength?: number;
  /** Dates only: allow a date after today (e.g. an intended date). Default false. */
  allowFuture?: boolean;
  /** Numbers only. */
  min?: number;
  max?: number;
  /** Tables only: the columns of each row. */
  columns?: readonly FieldDefinition[];
  /** Tables only: the most rows accepted. */
  maxRows?: number;
}

export interface SectionDefinition {
  title: string;
  note?: string;
  fields: readonly FieldDefinition[];
}

/** A document to upload, as served (the rule that makes a conditional one required stays server-side). */
export interface PublicFormDocument {
  /** Multipart part name and `documentCode` of an attachment. */
  code: string;
  label: string;
  required: boolean;
  /** When the document is needed, in Vietnamese; null for an always-required one without a note. */
  condition: string | null;
}

/** What names a form and its fields: shared by the form definitions and the wire form. */
export interface FormHeading {
  /** Procedure code (mã TTHC) on the national portal, e.g. "1.001193". */
  procedureCode: string;
  slug: string;
  /** Procedure name as residents know it. */
  title: string;
  /** Official template the form reproduces, e.g. "Tờ khai đăng ký khai sinh (TT 04/2024/TT-BTP)". */
  template: string;
  legalBasis: readonly string[];
  sections: readonly SectionDefinition[];
}

/** A form as plain JSON (`GET /api/forms/:procedureCode`). */
export interface PublicForm extends FormHeading {
  documents: PublicFormDocument[];
  /** Field name → profile fact the app may pre-fill. */
  prefill: Record<string, string>;
  /** JSON Schema (draft 2020-12) of `formData`; cross-field rules are in the Vietnamese `condition`/`hint` texts. */
  jsonSchema: Record<string, unknown>;
}
