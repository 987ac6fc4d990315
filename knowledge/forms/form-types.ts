/**
 * @module
 * Shapes of a procedure's online form (tờ khai): sections of labelled fields, the documents to attach,
 * and which fields the Mini App may pre-fill from the resident's profile. Definitions are plain data
 * plus a few cross-field checks, so the API validator and the Mini App form share one source.
 */

import type { FormHeading } from '../../common/form-contract.js';

// The serialisable parts are the wire contract the mini-app shares (common/form-contract.ts).
export type {
  FieldDefinition,
  FieldKind,
  PrefillKey,
  SectionDefinition,
} from '../../common/form-contract.js';

/** A document the resident uploads (scan or photo). */
export interface DocumentRequirement {
  /** Stable code, used as the multipart part name and `documentCode` of an attachment. */
  code: string;
  label: string;
  /** Always required. When false, `requiredWhen` may still make it required for some answers. */
  required: boolean;
  /** Vietnamese description of when the document is needed, shown next to the upload button. */
  condition?: string;
  /** `today` is `YYYY-MM-DD` (Vietnam), for rules that depend on an age. */
  requiredWhen?: (data: Readonly<Record<string, unknown>>, today: string) => boolean;
  /**
   * Which items of the procedure's catalogue record this upload stands for: their ids "g.d" (group g,
   * document d) in `documentGroups`. A test checks every form against its record with these.
   */
  source?: readonly string[];
}

/** Reports a problem on one field (or `_` for the whole form) during cross-field checks. */
export type AddFieldIssue = (field: string, message: string) => void;

/** The online form of one procedure. */
export interface FormDefinition extends FormHeading {
  documents: readonly DocumentRequirement[];
  /** Cross-field checks run after every field is individually valid. `today` is `YYYY-MM-DD` (Vietnam). */
  checks?: (
    data: Readonly<Record<string, unknown>>,
    addIssue: AddFieldIssue,
    today: string,
  ) => void;
}
