import type { Fee } from '../procedure-schema.js';
import type { ImportLog } from './import-report.js';
import { cleanBlock } from './text.js';

/** Fee kinds of the portal API: FEE = lệ phí (state charge), SERVICE_FEE = phí, PRICE_LEVEL = mức giá. */
const API_KINDS: Record<string, Fee['kind']> = {
  FEE: 'le_phi',
  SERVICE_FEE: 'phi',
  PRICE_LEVEL: 'other',
};

export function feeKindFromApi(type: string): Fee['kind'] {
  return API_KINDS[type] ?? 'other';
}

/** Kind from a printed label ("Lệ phí : 8.000 Đồng", "Phí : 0 Đồng"). */
export function feeKindFromLabel(label: string): Fee['kind'] {
  const lower = label.toLocaleLowerCase('vi').trim();
  if (lower.startsWith('lệ phí')) return 'le_phi';
  if (lower.startsWith('phí')) return 'phi';
  return 'other';
}

/** Below this a VND amount is not a real fee (source typos such as "50 VNĐ" for 50.000 đồng). */
const MIN_PLAUSIBLE_VND = 1000;

/** "10.000" style display of a VND amount (the portal's own wording uses dots). */
function formatVnd(amount: number): string {
  return amount.toLocaleString('de-DE');
}

/** Strips one pair of parentheses wrapping the whole text, as the crawl prints "(…)" around descriptions. */
export function unwrapParens(text: string): string {
  let out = text.trim();
  while (out.startsWith('(') && out.endsWith(')') && balancedInside(out.slice(1, -1)))
    out = out.slice(1, -1).trim();
  return out;
}

function balancedInside(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * A description that itself says the charge is waived ("Miễn lệ phí", "Không thu phí") without limiting it to
 * some people or cases ("Miễn lệ phí đối với…", "… cho người thuộc hộ nghèo", "trường hợp …"): a conditional
 * waiver does not make the amount 0.
 */
function saysFree(description: string): boolean {
  const firstSentence = description.split(/[.;]/)[0] ?? '';
  return (
    /^(miễn|không thu)/i.test(firstSentence) &&
    !/đối với|cho người|cho các|trường hợp|nếu|khi/i.test(firstSentence)
  );
}

/**
 * One fee in our shape. `value` is the source's number in `currency`. The amount is only stated in VND when the
 * source really says so: 0 with no description (or one saying "Miễn …") is free; 0 with another description
 * ("Theo quy định của HĐND tỉnh") is an unknown amount, not "free"; foreign currencies and implausibly small
 * VND numbers stay in the text only. The text keeps the source's description. Null when there is nothing.
 */
export function makeFee(
  kind: Fee['kind'],
  value: number | null,
  currency: 'VND' | string,
  rawDescription: string | null,
  code: string,
  log: ImportLog,
): Fee | null {
  const description = rawDescription === null ? '' : unwrapParens(cleanBlock(rawDescription));
  const join = (head: string) =>
    description === ''
      ? head
      : description.startsWith('/')
        ? `${head}${description}`
        : `${head} (${description})`;
  if (value === null) {
    if (description !== '') return { kind, amountVnd: null, text: description };
    log.drop('fee: neither amount nor description', code);
    return null;
  }
  if (currency !== 'VND') {
    return { kind, amountVnd: null, text: join(`${value} ${currency}`) };
  }
  if (value === 0) {
    if (description === '' || saysFree(description))
      return { kind, amountVnd: 0, text: description || 'Miễn phí' };
    log.drop(
      'fee: amount 0 but the description sets conditions or another amount; amount left unknown',
      `${code}: ${description}`,
    );
    return { kind, amountVnd: null, text: description };
  }
  if (value < MIN_PLAUSIBLE_VND) {
    // The number is a source typo; the description (when there is one) carries the real wording.
    log.drop(
      'fee: implausible VND amount (< 1.000) dropped, description kept',
      `${code}: ${value} (${description})`,
    );
    return { kind, amountVnd: null, text: description || `${formatVnd(value)} đồng` };
  }
  return { kind, amountVnd: value, text: join(`${formatVnd(value)} đồng`) };
}
