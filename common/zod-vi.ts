/**
 * @module
 * Polite Vietnamese messages for zod's generic issues (wrong type, missing, too long, unknown option),
 * passed per parse (`schema.safeParse(x, { error: viErrorMap })`) rather than through the global
 * `z.config()`, so nobody else's messages change. Field-specific messages set in a schema win.
 */
import type { z } from 'zod';

const TYPE_NAMES: Record<string, string> = {
  string: 'văn bản',
  number: 'số',
  int: 'số nguyên',
  boolean: 'đúng/sai (true/false)',
  array: 'danh sách',
  object: 'đối tượng JSON',
  date: 'ngày',
};

const SIZE_UNITS: Record<string, string> = {
  string: 'ký tự',
  array: 'mục',
  set: 'mục',
  file: 'byte',
};

/** Error map producing Vietnamese messages; falls back to zod's own text for rare issue kinds. */
export const viErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Vui lòng nhập thông tin này.';
      return `Giá trị phải là ${TYPE_NAMES[issue.expected] ?? issue.expected}.`;
    case 'too_small': {
      const unit = SIZE_UNITS[issue.origin];
      if (issue.origin === 'string' && Number(issue.minimum) === 1) {
        return 'Vui lòng nhập thông tin này.';
      }
      if (issue.origin === 'array' && Number(issue.minimum) === 1) {
        return 'Vui lòng cung cấp ít nhất một mục.';
      }
      return unit
        ? `Cần ít nhất ${issue.minimum} ${unit}.`
        : `Giá trị phải lớn hơn hoặc bằng ${issue.minimum}.`;
    }
    case 'too_big': {
      const unit = SIZE_UNITS[issue.origin];
      return unit
        ? `Tối đa ${issue.maximum} ${unit}.`
        : `Giá trị phải nhỏ hơn hoặc bằng ${issue.maximum}.`;
    }
    case 'invalid_value':
      return `Giá trị không hợp lệ. Vui lòng chọn một trong: ${issue.values.map(String).join(', ')}.`;
    case 'invalid_format':
      return 'Định dạng không hợp lệ.';
    case 'unrecognized_keys':
      return `Có trường không được hỗ trợ: ${issue.keys.join(', ')}.`;
    case 'invalid_union':
      return 'Giá trị không hợp lệ.';
    default:
      return undefined;
  }
};

/**
 * Flattens zod issues to `{ "a.b.0": "message" }` (first message per path), the `fields` object of
 * our error envelope. An issue at the root is reported under `_`.
 */
export function issuesToFields(
  issues: readonly z.core.$ZodIssue[],
  prefix: string[] = [],
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = [...prefix, ...issue.path.map(String)].join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}
