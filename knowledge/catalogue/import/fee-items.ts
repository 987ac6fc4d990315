import type { Fee, Procedure } from '../procedure-schema.js';
import type { ImportLog } from './import-report.js';

/*
 * Clean fee items. The sources glue an amount to its description ("7.000 đồng (- Đăng ký tạm trú (cá nhân,
 * hộ gia đình): + Trường hợp … thu 7.000 đồng/lần đăng ký.)"), print "Miễn phí Đồng - Trường hợp …", and put
 * time-limited rates inside longer text ("… Kể từ ngày 01/12/2023 đến hết ngày 31/12/2025, áp dụng mức thu
 * lệ phí là 115.000 đồng/lần cấp."). Each fee becomes items cut from its own text: the amount, what it is
 * counted per, the case it applies to and the dates it is valid between. Nothing is reworded.
 */

const DATE = String.raw`(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})`;
const RANGE = new RegExp(
  String.raw`(?:[Kk]ể\s+)?từ\s+ngày\s+${DATE}\s*(?:,\s*)?(?:đến|tới)\s+(?:hết\s+)?ngày\s+${DATE}`,
  'u',
);
const UNTIL = new RegExp(String.raw`(?:đến|tới)\s+hết\s+ngày\s+${DATE}`, 'u');

function iso(d: string, m: string, y: string): string | null {
  const day = Number(d);
  const month = Number(m);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The validity range a text states ("Kể từ ngày 01/7/2025 đến hết ngày 31/12/2026"). */
export function validityOf(text: string): { validFrom: string | null; validTo: string | null } {
  const range = RANGE.exec(text);
  if (range) {
    const [, d1, m1, y1, d2, m2, y2] = range;
    return { validFrom: iso(d1!, m1!, y1!), validTo: iso(d2!, m2!, y2!) };
  }
  const until = UNTIL.exec(text);
  if (until) return { validFrom: null, validTo: iso(until[1]!, until[2]!, until[3]!) };
  return { validFrom: null, validTo: null };
}

const VND = String.raw`(\d{1,3}(?:\.\d{3})+|\d+)\s*(?:đồng|Đồng|VNĐ|vnđ|VND)`;

/** "7.000 đồng/lần đăng ký" → "lần đăng ký" for the given amount (or the first amount when none given). */
export function perOf(text: string, amount: number | null): string | null {
  const re = new RegExp(`${VND}\\s*\\/\\s*([^.;,()]+?)(?=\\s*(?:[.;,()]|$))`, 'gu');
  for (const m of text.matchAll(re)) {
    const value = Number(m[1]!.replace(/\./g, ''));
    if (amount === null || value === amount) return m[2]!.trim().replace(/\s+/g, ' ');
  }
  return null;
}

/** List markers and spacing the portal leaves in descriptions ("- ", "+ ", "•"). */
function tidy(text: string): string {
  return text
    .replace(/(^|\s)[-+•]\s+/gu, '$1')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:])/g, '$1')
    .trim();
}

/**
 * The case an amount applies to: the description up to where it states the amount ("… trực tuyến thu
 * 7.000 đồng/lần" → "… trực tuyến"), or the whole description when it does not restate it.
 */
export function conditionOf(description: string, amount: number | null): string | null {
  let text = tidy(description);
  // "Miễn phí" / "Miễn lệ phí" alone is the amount, not a condition.
  if (/^(miễn|không thu)( lệ)? phí\.?$/iu.test(text)) return null;
  if (amount !== null && amount > 0) {
    const formatted = amount.toLocaleString('de-DE');
    const at = text.search(
      new RegExp(`(?:^|\\s)${formatted.replace(/\./g, '\\.')}\\s*(?:đồng|Đồng|VNĐ)`, 'u'),
    );
    if (at > 0) {
      text = text.slice(0, at);
      // Words that only lead up to the amount ("… trực tuyến thu", "áp dụng mức thu lệ phí là").
      const lead = /(?:[\s,;:.]+|\s(?:thì|thu|mức thu|lệ phí|phí|là|áp dụng|mức))$/u;
      while (lead.test(text)) text = text.replace(lead, '');
    }
  }
  text = text.replace(/[\s,;:.]+$/u, '');
  text = text.replace(/:\s*,\s*/gu, ': ').trim();
  return text.length >= 4 ? text : null;
}

/** Sentences of a fee text (kept whole; a time-limited rate is one sentence). */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.;])\s+(?=[-–+]?\s*\p{Lu})/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The description a fee was built from: "7.000 đồng (…)" → "…". */
function descriptionOf(fee: Fee): string {
  if (fee.amountVnd !== null && fee.amountVnd > 0) {
    const head = `${fee.amountVnd.toLocaleString('de-DE')} đồng`;
    if (fee.text === head) return '';
    if (fee.text.startsWith(`${head} (`) && fee.text.endsWith(')'))
      return fee.text.slice(head.length + 2, -1);
  }
  return fee.text;
}

/** First amount a text states in VND, or null. */
function amountIn(text: string): number | null {
  const m = new RegExp(VND, 'u').exec(text);
  return m ? Number(m[1]!.replace(/\./g, '')) : null;
}

/** Splits and cleans one fee into items (usually one). */
export function feeItems(fee: Fee, code: string, log: ImportLog): Fee[] {
  let text = fee.text;
  const amount = fee.amountVnd;
  // "Miễn phí Đồng - Trường hợp …": the crawl's label glued to a conditional waiver.
  const free = /^Miễn phí\s+Đồng\s*[-–:]?\s*/u.exec(text);
  if (free) {
    text = text.slice(free[0].length);
    log.drop(
      'fee: "Miễn phí Đồng - …" split into free + condition',
      `${code}: ${text.slice(0, 80)}`,
    );
    return [
      {
        ...fee,
        amountVnd: 0,
        text: `Miễn phí - ${text}`,
        per: null,
        condition: conditionOf(text, null),
        validFrom: null,
        validTo: null,
      },
    ];
  }
  const description = descriptionOf(fee);
  // A structured amount its own text contradicts ("5.000 đồng (… thu 7.000 đồng/lần …)"): the numbers
  // were paired wrongly at the source, so only the text is kept.
  const stated = [...description.matchAll(new RegExp(VND, 'gu'))].map((m) =>
    Number(m[1]!.replace(/\./g, '')),
  );
  if (amount !== null && amount > 0 && stated.length > 0 && !stated.includes(amount)) {
    log.drop(
      'fee: amount differs from every amount its own text states; amount dropped, text kept',
      `${code}: ${amount} vs ${description.slice(0, 100)}`,
    );
    return [item(fee, description, null, true)];
  }
  const parts = sentences(description);
  const limited = parts.filter(
    (s) => validityOf(s).validTo !== null || validityOf(s).validFrom !== null,
  );
  if (limited.length > 0 && limited.length < parts.length) {
    // A general rate plus time-limited ones: one item each, so an ended rate can be left out.
    const general = parts.filter((s) => !limited.includes(s)).join(' ');
    log.drop(
      'fee: time-limited rate split from the general rate',
      `${code}: ${limited[0]!.slice(0, 120)}`,
    );
    // The record's amount stays with the general rate only when the general text states it.
    const generalAmount =
      amount !== null && general.includes(amount.toLocaleString('de-DE')) ? amount : null;
    return [
      item(fee, general, generalAmount, false),
      ...limited.map((s) => item(fee, s, amountAfterRange(s), true)),
    ];
  }
  const range = validityOf(description);
  if (range.validTo || range.validFrom)
    log.drop(
      'fee: validity range read',
      `${code}: ${range.validFrom ?? '…'}–${range.validTo ?? '…'}`,
    );
  return [item(fee, description, amount, true, fee.text)];
}

/** The amount a time-limited sentence sets ("… áp dụng mức thu lệ phí là 115.000 đồng/lần cấp"). */
function amountAfterRange(sentence: string): number | null {
  const m = RANGE.exec(sentence) ?? UNTIL.exec(sentence);
  const after = m ? sentence.slice(m.index + m[0].length) : sentence;
  return amountIn(after) ?? amountIn(sentence);
}

function item(
  fee: Fee,
  description: string,
  amount: number | null,
  withRange: boolean,
  text?: string,
): Fee {
  const range = withRange ? validityOf(description) : { validFrom: null, validTo: null };
  const clean = tidy(description);
  return {
    kind: fee.kind,
    amountVnd: amount,
    text: text ?? clean,
    per: perOf(clean, amount),
    // Without an amount the whole text is the fee's statement; a condition only says when an amount applies.
    condition:
      amount === null ? null : conditionOf(clean.replace(RANGE, '').replace(UNTIL, ''), amount),
    validFrom: range.validFrom,
    validTo: range.validTo,
  };
}

/** Every fee of a record as clean items. */
export function cleanFees(p: Procedure, log: ImportLog): Procedure {
  return {
    ...p,
    filingMethods: p.filingMethods.map((m) => ({
      ...m,
      fees: m.fees.flatMap((f) => feeItems(f, p.code, log)),
    })),
  };
}
