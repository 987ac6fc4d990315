import type { LegalBasis } from '../procedure-schema.js';
import type { ImportLog } from './import-report.js';
import { LEGAL_NUMBER_SOURCE, cleanLegalNumber, uniqueLegalBases } from './portal.js';
import { cleanInline, isNoInfo } from './text.js';

/*
 * Re-parses the crawl's flattened "Căn cứ pháp lý" table: "Tên văn bản pháp lýMã văn bản" then, per row, the
 * title immediately followed by the document number, e.g.
 *   "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 … Luật Hộ tịch123/2015/NĐ-CPLuật 60/2014/QH1360/2014/QH13…"
 * A number ends a row when what follows starts a new title (a capital letter, a digit, or the end); a number
 * followed by lower-case text ("… 123/2015/NĐ-CP ngày …") is inside a title. Two patterns are merged back:
 * an empty title ("Luật 60/2014/QH13" + "60/2014/QH13": the second number is the first row's number column)
 * and a number column written with its type ("…Bộ Tư phápThông tư số 03/2023/TT-BTP").
 */

export const LEGAL_HEADER = 'Tên văn bản pháp lýMã văn bản';
const TYPE_WORDS =
  '(?:Bộ luật|Luật|Nghị định|Nghị quyết|Thông tư liên tịch|Thông tư|Quyết định|Pháp lệnh|Chỉ thị)(?: số)? ?';
const TYPE_ONLY = new RegExp(`^${TYPE_WORDS}$`, 'u');
const GLUED_TYPE = new RegExp(`(?<=\\S)${TYPE_WORDS}$`, 'u');
/** A title ending in a document type, i.e. citing the number that follows. */
const CITED_AT_END = new RegExp(`${TYPE_WORDS}$`, 'u');
/** Greedy: the issuer may swallow the capital that starts the next title; {@link numberEnd} gives it back. */
const NUMBER = new RegExp(`(?<!\\/)${LEGAL_NUMBER_SOURCE}`, 'gu');
/** Date words glued to a number continue its title ("53/2025/TT-BCAngày 01/7/2025"); other glued words start a row. */
const CONTINUATION = /^(?:ngày|năm|tháng)(?![\p{L}])/u;

/** Issuers that end document numbers; a longer capital run is the issuer followed by an all-caps title. */
const ISSUERS = new Set(
  (
    'CP TTg TTCP VPCP BCA BTC BTP BXD BYT BCT BGTVT BGDĐT BNNPTNT BNNMT BTNMT BNV BQP BKHĐT BKHCN BLĐTBXH ' +
    'BTTTT BVHTTDL BNG BTS UBDT NHNN UBND HĐND TANDTC VKSNDTC KTNN VPQH UBTVQH'
  ).split(' '),
);

/** "22/2023/TT-BCAQUY" (before " ĐỊNH MỨC THU…") → "22/2023/TT-BCA": cuts the last segment to a known issuer. */
function trimIssuer(number: string): string {
  const last = number.match(/[\p{Lu}Đ]+$/u)?.[0];
  if (!last || ISSUERS.has(last)) return number;
  for (let k = last.length - 1; k >= 2; k--) {
    if (ISSUERS.has(last.slice(0, k))) return number.slice(0, number.length - (last.length - k));
  }
  return number;
}

/** Can a word start with these letters (Vietnamese onsets: "Ng", "Ph", "Th", "Qu", a vowel…)? */
function validOnset(text: string): boolean {
  const folded = text
    .slice(0, 2)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/Đ/g, 'D')
    .replace(/đ/g, 'd');
  return /^(?:[AEIOUY]|Ph|Qu|Th|Tr|Ch|Nh|Ng|Kh|Gh|Gi|[BCDGHKLMNRSTVX][aeiouy])/.test(folded);
}

/**
 * Where a greedy number match really ends, given the text after it: its length (a capital may belong to the
 * next title: "…TT-BTCNghị định…" → "TT-BTC"), or null when the number is inside a title ("… ngày …").
 */
function numberEnd(greedy: string, after: string, titleSoFar: string): number | null {
  const number = trimIssuer(greedy);
  if (number.length < greedy.length) after = greedy.slice(number.length) + after;
  if (after === '') return number.length;
  if (/^\d/.test(after)) {
    // "…được sửa đổi bởi Nghị định số 07/2025/NĐ-CP280/2025/NĐ-CP": a number cited at the end of a title,
    // right before the row's own (different) number, stays in the title.
    const next = after.match(new RegExp(`^${LEGAL_NUMBER_SOURCE}`, 'u'))?.[0];
    const cited = CITED_AT_END.test(titleSoFar) && !TYPE_ONLY.test(`${cleanInline(titleSoFar)} `);
    return next !== undefined && cited && cleanLegalNumber(next) !== cleanLegalNumber(number)
      ? null
      : number.length;
  }
  if (/^\s/.test(after)) {
    // "18/2026/NĐ-CP Nghị định quy định…" ends a row, unless the title so far is only a document type
    // ("Nghị định 123/2015/NĐ-CP Quy định chi tiết…" is one title).
    return /^\s+\p{Lu}\p{Ll}/u.test(after) && !TYPE_ONLY.test(`${cleanInline(titleSoFar)} `)
      ? number.length
      : null;
  }
  if (/^\p{Lu}/u.test(after)) return number.length;
  if (/^\p{Ll}/u.test(after)) {
    if (CONTINUATION.test(after)) return null;
    const last = number.slice(-1);
    if (/\p{Lu}/u.test(last) && /[\p{Lu}Đ]{2}$/u.test(number) && validOnset(last + after))
      return number.length - 1;
    return number.length;
  }
  return null;
}

/** A year glued in front of a number ("… năm 2020" + "68/2020/QH14" reads "202068/2020/QH14"). */
function splitGluedYear(number: string): { year: string; number: string } {
  const match = number.match(/^((?:19|20)\d{2})(\d+\/.*)$/u);
  return match ? { year: match[1] ?? '', number: match[2] ?? number } : { year: '', number };
}

interface Row {
  title: string;
  number: string | null;
}

function addRow(rows: Row[], rawTitle: string, rawNumber: string, gluedToPrevious: boolean): void {
  const number = cleanLegalNumber(rawNumber);
  let title = cleanInline(rawTitle);
  const previous = rows[rows.length - 1];
  const typeOnly = title === '' || TYPE_ONLY.test(`${title} `);
  if (previous && typeOnly && previous.number === number && (title === '' || gluedToPrevious)) {
    // This number is the previous row's number column; the previous "number" was part of its title.
    if (TYPE_ONLY.test(`${previous.title} `) || previous.title === '')
      previous.title = cleanInline(`${previous.title} ${previous.number ?? ''}`);
    previous.number = number;
    return;
  }
  const glued = title.match(GLUED_TYPE);
  if (glued && glued.index !== undefined && glued.index > 0)
    title = title.slice(0, glued.index).trim();
  rows.push({ title, number });
}

/** Parses the "Căn cứ pháp lý" text; [] when empty or "Không có thông tin". */
export function parseCrawlLegal(text: string, code: string, log: ImportLog): LegalBasis[] {
  const trimmed = text.trim();
  if (isNoInfo(trimmed)) return [];
  if (!trimmed.startsWith(LEGAL_HEADER)) {
    log.drop(
      'crawl legal basis: table header missing, text ignored',
      `${code}: ${cleanInline(trimmed).slice(0, 120)}`,
    );
    return [];
  }
  const body = trimmed.slice(LEGAL_HEADER.length).replace(/\s*\n\s*/g, ' ');
  const rows: Row[] = [];
  let start = 0;
  for (const m of body.matchAll(NUMBER)) {
    if (m.index < start) continue; // inside text already consumed by a shortened match
    const { year, number: greedy } = splitGluedYear(m[0]);
    const numberStart = m.index + year.length;
    const title = body.slice(start, numberStart);
    const length = numberEnd(greedy, body.slice(m.index + m[0].length), title);
    if (length === null) continue;
    addRow(rows, title, greedy.slice(0, length), start > 0 && !/^\s/.test(title));
    start = numberStart + length;
  }
  const rest = cleanInline(body.slice(start));
  if (rest !== '') {
    rows.push({ title: rest, number: null });
    log.drop(
      'crawl legal basis: trailing title without a number',
      `${code}: ${rest.slice(0, 120)}`,
    );
  }
  return uniqueLegalBases(
    rows
      .map((row) =>
        TYPE_ONLY.test(`${row.title} `) || row.title === ''
          ? { ...row, title: cleanInline(`${row.title} ${row.number ?? ''}`) }
          : row,
      )
      .filter((row) => row.title !== ''),
  );
}
