/*
 * Text cleaning shared by every source parser. Official wording is kept; only encoding noise (NFD, zero-width
 * and bidi marks, odd spaces) and layout whitespace are normalised.
 */

const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060\ufeff\u00ad]/g;
const ODD_SPACE = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

/** Values the portal prints when a field is empty. */
const NO_INFO = new Set(['không có thông tin', '--', '-', '']);

function base(value: string): string {
  return value
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(ODD_SPACE, ' ')
    .replace(/\r\n?/g, '\n');
}

/** One-line text: NFC, all whitespace runs (newlines included) collapsed to one space, trimmed. */
export function cleanInline(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return base(value).replace(/\s+/g, ' ').trim();
}

/** Multi-line text: each line cleaned like {@link cleanInline}, empty lines dropped, joined with "\n". */
export function cleanBlock(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return base(value)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** True when the portal's text means "no information" ("Không có thông tin", "--", blank). */
export function isNoInfo(value: string | null | undefined): boolean {
  return NO_INFO.has(cleanInline(value).toLocaleLowerCase('vi'));
}

/** Cleaned one-line text, or null when empty or "no information". */
export function inlineOrNull(value: string | null | undefined): string | null {
  return isNoInfo(value) ? null : cleanInline(value);
}

/** Cleaned multi-line text, or null when empty or "no information". */
export function blockOrNull(value: string | null | undefined): string | null {
  return isNoInfo(value) ? null : cleanBlock(value);
}

/** Cleaned lines of a multi-line text (steps, notes); "no information" gives []. */
export function lines(value: string | null | undefined): string[] {
  return isNoInfo(value) ? [] : cleanBlock(value).split('\n').filter(Boolean);
}

/** Removes duplicates (after cleaning) while keeping the first occurrence's order. */
export function uniqueStrings(values: Iterable<string | null | undefined>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const clean = inlineOrNull(value);
    if (clean === null || seen.has(clean)) continue;
    seen.add(clean);
    out.push(clean);
  }
  return out;
}

/**
 * Splits a comma-separated list ("Công dân Việt Nam, Tổ chức (không bao gồm doanh nghiệp, HTX)") at
 * top-level commas followed by a capital letter, so commas inside parentheses or ordinary prose stay.
 */
export function splitList(value: string | null | undefined): string[] {
  const text = inlineOrNull(value);
  if (text === null) return [];
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === ',' && depth === 0 && /^\s*\p{Lu}/u.test(text.slice(i + 1, i + 3))) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return uniqueStrings(parts);
}
