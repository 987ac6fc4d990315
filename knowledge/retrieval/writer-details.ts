/**
 * @module The writer's own details a column prints around a letter: a full name ("Bạn đọc Nguyễn Văn
 * Hùng"), an e-mail address ("(hungnv@gmail.com)"), a home place ("ở xã Quảng Phú, huyện Nông Cống",
 * "(TP.HCM)"). None of them names a procedure, and their syllables read as words: "Hùng" as in
 * "anh hùng", "Nông Cống" as in "nông nghiệp", and the dots of "gmail.com" and "TP.HCM" end sentences.
 */

import { foldMarks } from '../text/normalize.js';

/** The reviewed lists of letter.json this module reads. */
export interface WriterDetailsData {
  honorifics: { list: string[] };
  surnames: { list: string[] };
  placeUnits: { list: string[] };
  nameParticles: { list: string[] };
}

/**
 * E-mail addresses (also cut short or masked by the column: "quachluc56@...", "tamtt***@gmail.com"),
 * web links, and the site a column names as its source ("(Chinhphu.vn) -").
 */
const CONTACTS =
  /[^\s()<>]+@[^\s()<>]*|\bhttps?:\/\/\S+|\bwww\.\S+|(?<![\p{L}\p{N}])[\p{L}\p{N}-]+\.(?:vn|com|net|org)(?:\.vn)?(?![\p{L}\p{N}])/giu;

/** A signature line holds a name and an address: "Trần Ngọc Bích Vân (Ấp 3, xã Xuân Thới Đông, …)". */
const MAX_SIGNATURE_WORDS = 16;

/**
 * The letter without a signature line: a last line of a few words, none of them a lower-case
 * word other than a name's or an address's ("\n\nPhạm văn Long", "NGUYỄN HỮU PHƯỚC (phường Đông Hòa, TX.
 * Dĩ An)", "P.T.K.L. (Long Hồ)"). A last line that asks ("Tôi phải làm gì") has lower-case words.
 */
function withoutSignature(raw: string, nameWords: ReadonlySet<string>): string {
  const cut = raw.trimEnd().lastIndexOf('\n');
  if (cut < 0) return raw;
  const last = raw.slice(cut + 1).trim();
  const words = last.split(/[\s,;()\-–]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const signature =
    words.length > 0 &&
    words.length <= MAX_SIGNATURE_WORDS &&
    !last.includes('?') &&
    words.every((w) => !/^\p{Ll}/u.test(w) || nameWords.has(w.replace(/\.$/u, '')));
  return signature ? raw.slice(0, cut) : raw;
}

/** "TP.HCM", "Tp. Hà Nội", "TX. Bỉm Sơn": the dot of a city's or town's abbreviation ends no sentence. */
const TOWN_ABBREVIATION = /(?<!\p{L})(TP|Tp|tp|TX|Tx|tx)\.\s*(?=\p{Lu})/gu;

/** Brackets left empty, or holding only punctuation, once their contents are gone. */
const EMPTY_BRACKETS = /\(\s*[,;.\-–]*\s*\)/gu;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * Whether a capitalised name means something to the reviewed data (a situation cue or a lexicon
 * phrase): "Hà Giang", "Vị Xuyên", "Trường Sơn" tell a war, not where the writer lives.
 */
export type MeaningfulName = (name: string) => boolean;

/** Drops a letter writer's name, contacts and home place, keeping the words that tell the story. */
export class WriterDetails {
  private readonly names: RegExp;
  /** A name after an honorific: "Bà Nguyễn Thị H.", "Chi H.M.", "Chị Lan Anh". */
  private readonly honoredNames: RegExp;
  private readonly places: RegExp;
  private readonly placeWords: RegExp;
  /** Brackets of nothing but names, places and honorifics: "(Hà Nội)", "(Độc giả , Vĩnh Phúc)". */
  private readonly brackets: RegExp;
  /** Lower-case words a printed name or address holds ("Phạm văn Long", "xã Xuân Thới Đông"). */
  private readonly nameWords: ReadonlySet<string>;

  /**
   * @param meaningful names it keeps although they look like a person's or a place's name.
   */
  constructor(
    data: WriterDetailsData,
    private readonly meaningful: MeaningfulName = () => false,
  ) {
    const alternatives = (list: readonly string[]) =>
      [...list]
        .sort((a, b) => b.length - a.length)
        .map(escape)
        .join('|');
    // A family name and one to three capitalised syllables: "Nguyễn Văn Hùng", "Lê Hương".
    this.names = new RegExp(
      `(?<!\\p{L})(?:${alternatives(data.surnames.list)})(?:\\s+\\p{Lu}[\\p{L}]*){1,3}(?!\\p{L})`,
      'gu',
    );
    // Typed without marks too ("Chi H.M. (Hau Loc) hoi: …"), but not "Bà mẹ Việt Nam anh hùng" (lower
    // case "mẹ"), nor "Bà Mẹ Việt Nam Anh hùng" written with capitals.
    const honorifics = [...new Set(data.honorifics.list.flatMap((h) => [h, foldMarks(h)]))].flatMap(
      (h) => [h, capitalised(h)],
    );
    this.honoredNames = new RegExp(
      `(^|[^\\p{L}])(${alternatives(honorifics)})\\s+(?!Mẹ(?!\\p{L}))((?:\\p{Lu}[\\p{L}]*\\.?\\s*){1,4})`,
      'gu',
    );
    this.nameWords = new Set(
      [...data.nameParticles.list, ...data.placeUnits.list].flatMap((w) =>
        w.toLowerCase().split(/\s+/u),
      ),
    );
    const lower = alternatives(
      [...this.nameWords, ...data.honorifics.list].flatMap((w) => [w, capitalised(w)]),
    );
    this.brackets = new RegExp(
      `\\([\\s,.\\-–]*(?:(?:\\p{Lu}[\\p{L}]*|${lower})(?!\\p{L})[\\s,.\\-–]*){1,12}\\)`,
      'gu',
    );
    // The unit words a place leaves behind, and "ở", "tại", in lower case.
    this.placeWords = new RegExp(
      `(?<!\\p{L})(?:${alternatives(data.placeUnits.list.map((u) => u.toLowerCase()))}|ở|tại)(?!\\p{L})`,
      'gu',
    );
    // A unit word and the capitalised name after it: "xã Quảng Phú" keeps "xã".
    this.places = new RegExp(
      `(?<!\\p{L})(${alternatives(data.placeUnits.list)})\\s+\\p{Lu}[\\p{L}]*(?:\\s+\\p{Lu}[\\p{L}]*){0,3}(?!\\p{L})`,
      'gu',
    );
  }

  /**
   * The letter without a signature line, e-mail addresses and links, and with the dots of town
   * abbreviations taken out: done before the letter is split into sentences, as their dots end none.
   */
  withoutContacts(raw: string): string {
    return withoutSignature(raw, this.nameWords)
      .replace(CONTACTS, ' ')
      .replace(TOWN_ABBREVIATION, '$1 ');
  }

  /**
   * The letter without full names, names after an honorific, place names and brackets of nothing
   * else (raw text, marks and capitals as typed). Done after
   * the initials' dots are joined ({@link joinInitialsAndNumbers}), so "Lê Văn Đ. (Thọ Xuân) hỏi:"
   * leaves no stray dot that would end a sentence.
   */
  withoutNamesAndPlaces(raw: string): string {
    return raw
      .replace(this.places, (place, unit: string) =>
        this.meaningful(place.slice(unit.length)) ? place : unit,
      )
      .replace(this.names, (name) => (this.meaningful(name) ? name : ' '))
      .replace(
        this.honoredNames,
        (_m, before: string, honorific: string) => `${before}${honorific} `,
      )
      .replace(EMPTY_BRACKETS, ' ')
      .replace(this.brackets, ' ');
  }

  /** Lower-case text without the unit words a dropped place leaves ("ở xã, huyện, tỉnh" → ""). */
  withoutPlaceWords(text: string): string {
    return text.replace(this.placeWords, ' ');
  }
}
