/**
 * @module
 * Validates a resident's answers to a form and the documents attached, returning Vietnamese messages
 * per field. The same function runs in the Mini App (before sending) and in the API (before storing).
 */
import { issuesToFields, viErrorMap } from '../../common/zod-vi.js';
import { todayInVietnam } from '../../common/vietnam-id.js';
import { formDataSchema } from './field-schemas.js';
import type { DocumentRequirement, FormDefinition } from './form-types.js';

export type FormValidation =
  { ok: true; data: Record<string, unknown> } | { ok: false; fields: Record<string, string> };

/** Empty strings and nulls count as "not answered", as an untouched input sends them. */
function dropEmpty(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(data).filter(
      ([, v]) => v !== null && !(typeof v === 'string' && v.trim() === ''),
    ),
  );
}

/** Documents required for these answers (always-required ones plus those made required by `requiredWhen`). */
export function requiredDocuments(
  form: FormDefinition,
  data: Readonly<Record<string, unknown>>,
  today: string = todayInVietnam(),
): DocumentRequirement[] {
  return form.documents.filter((d) => d.required || d.requiredWhen?.(data, today) === true);
}

/**
 * Checks `data` against the form. `attachedDocumentCodes` lists the document codes that have at least
 * one file; pass `undefined` to skip the attachment check (e.g. while the resident is still typing).
 * Field keys in the result are the form's field names (`members.0.cccd` inside tables); document
 * problems are keyed `documents.<code>`.
 */
export function validateForm(
  form: FormDefinition,
  data: unknown,
  options: { attachedDocumentCodes?: ReadonlySet<string>; today?: string } = {},
): FormValidation {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, fields: { _: 'Dữ liệu tờ khai phải là một đối tượng JSON.' } };
  }
  const parsed = formDataSchema(form).safeParse(dropEmpty(data as Record<string, unknown>), {
    error: viErrorMap,
  });
  if (!parsed.success) return { ok: false, fields: issuesToFields(parsed.error.issues) };

  const fields: Record<string, string> = {};
  const today = options.today ?? todayInVietnam();
  form.checks?.(
    parsed.data,
    (field, message) => {
      fields[field] ??= message;
    },
    today,
  );

  const attached = options.attachedDocumentCodes;
  if (attached) {
    const known = new Set(form.documents.map((d) => d.code));
    for (const code of attached) {
      if (!known.has(code))
        fields[`documents.${code}`] = `Giấy tờ "${code}" không thuộc hồ sơ thủ tục này.`;
    }
    for (const doc of requiredDocuments(form, parsed.data, today)) {
      if (!attached.has(doc.code)) {
        fields[`documents.${doc.code}`] = `Vui lòng đính kèm: ${doc.label}.`;
      }
    }
  }
  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, data: parsed.data };
}
