/*
 * Splits "document name + form file name(s)" glued together by the crawl, e.g.
 *   "Tờ khai theo MẫuMau 14.14.docx"  →  "Tờ khai theo Mẫu" + ["Mau 14.14.docx"]
 *   "…Luật Chăn nuôi08.pdf"  →  name + ["08.pdf"]
 *   "…Thông tư số 01.Phlcs04Thngt01.docxPhlcs05Thngt01.docx"  →  name + two files.
 * File names end with an extension, so everything after the first extension is more files. Where the first
 * file name starts is a guess: the leftmost "glue" point (two characters that prose would separate with a
 * space, or a form-name opener glued to the text) within the last {@link MAX_FILE_NAME} characters. When no
 * glue point exists the file keeps only its last word and the result is flagged as uncertain.
 */

const EXTENSIONS = [
  'docx',
  'doc',
  'pdf',
  'xlsx',
  'xls',
  'rar',
  'zip',
  'odt',
  'rtf',
  'png',
  'jpeg',
  'jpg',
];
const EXT_ALTERNATIVES = EXTENSIONS.flatMap((e) => [
  e,
  e.toUpperCase(),
  `${e[0]?.toUpperCase()}${e.slice(1)}`,
]).join('|');
/**
 * ".docx" after a name character and followed by anything but a lower-case letter, so glued files
 * ("a.docxMau02.docx", "b.docx11.docx") split while prose such as 'đuôi “.pdf”' is not a file.
 */
const FILE_END = new RegExp(
  `(?<=[\\p{L}\\p{N})\\]_.\\-])\\.(?:${EXT_ALTERNATIVES})(?!\\p{Ll})`,
  'gu',
);
/** Capitalised form-name openers ("Mẫu số 03", "Mau01", "Phụ lục II", "PL I", "Mus03", "TK01"). */
const OPENERS =
  /^(?:Mẫu|MẪU|Mau|MAU|Mus|Mu\d|Phụ lục|PHỤ LỤC|Phu luc|Phụ Lục|Phlc|PL|Tờ khai|To khai|Tokhai|TK\d|Biểu mẫu|Bieu mau|BM\d|Đơn|Don)/u;
/** Lower-case openers; Vietnamese syllables are space-separated, so these glued to a letter mark a boundary. */
const LOWER_OPENERS =
  /^(?:mẫu|mau so|mãu|văn bản|tờ trình|tờ khai|đơn|báo cáo|thuyết minh|bản khai|phụ lục|phương án)/u;
/** A legal document number's issuer suffix glued to what follows: "…/2026/NĐ-CPBC tom tat.docx". */
const LEGAL_SUFFIX =
  /\d{4}\/(?:[\p{Lu}Đ]+-)*(?:CP|TTg|BCA|BTC|BTP|BNNMT|BNNPTNT|BTNMT|BXD|BGTVT|BYT|BCT|NHNN|UBND|BQP|BNV|BKHĐT|BLĐTBXH|QH\d{2})$/u;
/** How far before the extension the file name may start. */
const MAX_FILE_NAME = 150;

export interface SplitForms {
  name: string;
  files: string[];
  /** True when the boundary between name and first file was not found and had to be guessed. */
  uncertain: boolean;
}

const isLower = (ch: string) => /\p{Ll}/u.test(ch);
const isUpper = (ch: string) => /\p{Lu}/u.test(ch);
const isDigit = (ch: string) => /\d/.test(ch);
const isLetter = (ch: string) => /\p{L}/u.test(ch);
const isWordChar = (ch: string) => isLetter(ch) || isDigit(ch);

/** The run of letters that ends just before `i`, e.g. "VNe" in "VNeID". */
function wordBefore(text: string, i: number): string {
  let start = i;
  while (start > 0 && isLetter(text[start - 1] ?? '')) start--;
  return text.slice(start, i);
}

/** Whether a file name could start at `i` of `text` (text[i-1] and text[i] touch without a space). */
function isGlue(text: string, i: number): boolean {
  const prev = text[i - 1] ?? '';
  const next = text[i] ?? '';
  if (prev === '' || /\s/.test(prev) || /\s/.test(next)) return false;
  if (prev === '.' && isDigit(text[i - 2] ?? '')) {
    // After "<digit>." only a year ends a sentence ("…ngày 30/6/2023.NA5.doc"); "10.NT", "5.033" are codes.
    return /(?:19|20)\d{2}\.$/.test(text.slice(0, i)) && isLetter(next);
  }
  const rest = text.slice(i);
  if (LEGAL_SUFFIX.test(text.slice(Math.max(0, i - 40), i)) && isWordChar(next)) return true;
  if (isLetter(prev) && LOWER_OPENERS.test(rest)) return true;
  if (OPENERS.test(rest) && (isWordChar(prev) || /[).;:,\]”]/.test(prev))) return true;
  if (isLower(prev) && (isUpper(next) || isDigit(next))) {
    const word = wordBefore(text, i);
    const plainWord = word.length >= 2 && /^\p{Lu}?\p{Ll}+$/u.test(word);
    // "nhânMau", "TTgGiấy", "nuôi08" are glue; "VNeID" (a mixed-case brand) and "km2" are not.
    if (isDigit(next)) return plainWord && word.length >= 3;
    return plainWord || isLower(text[i + 1] ?? '');
  }
  if (/[);\]”~]/.test(prev)) return !/[\s.,;:)]/.test(next);
  if (/[.:,]/.test(prev)) {
    // "Phụ lục I.3", "1.2" are codes; "…hợp lệ.1. Đơn cấp mới.docx" is a boundary.
    if (prev === '.' && isDigit(next) && /[\p{Lu}\d]/u.test(text[i - 2] ?? '')) return false;
    return isWordChar(next);
  }
  // Digits glued to a word: "Mẫu 57Mau57.docx".
  if (isDigit(prev) && isUpper(next))
    return isLetter(text[i + 1] ?? '') && isLetter(text[i + 2] ?? '');
  return false;
}

/** Splits `segment` (one document cell) into the document name and the form file names it ends with. */
export function splitForms(segment: string): SplitForms {
  const ends = [...segment.matchAll(FILE_END)].map((m) => m.index + m[0].length);
  const firstEnd = ends[0];
  if (firstEnd === undefined) return { name: segment.trim(), files: [], uncertain: false };
  const lastEnd = ends[ends.length - 1] ?? firstEnd;
  const after = segment.slice(lastEnd).trim(); // not part of a file name; stays with the document name
  const head = segment.slice(0, firstEnd);
  const dot = head.lastIndexOf('.');
  let start = -1;
  for (let i = Math.max(1, dot - MAX_FILE_NAME); i < dot && start === -1; i++)
    if (isGlue(head, i)) start = i;
  const uncertain = start === -1;
  if (uncertain) start = head.lastIndexOf(' ', dot) + 1;
  const files = [segment.slice(start, firstEnd)];
  for (let k = 1; k < ends.length; k++) files.push(segment.slice(ends[k - 1], ends[k]));
  const name = `${segment.slice(0, start)} ${after}`.trim();
  return { name, files: files.map((f) => f.trim()).filter(Boolean), uncertain };
}
