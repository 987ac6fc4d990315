/**
 * Instant checks of one field while the resident types (on leaving the field), with the same
 * messages as the API's form rules (knowledge/forms/field-schemas.ts) for the kinds that matter on a
 * phone: required, CCCD, mobile number, dates, e-mail. Cross-field rules run on the server
 * (`POST /api/forms/:code/check`) before anything is uploaded.
 */
import {
  decodeCccd,
  INVALID_MOBILE_MESSAGE,
  normaliseMobile,
  todayInVietnam,
} from '../../../common/vietnam-id';
import type { FieldView } from '../lib/types';

const isEmpty = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

function requiredMessage(field: FieldView): string {
  const verb = ['select', 'radio'].includes(field.kind) ? 'chọn' : 'nhập';
  return `Vui lòng ${verb} "${field.label}".`;
}

/** The Vietnamese problem with `value`, or null. Dates are ISO here (the date input converts). */
export function checkField(field: FieldView, value: unknown): string | null {
  if (isEmpty(value)) return field.required ? requiredMessage(field) : null;
  const text = typeof value === 'string' ? value.trim() : value;
  switch (field.kind) {
    case 'cccd': {
      const decoded = decodeCccd(String(text));
      return decoded.ok ? null : decoded.message;
    }
    case 'phone':
      return normaliseMobile(String(text)) === null ? INVALID_MOBILE_MESSAGE : null;
    case 'date': {
      const s = String(text);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s))
        return `"${field.label}" phải là ngày có thật, dạng ngày/tháng/năm (ví dụ 12/05/1990).`;
      if (field.allowFuture !== true && s > todayInVietnam())
        return `"${field.label}" không được là ngày trong tương lai.`;
      return null;
    }
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(text))
        ? null
        : `"${field.label}" không phải địa chỉ email hợp lệ.`;
    case 'number': {
      const n = Number(text);
      if (!Number.isInteger(n)) return `"${field.label}" phải là số nguyên.`;
      if (field.min !== undefined && n < field.min)
        return `"${field.label}" ít nhất là ${field.min}.`;
      if (field.max !== undefined && n > field.max)
        return `"${field.label}" nhiều nhất là ${field.max}.`;
      return null;
    }
    case 'text':
    case 'textarea': {
      const max = field.maxLength ?? (field.kind === 'textarea' ? 1000 : 200);
      return String(text).length > max ? `"${field.label}" tối đa ${max} ký tự.` : null;
    }
    default:
      return null;
  }
}

/** Every field's problem (tables row by row, keyed `table.0.column` like the API). */
export function checkAll(
  fields: readonly FieldView[],
  data: Record<string, unknown>,
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of fields) {
    if (field.kind === 'table') {
      const rows = Array.isArray(data[field.name])
        ? (data[field.name] as Record<string, unknown>[])
        : [];
      if (field.required && rows.length === 0) problems[field.name] = requiredMessage(field);
      rows.forEach((row, i) => {
        for (const column of field.columns ?? []) {
          const p = checkField(column, row[column.name]);
          if (p) problems[`${field.name}.${i}.${column.name}`] = p;
        }
      });
      continue;
    }
    const p = checkField(field, data[field.name]);
    if (p) problems[field.name] = p;
  }
  return problems;
}

/** Answers as the API wants them: empty strings dropped, numbers as numbers, phones normalised. */
export function cleanFormData(
  fields: readonly FieldView[],
  data: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const clean = (field: FieldView, v: unknown): unknown => {
    if (isEmpty(v)) return undefined;
    if (field.kind === 'number') return Number(v);
    if (field.kind === 'checkbox') return v === true;
    if (field.kind === 'table' && Array.isArray(v)) {
      return v.map((row: Record<string, unknown>) => {
        const r: Record<string, unknown> = {};
        for (const c of field.columns ?? []) {
          const x = clean(c, row[c.name]);
          if (x !== undefined) r[c.name] = x;
        }
        return r;
      });
    }
    return typeof v === 'string' ? v.trim() : v;
  };
  for (const field of fields) {
    const v = clean(field, data[field.name]);
    if (v !== undefined) out[field.name] = v;
  }
  return out;
}
