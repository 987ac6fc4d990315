/**
 * Masks personal numbers and secrets in free text before it reaches a log or the knowledge-gap store:
 * CCCD (12 digits), old CMND (9 digits), Vietnamese phone numbers and any other run of 9+ digits, in
 * every spacing people type (`038 090 012 345`, `038-090-012-345`, `038.090.012.345`,
 * `(+84) 912 345 678`, `cccd038090012345`), bot tokens and long hex/base64 secrets.
 *
 * Numbers are found as runs of digits with single separators (space, dot, dash, brackets, a leading
 * "+"), then judged by their digits alone, so the spacing never matters. Kept: short numbers (≤ 8
 * digits: dates, fees, procedure codes like 1.001193), money ("1.000.000.000 đồng"), and dotted codes
 * whose groups are not phone/ID-like (2.000986.000.00.00.H56).
 */

/** A run of digits with at most one separator between them, optionally "(+84)"-style prefixed. */
const NUMBER_RUN = /(?<!\d)(?:\(\s?)?\+?\d(?:[ \t.\-\u00a0]?\)?[ \t.\-\u00a0]?\d)*(?!\d)/g;
const MONEY_AFTER = /^\s?(?:đồng|đ\b|vnđ|vnd|triệu|tỷ)/iu;
const TOKEN = /\b\d{6,12}:[A-Za-z0-9_-]{25,}\b/g;
const SECRET = /\b[A-Za-z0-9_-]{32,}\b/g;

function judge(run: string, after: string): string {
  const digits = run.replace(/\D/g, '');
  if (digits.length < 9) return run;
  if (MONEY_AFTER.test(after)) return run;
  if (run.includes('.')) {
    // Catalogue codes use dots with 1-digit or 5+-digit groups; phones and IDs are written in 2–4s.
    const groups = run.split(/[^\d]+/).filter(Boolean);
    if (groups.some((g) => g.length === 1 || g.length >= 5) && !/^0/.test(digits)) return run;
  }
  if (/^0\d{9}$/.test(digits) || /^84\d{9}$/.test(digits)) return '[sđt]';
  if (digits.length === 12) return '[cccd]';
  if (digits.length === 9) return '[cmnd]';
  return '[số]';
}

/** Returns `text` with personal numbers and secrets replaced by placeholders. */
export function redact(text: string): string {
  const noTokens = text.replace(TOKEN, '[token]');
  const noNumbers = noTokens.replace(NUMBER_RUN, (run: string, offset: number, whole: string) =>
    judge(run, whole.slice(offset + run.length, offset + run.length + 8)),
  );
  return noNumbers.replace(SECRET, '[secret]');
}
