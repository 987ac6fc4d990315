/**
 * @module What of a procedure record is searchable, split into fields of different trust: the name
 * says what the procedure is; the field and agency place it; documents and results describe it.
 */
import type { Procedure } from '../catalogue/procedure-schema.js';

/** Searchable text of one procedure, by field. */
export interface ProcedureFields {
  name: string;
  field: string;
  body: string;
}

/** Long document lists add little beyond their first items and would bloat the index. */
const MAX_BODY_CHARS = 3000;

/** The name without the "Thủ tục" prefix many (not all) names carry, so it does not skew lengths. */
export function searchableName(name: string): string {
  return name.replace(/^\s*thủ tục\s*:?\s*/iu, '');
}

/**
 * Searchable fields of a procedure. `expand` may append wording to name and body (abbreviations
 * spelled out, so "thẻ BHYT" is also found as "bảo hiểm y tế").
 */
/** Parenthetical clarifications in a name ("(thực hiện tại cấp tỉnh)"). */
export const PARENTHESES = /\([^()]*\)/g;

/** The name without its parenthetical clarifications ("(áp dụng cho cả trường hợp …)"). */
export function coreName(name: string): string {
  const plain = searchableName(name);
  return plain.replace(PARENTHESES, ' ').replace(/\s+/g, ' ').trim() || plain;
}

export function procedureFields(
  p: Procedure,
  expand: (text: string) => string = (t) => t,
): ProcedureFields {
  const body = [
    ...p.documentGroups.flatMap((g) => [g.name ?? '', ...g.documents.map((d) => d.name)]),
    ...p.results,
  ]
    .filter((s) => s.trim() !== '')
    .join(' . ')
    .slice(0, MAX_BODY_CHARS);
  const field = [p.field ?? '', ...p.agencies.executing].join(' . ');
  return { name: expand(searchableName(p.name)), field, body: expand(body) };
}

/** Body characters given to embeddings: enough for the gist, cheap to embed and to train on. */
const MAX_DENSE_BODY_CHARS = 1000;

/** One text per procedure for embeddings: the name counts twice, as it is the most telling part. */
export function denseText(fields: ProcedureFields): string {
  const body = fields.body.slice(0, MAX_DENSE_BODY_CHARS);
  return [fields.name, fields.name, fields.field, body].join(' . ');
}
