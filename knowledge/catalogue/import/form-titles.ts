import type { Procedure } from '../procedure-schema.js';
import type { ImportLog } from './import-report.js';

/*
 * Readable titles for form files. The portal's file names are often mangled by its upload ("Mus02.docx",
 * "1.MuCT01banhnhkmtheoThngts53 (3).doc" for "Mẫu CT01 ban hành kèm theo Thông tư số 53"); residents must
 * never read them. A title is the form's number when the file name has one ("Mẫu số 02", "Mẫu CT01",
 * "Phụ lục III"), else the file's readable words ("Giấy ủy quyền khiếu nại"), else null.
 */

const EXTENSION = /(?:\.(?:docx?|pdf|xlsx?|rar|zip|odt|rtf|png|jpe?g))+$/iu;

/** A form number: "02", "CT01", "DC02", "14.14", "01-PLIII", "I.1.9". */
const NUMBER = String.raw`([A-Z]{1,4}\s?\d{1,3}(?!\d)(?:[a-z](?![a-z]))?|\d{1,3}(?!\d)(?:[a-z](?![a-z]))?(?:[./-]\d{1,3}(?!\d))*|[IVX]{1,5}(?![a-z])(?:\.\d{1,3})*)`;
const PATTERNS: Array<[RegExp, (n: string) => string]> = [
  // "Mẫu số 02", "Mau so 02", "Mus02" (số lost its letters), "Mẫu 04", "MAU 01", "MuCT01…", "Mu01"
  [new RegExp(String.raw`^(?:mẫu|mau|mãu)\s*(?:số|so)\s*${NUMBER}`, 'iu'), (n) => `Mẫu số ${n}`],
  [new RegExp(String.raw`^Mus\s*${NUMBER}`, 'u'), (n) => `Mẫu số ${n}`],
  [new RegExp(String.raw`^(?:mẫu|mau|mãu|Mu)\s*${NUMBER}`, 'iu'), (n) => `Mẫu ${n}`],
  // "Phụ lục III", "Phu luc 07", "PL VI", "Phlc8", "PL 1"
  [
    new RegExp(String.raw`^(?:phụ lục|phu luc|phlc|pl)\s*(?:số|so)?\s*${NUMBER}`, 'iu'),
    (n) => `Phụ lục ${n}`,
  ],
  // "TK01", "Tờ khai"
  [/^TK\s?(\d{1,3}|[A-Z]{1,3}\d{1,3})(?![\d.])/u, (n) => `Tờ khai ${n}`],
];

/** Vietnamese letters with marks: a name that has them was typed by a person, not mangled. */
const MARKED = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu;

/** A readable title for a form file, or null. */
export function formTitle(fileName: string): string | null {
  const base = fileName
    .normalize('NFC')
    .replace(EXTENSION, '')
    .replace(/\s*\(\d+\)\s*$/u, '')
    .replace(/_/g, ' ')
    .replace(/^\d{1,2}(?:\.\d{1,2})?\s*[.)-]\s*(?=\D)/u, '')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [pattern, title] of PATTERNS) {
    const m = pattern.exec(base);
    if (m) return title(m[1]!.replace(/\s+/g, '').replace(/[.\-/]+$/, ''));
  }
  // A readable name: marked letters, at least two words, mostly letters.
  const words = base.split(' ').filter((w) => /\p{L}/u.test(w));
  if (MARKED.test(base) && words.length >= 2) {
    const cut = base.length > 90 ? `${base.slice(0, base.lastIndexOf(' ', 90))}…` : base;
    return cut.charAt(0).toUpperCase() + cut.slice(1);
  }
  return null;
}

/** Fills every form's title from its file name; reports names that gave none. */
export function cleanFormTitles(p: Procedure, log: ImportLog): Procedure {
  let changed = false;
  const documentGroups = p.documentGroups.map((g) => ({
    ...g,
    documents: g.documents.map((d) => ({
      ...d,
      forms: d.forms.map((f) => {
        const title = f.title ?? formTitle(f.fileName);
        if (title === null)
          log.drop('form: file name gives no readable title', `${p.code}: ${f.fileName}`);
        if (title === f.title) return f;
        changed = true;
        return { ...f, title };
      }),
    })),
  }));
  return changed ? { ...p, documentGroups } : p;
}
