/**
 * @module
 * The JSON view of a form served at `GET /api/forms/:procedureCode`: sections, fields, documents and
 * a JSON Schema of the answers, without the functions of the TypeScript definition.
 */
import { z } from 'zod';
import { fieldSchema, formFields } from './field-schemas.js';
import type { PublicForm } from '../../common/form-contract.js';
import type { FieldDefinition, FormDefinition } from './form-types.js';

export type { PublicForm };

function plainField(field: FieldDefinition): FieldDefinition {
  return { ...field, ...(field.columns ? { columns: field.columns.map(plainField) } : {}) };
}

/** Serialisable view of a form definition. */
export function toPublicForm(form: FormDefinition): PublicForm {
  const fields = formFields(form);
  const schema = z.object(Object.fromEntries(fields.map((f) => [f.name, fieldSchema(f)])));
  return {
    procedureCode: form.procedureCode,
    slug: form.slug,
    title: form.title,
    template: form.template,
    legalBasis: form.legalBasis,
    sections: form.sections.map((s) => ({ ...s, fields: s.fields.map(plainField) })),
    documents: form.documents.map((d) => ({
      code: d.code,
      label: d.label,
      required: d.required,
      condition: d.condition ?? null,
    })),
    prefill: Object.fromEntries(
      fields.filter((f) => f.prefill).map((f) => [f.name, f.prefill as string]),
    ),
    jsonSchema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<
      string,
      unknown
    >,
  };
}
