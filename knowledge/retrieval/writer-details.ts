/**
 * @module The writer's own details a column prints around a letter: a full name ("Bạn đọc Nguyễn Văn
 * Hùng"), an e-mail address ("(hungnv@gmail.com)"), a home place ("ở xã Quảng Phú, huyện Nông Cống",
 * "(TP.HCM)"). None of them names a procedure, and their syllables read as words: "Hùng" as in
 * "anh hùng", "Nông Cống" as in "nông nghiệp", and the dots of "gmail.com" and "TP.HCM" end sentences.
 */

/** The reviewed lists of letter.json this module reads. */
export interface WriterDetailsData {
  surnames: { list: string[] };
  placeUnits: { list: string[] };
}

/** E-mail addresses and web links. */
const CONTACTS =
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|\bhttps?:\/\/\S+|\bwww\.\S+/giu;

/** "TP.HCM", "Tp. Hà Nội", "TX. Bỉm Sơn": the dot of a city's or town's abbreviation ends no sentence. */
const TOWN_ABBREVIATION = /(?<!\p{L})(TP|Tp|tp|TX|Tx|tx)\.\s*(?=\p{Lu})/gu;

/** Brackets left empty, or holding only punctuation, once their contents are gone. */
const EMPTY_BRACKETS = /\(\s*[,;.\-–]*\s*\)/gu;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * Whether a capitalised name means something to the reviewed data (a situation cue or a lexicon
 * phrase): "Hà Giang", "Vị Xuyên", "Trường Sơn" tell a war, not where the writer lives.
 */
export type MeaningfulName = (name: string) => boolean;

/** Drops a letter writer's name, contacts and home place, keeping the words that tell the story. */
export class WriterDetails {
  private readonly names: RegExp;
  private readonly places: RegExp;
  private readonly placeWords: RegExp;

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
   * The letter without e-mail addresses and links, and with the dots of town abbreviations taken out:
   * done before the letter is split into sentences, as their dots end none.
   */
  withoutContacts(raw: string): string {
    return raw.replace(CONTACTS, ' ').replace(TOWN_ABBREVIATION, '$1 ');
  }

  /**
   * The letter without full names and place names (raw text, marks and capitals as typed). Done after
   * the initials' dots are joined ({@link joinInitialsAndNumbers}), so "Lê Văn Đ. (Thọ Xuân) hỏi:"
   * leaves no stray dot that would end a sentence.
   */
  withoutNamesAndPlaces(raw: string): string {
    return raw
      .replace(this.places, (place, unit: string) =>
        this.meaningful(place.slice(unit.length)) ? place : unit,
      )
      .replace(this.names, (name) => (this.meaningful(name) ? name : ' '))
      .replace(EMPTY_BRACKETS, ' ');
  }

  /** Lower-case text without the unit words a dropped place leaves ("ở xã, huyện, tỉnh" → ""). */
  withoutPlaceWords(text: string): string {
    return text.replace(this.placeWords, ' ');
  }
}
