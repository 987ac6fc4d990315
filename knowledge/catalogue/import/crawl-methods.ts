import type { FilingMethod } from '../procedure-schema.js';
import {
  TEXT_UNIT_PATTERN,
  makeDuration,
  parseQuantity,
  textDuration,
  unitFromText,
} from './durations.js';
import { makeFee } from './fees.js';
import type { ImportLog } from './import-report.js';
import { channelFromText } from './portal.js';
import { blockOrNull, cleanInline, isNoInfo } from './text.js';

/*
 * Re-parses the crawl's flattened "Cách thức thực hiện" table. The page prints, with no separators:
 *   Hình thức nộp | Thời gian | Phí, lệ phí | Mô tả   then per row:
 *   <channel><time><fee>[(<fee description>)]<method description>
 * e.g. "Trực tuyến7 Ngày làm việc10,000 Việt Nam Đồng(Trường hợp …)Trực tiếp1Miễn phí".
 * Only the first fee of a method is printed by the portal, so the crawl never has more than one.
 */

export const METHODS_HEADER = 'Hình thức nộpThời gianPhí, lệ phíMô tả';

const CHANNEL = 'Trực tuyến|Trực tiếp|Dịch vụ bưu chính';
const NO_INFO = 'Không có thông tin';
/** A VND/USD amount as printed: "10,000", "2,000,000", "50", "1.5". Never "0": the portal prints 0 as "Miễn phí". */
const AMOUNT = String.raw`(?:[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)(?:\.\d+)?`;
const CURRENCY = 'Việt Nam Đồng|VNĐ|VND|Đồng|đồng|USD';
const FEE = `(?<free>Miễn phí)|(?<feeNone>${NO_INFO})|(?<amount>${AMOUNT}) (?<currency>${CURRENCY})`;

/**
 * Row start: a channel name glued to its time cell (a digit, "Không có thông tin" or a capitalised free text).
 * Channel names inside descriptions ("+ Trực tuyến: nộp …", "trực tiếp tại …") are followed by other characters.
 */
const ROW_START = new RegExp(`(${CHANNEL})(?=\\d|${NO_INFO}|\\p{Lu})`, 'gu');

/**
 * Time then fee. Alternatives in order: no information, number + unit, a bare number (lazy, so in the
 * ambiguous "Trực tuyến120,000 VNĐ" the time is the shortest prefix that leaves a valid amount), free text.
 */
const HEAD = new RegExp(
  `^(?:(?<timeNone>${NO_INFO})|(?<qty>\\d+(?:[.,]\\d+)?) ?(?<unit>${TEXT_UNIT_PATTERN})|(?<bare>\\d+?)|(?<free_text>\\p{Lu}[^\\n]*?))(?:${FEE})`,
  'u',
);

/** Index just after the parenthesised group starting at `start` (nested parentheses allowed); -1 if unclosed. */
function closingParen(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

/** Splits the table body into [channel, row text] pairs. */
function rows(body: string): Array<[string, string]> {
  const starts = [...body.matchAll(ROW_START)].map((m) => ({
    index: m.index,
    channel: m[1] ?? '',
  }));
  return starts.map((start, i) => [
    start.channel,
    body.slice(start.index + start.channel.length, starts[i + 1]?.index ?? body.length),
  ]);
}

function parseRow(
  channelText: string,
  row: string,
  code: string,
  log: ImportLog,
): FilingMethod | null {
  const channel = channelFromText(channelText);
  const head = row.match(HEAD);
  if (!channel || !head?.groups) {
    log.drop('crawl method: row not understood', `${code}: ${channelText}${row.slice(0, 120)}`);
    return null;
  }
  const g = head.groups;
  let rest = row.slice(head[0].length);
  let feeDescription: string | null = null;
  if (rest.startsWith('(')) {
    const end = closingParen(rest, 0);
    feeDescription = end === -1 ? rest : rest.slice(0, end);
    rest = end === -1 ? '' : rest.slice(end);
  }
  let description = blockOrNull(rest);

  let time: ReturnType<typeof makeDuration>;
  if (g.timeNone !== undefined) time = { duration: null, usedDescription: false };
  else if (g.qty !== undefined)
    time = makeDuration(
      parseQuantity(g.qty) ?? null,
      unitFromText(g.unit ?? '') ?? 'other',
      null,
      code,
      log,
    );
  else if (g.bare !== undefined) {
    if (g.amount !== undefined)
      log.drop(
        'crawl method: bare time glued to a fee amount, shortest time assumed',
        `${code}: ${cleanInline(row.slice(0, 40))}`,
      );
    time = makeDuration(Number(g.bare), 'other', description, code, log);
  } else time = textDuration(g.free_text ?? '', description, code, log);
  if (time.usedDescription) description = null;

  const fees = [];
  if (g.feeNone === undefined) {
    const value = g.free !== undefined ? 0 : Number((g.amount ?? '').replace(/,/g, ''));
    const currency = g.currency === 'USD' ? 'USD' : 'VND';
    const fee = makeFee(
      'other',
      value,
      currency,
      isNoInfo(feeDescription) ? null : feeDescription,
      code,
      log,
    );
    if (fee) fees.push(fee);
  }
  return { channel, processingTime: time.duration, fees, description };
}

/** Parses the "Cách thức thực hiện" text; [] when it is empty or says "Không có thông tin". */
export function parseCrawlMethods(text: string, code: string, log: ImportLog): FilingMethod[] {
  const trimmed = text.trim();
  if (isNoInfo(trimmed)) return [];
  if (!trimmed.startsWith(METHODS_HEADER)) {
    log.drop(
      'crawl method: table header missing, text ignored',
      `${code}: ${trimmed.slice(0, 120)}`,
    );
    return [];
  }
  const body = trimmed.slice(METHODS_HEADER.length);
  if (body.trim() === '') return [];
  const found = rows(body);
  const leading = body.slice(0, found[0] ? body.indexOf(found[0][0]) : body.length).trim();
  if (leading !== '')
    log.drop(
      'crawl method: text before the first row ignored',
      `${code}: ${leading.slice(0, 120)}`,
    );
  return found.flatMap(([channel, row]) => parseRow(channel, row, code, log) ?? []);
}
