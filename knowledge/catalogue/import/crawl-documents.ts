import type { DocumentGroup, ProcedureDocument } from '../procedure-schema.js';
import { splitForms } from './crawl-forms.js';
import type { ImportLog } from './import-report.js';
import { cleanInline, isNoInfo } from './text.js';

/*
 * Re-parses the crawl's flattened "Thành phần hồ sơ" table:
 *   <group name or "--">Tên giấy tờMẫu đơn, tờ khaiSố lượng<name><form files>1 bản chính<name>0 bản chính,1 bản sao…
 * A group's documents run until the next table header; the text after the last quantity is the next group's
 * name. Quantities are glued to the text before them, so a name ending in digits ("… năm 2026" + "1 bản chính")
 * reads "20261 bản chính": counts are at most two digits with a leading zero ("01"), else the last digit.
 */

export const DOCUMENTS_HEADER = 'Tên giấy tờMẫu đơn, tờ khaiSố lượng';
const QUANTITY = /(\d+) bản chính(?:,\s*(\d+) bản sao)?|(\d+) bản sao/g;

/** Splits a glued count ("20261") into the digits that belong to the name ("2026") and the count (1). */
function splitCount(digits: string): { spill: string; count: number } {
  if (digits.length === 1 || (digits.length === 2 && digits.startsWith('0')))
    return { spill: '', count: Number(digits) };
  return { spill: digits.slice(0, -1), count: Number(digits.slice(-1)) };
}

function toDocument(
  raw: string,
  originals: number | null,
  copies: number | null,
  code: string,
  log: ImportLog,
): ProcedureDocument | null {
  const split = splitForms(raw);
  if (split.uncertain)
    log.drop(
      'crawl documents: form file name boundary guessed',
      `${code}: ${cleanInline(raw).slice(-120)}`,
    );
  const name = cleanInline(split.name);
  const forms = split.files.map((fileName) => ({
    fileName: cleanInline(fileName),
    title: null,
    url: null,
  }));
  if (name === '' && forms.length === 0) return null;
  return { name, originals, copies, forms };
}

/** Documents of one group body; returns them and the trailing text (the next group's name). */
function parseBody(
  body: string,
  code: string,
  log: ImportLog,
): { documents: ProcedureDocument[]; tail: string } {
  const documents: ProcedureDocument[] = [];
  let cursor = 0;
  for (const m of body.matchAll(QUANTITY)) {
    let raw = body.slice(cursor, m.index);
    const first = m[1] ?? m[3] ?? '';
    const { spill, count } = splitCount(first);
    if (spill !== '')
      log.drop(
        'crawl documents: digits glued to a count given back to the name',
        `${code}: …${cleanInline(raw).slice(-40)}|${first}`,
      );
    raw += spill;
    // "1 bản chính" alone means no copies; "1 bản sao" alone means no originals.
    const originals = m[1] !== undefined ? count : 0;
    const copies = m[1] !== undefined ? (m[2] !== undefined ? Number(m[2]) : 0) : count;
    const doc = toDocument(raw, originals, copies, code, log);
    if (doc) documents.push(doc);
    cursor = m.index + m[0].length;
  }
  return { documents, tail: body.slice(cursor) };
}

/** Parses the "Thành phần hồ sơ" text into groups; [] when empty. */
export function parseCrawlDocuments(text: string, code: string, log: ImportLog): DocumentGroup[] {
  if (isNoInfo(text)) return [];
  const parts = text.split(DOCUMENTS_HEADER);
  if (parts.length === 1) {
    log.drop(
      'crawl documents: table header missing, text ignored',
      `${code}: ${cleanInline(text).slice(0, 120)}`,
    );
    return [];
  }
  const groups: DocumentGroup[] = [];
  let groupName = parts[0] ?? '';
  parts.slice(1).forEach((body, i) => {
    const { documents, tail } = parseBody(body, code, log);
    const isLast = i === parts.length - 2;
    // Text after the last count of the last group has no count: a trailing note, kept as a document.
    if (isLast && !isNoInfo(tail.replace(/-+/g, ''))) {
      const doc = toDocument(tail, null, null, code, log);
      if (doc) documents.push(doc);
      log.drop(
        'crawl documents: trailing text without a count kept with unknown count',
        `${code}: ${cleanInline(tail).slice(0, 120)}`,
      );
    }
    const name = cleanInline(groupName.replace(/^-+$/, ''));
    if (documents.length > 0) groups.push({ name: isNoInfo(name) ? null : name, documents });
    groupName = tail;
  });
  return groups;
}
