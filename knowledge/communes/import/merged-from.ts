/**
 * @module
 * Parses the free-text `truocsapnhap` column ("Xã Hoằng Xuân, Xã Hoằng Quỳ, Phường Ba Đình (thị xã
 * Bỉm Sơn), Xã Luận Khê (phần còn lại …)") into mentions of old units: type, name, the old district
 * when the text names it, and whether only part of the old unit joined.
 */
import type { FormerCommuneType } from '../commune-schema.js';
import { nameSyllables } from '../name-key.js';

/** One old unit named in `truocsapnhap`. */
export interface Mention {
  /** The item as written, for the report. */
  raw: string;
  type: FormerCommuneType;
  /** Syllables of the name (no type word). */
  name: string[];
  /** Old district named in brackets ("huyện Yên Định"), when the name alone is ambiguous. */
  district: string | null;
  /** "(phần còn lại …)": only the rest of the old unit joined (the unit was split). */
  remainder: boolean;
}

/** The value meaning "this unit kept its territory". */
export const NOT_MERGED = 'Không sáp nhập';

const TYPE_WORDS: readonly [RegExp, FormerCommuneType][] = [
  [/^thị trấn\s+/i, 'thi_tran'],
  [/^phường\s+/i, 'phuong'],
  [/^xã\s+/i, 'xa'],
];

const DISTRICT_HINT = /^(huyện|thị xã|thành phố)\s+/i;
const REMAINDER = /^phần còn lại/i;

/** Type of a unit from its type word ("Xã", "Phường", "Thị trấn"); null for anything else. */
export function unitType(word: string): FormerCommuneType | null {
  switch (word.normalize('NFC').trim().toLocaleLowerCase('vi')) {
    case 'xã':
      return 'xa';
    case 'phường':
      return 'phuong';
    case 'thị trấn':
      return 'thi_tran';
    default:
      return null;
  }
}

/** Splits on commas outside brackets (a bracketed note may itself contain commas). */
function splitItems(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if ((ch === ',' || ch === ';') && depth === 0) {
      items.push(current);
      current = '';
    } else current += ch;
  }
  items.push(current);
  return items.map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** Result of parsing one `truocsapnhap` value. */
export interface ParsedMergedFrom {
  mentions: Mention[];
  /** Items that are not "<type word> <name> [(note)]", or have a note we do not understand. */
  problems: { raw: string; reason: string }[];
}

/** Parses a `truocsapnhap` value; "Không sáp nhập" yields no mentions (the caller handles it). */
export function parseMergedFrom(text: string): ParsedMergedFrom {
  const out: ParsedMergedFrom = { mentions: [], problems: [] };
  if (text.trim().toLocaleLowerCase('vi') === NOT_MERGED.toLocaleLowerCase('vi')) return out;
  for (const raw of splitItems(text.normalize('NFC'))) {
    const bracket = /^(.*?)\s*\((.*)\)\s*$/.exec(raw);
    const head = (bracket ? bracket[1]! : raw).trim();
    const note = bracket ? bracket[2]!.trim() : null;
    const typed = TYPE_WORDS.find(([re]) => re.test(head));
    if (!typed) {
      out.problems.push({ raw, reason: 'không có loại đơn vị (Xã/Phường/Thị trấn) ở đầu' });
      continue;
    }
    const name = nameSyllables(head.replace(typed[0], ''));
    if (name.length === 0) {
      out.problems.push({ raw, reason: 'thiếu tên' });
      continue;
    }
    let district: string | null = null;
    let remainder = false;
    if (note !== null) {
      if (DISTRICT_HINT.test(note)) district = note;
      else if (REMAINDER.test(note)) remainder = true;
      else out.problems.push({ raw, reason: `ghi chú không rõ nghĩa: (${note})` });
    }
    out.mentions.push({ raw, type: typed[1], name, district, remainder });
  }
  return out;
}
