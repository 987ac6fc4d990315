/**
 * @module
 * Turns field definitions into zod schemas with Vietnamese messages, so a form is declared once (as
 * data the Mini App can render) and validated the same way on both sides.
 */
import { z } from 'zod';
import {
  decodeCccd,
  INVALID_MOBILE_MESSAGE,
  isIsoDate,
  normaliseMobile,
  todayInVietnam,
} from '../../common/vietnam-id.js';
import type { FieldDefinition, FormDefinition } from './form-types.js';

const DEFAULT_MAX: Partial<Record<FieldDefinition['kind'], number>> = {
  text: 200,
  textarea: 1000,
  email: 200,
};

function requiredMessage(field: FieldDefinition): string {
  const verb = ['select', 'radio'].includes(field.kind) ? 'chọn' : 'nhập';
  return `Vui lòng ${verb} "${field.label}".`;
}

/** Schema-level error: "please enter" when the value is missing, `otherwise` when it has the wrong type. */
function typeError(field: FieldDefinition, otherwise: string) {
  return {
    error: (issue: { input?: unknown }) =>
      issue.input === undefined ? requiredMessage(field) : otherwise,
  };
}

/** The zod schema of one field's value (required-ness applied by {@link fieldSchema}). */
function valueSchema(field: FieldDefinition): z.ZodType {
  const max = field.maxLength ?? DEFAULT_MAX[field.kind] ?? 200;
  switch (field.kind) {
    case 'text':
    case 'textarea':
      return z
        .string(typeError(field, `"${field.label}" phải là văn bản.`))
        .trim()
        .min(1, requiredMessage(field))
        .max(max, `"${field.label}" tối đa ${max} ký tự.`);
    case 'email':
      return z
        .email(typeError(field, `"${field.label}" không phải địa chỉ email hợp lệ.`))
        .max(max);
    case 'date':
      return z
        .string(typeError(field, `"${field.label}" phải là ngày dạng YYYY-MM-DD.`))
        .refine(isIsoDate, { message: `"${field.label}" phải là ngày có thật, dạng YYYY-MM-DD.` })
        .refine((v) => field.allowFuture === true || !isIsoDate(v) || v <= todayInVietnam(), {
          message: `"${field.label}" không được là ngày trong tương lai.`,
        });
    case 'select':
    case 'radio':
      return z.enum(
        field.options as [string, ...string[]],
        typeError(
          field,
          `Vui lòng chọn "${field.label}" trong danh sách: ${(field.options ?? []).join(', ')}.`,
        ),
      );
    case 'cccd':
      return z
        .string(typeError(field, `"${field.label}" phải là dãy 12 chữ số.`))
        .trim()
        .superRefine((v, ctx) => {
          const decoded = decodeCccd(v);
          if (!decoded.ok) ctx.addIssue({ code: 'custom', message: decoded.message });
        });
    case 'phone':
      return z.string(typeError(field, INVALID_MOBILE_MESSAGE)).transform((v, ctx) => {
        const phone = normaliseMobile(v);
        if (phone === null) {
          ctx.addIssue({ code: 'custom', message: INVALID_MOBILE_MESSAGE });
          return z.NEVER;
        }
        return phone;
      });
    case 'number': {
      let n = z
        .number(typeError(field, `"${field.label}" phải là số.`))
        .int(`"${field.label}" phải là số nguyên.`);
      if (field.min !== undefined)
        n = n.min(field.min, `"${field.label}" ít nhất là ${field.min}.`);
      if (field.max !== undefined)
        n = n.max(field.max, `"${field.label}" nhiều nhất là ${field.max}.`);
      return n;
    }
    case 'checkbox':
      return z.boolean(typeError(field, `"${field.label}" phải là đúng/sai.`));
    case 'table':
      return z
        .array(
          rowSchema(field.columns ?? []),
          typeError(field, `"${field.label}" phải là danh sách.`),
        )
        .max(field.maxRows ?? 20, `"${field.label}" tối đa ${field.maxRows ?? 20} dòng.`);
  }
}

/** A field's schema, optional unless `required`. */
export function fieldSchema(field: FieldDefinition): z.ZodType {
  const schema = valueSchema(field);
  return field.required ? schema : schema.optional();
}

function rowSchema(columns: readonly FieldDefinition[]): z.ZodType {
  return z.strictObject(Object.fromEntries(columns.map((c) => [c.name, fieldSchema(c)])), {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Cột không có trong mẫu: ${issue.keys.join(', ')}.`
        : undefined,
  });
}

/** All fields of a form, in section order. */
export function formFields(form: FormDefinition): FieldDefinition[] {
  return form.sections.flatMap((s) => [...s.fields]);
}

const compiled = new WeakMap<FormDefinition, z.ZodType<Record<string, unknown>>>();

/** The strict object schema of a form's data (cross-field checks are applied separately); built once per form. */
export function formDataSchema(form: FormDefinition): z.ZodType<Record<string, unknown>> {
  let schema = compiled.get(form);
  if (!schema) {
    schema = buildFormDataSchema(form);
    compiled.set(form, schema);
  }
  return schema;
}

function buildFormDataSchema(form: FormDefinition): z.ZodType<Record<string, unknown>> {
  return z.strictObject(Object.fromEntries(formFields(form).map((f) => [f.name, fieldSchema(f)])), {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Trường không có trong tờ khai: ${issue.keys.join(', ')}.`
        : undefined,
  }) as z.ZodType<Record<string, unknown>>;
}
