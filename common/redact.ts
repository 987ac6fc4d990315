/**
 * Masks personal numbers and secrets in free text before it reaches a log or the knowledge-gap store.
 * CCCD (12 digits), old CMND (9 digits), Vietnamese phone numbers, bot tokens and long hex/base64 secrets.
 */
const PATTERNS: Array<[RegExp, string]> = [
  // Telegram-style bot tokens: 123456789:AA...
  [/\b\d{6,12}:[A-Za-z0-9_-]{25,}\b/g, '[token]'],
  // Phone numbers: 0xxxxxxxxx or +84xxxxxxxxx / 84xxxxxxxxx, optional spaces/dots between groups.
  [/(?:\+?84|0)(?:[\s.-]?\d){9}\b/g, '[sđt]'],
  // CCCD 12 digits and CMND 9 digits.
  [/\b\d{12}\b/g, '[cccd]'],
  [/\b\d{9}\b/g, '[cmnd]'],
  // Long opaque secrets (hex or base64url, 32+ chars).
  [/\b[A-Za-z0-9_-]{32,}\b/g, '[secret]'],
];

/** Returns `text` with personal numbers and secrets replaced by placeholders. */
export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
