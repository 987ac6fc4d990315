/**
 * @module Strips a letter's framing: the greeting, the thanks and the plea for an answer a writer wraps
 * around the story ("Chào luật sư, tôi có câu hỏi mong luật sư giải đáp … Xin chân thành cảm ơn!").
 * Letters sent to a law firm's or a newspaper's column almost always carry it, and its words —
 * "luật sư", "giải đáp", "tư vấn", "câu hỏi" — would otherwise weigh as much as the request itself
 * (a framed copy of our dev letters lost six points of hit@1 to it).
 */
import { foldMarks, normalizeText, phraseAt, syllables } from '../text/normalize.js';
import { QUERY_WORDS } from './query-words.js';

/** The reviewed lists of letter.json this reads. */
export interface FramingData {
  addressees: { list: Array<{ say: string; note: string }>; keepAfter: string[] };
  framing: { list: Array<{ say: string; note: string }> };
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Each phrase's syllables as written (with marks), longest first so "kính chào" wins over "chào". */
const phrasesOf = (list: ReadonlyArray<{ say: string }>) =>
  list
    .map((e) => syllables(normalizeText(e.say)))
    .filter((p) => p.length > 0)
    .sort((a, b) => b.length - a.length);

/**
 * Phrases filed under their first syllable without marks, each list still longest first: a letter
 * has hundreds of words and the lists hold over a hundred phrases, and trying every phrase at every
 * word was a sixth of a long letter's reading time.
 */
function byFirstSyllable(phrases: readonly string[][]): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const p of phrases) {
    const key = foldMarks(p[0]!);
    const list = out.get(key);
    if (list) list.push(p);
    else out.set(key, [p]);
  }
  return out;
}

/** Removes framing from one sentence of a letter at a time. */
export class LetterFraming {
  private readonly addressees: Map<string, string[][]>;
  private readonly framing: Map<string, string[][]>;
  private readonly keepAfter: string[][];

  constructor(data: FramingData) {
    this.addressees = byFirstSyllable(phrasesOf(data.addressees.list));
    this.framing = byFirstSyllable(phrasesOf(data.framing.list));
    this.keepAfter = phrasesOf(data.addressees.keepAfter.map((say) => ({ say })));
  }

  /**
   * The sentence (normalised: NFC, lower case) without its framing, or null when it is nothing but
   * framing ("Xin chân thành cảm ơn!", "Mong luật sư giải đáp giúp tôi."). An addressee is cut with
   * the framing words around it ("mong luật sư tư vấn"); other words are left alone, so "thuê luật
   * sư" (legal aid) and a sentence that only asks ("Vậy phải làm sao?") are kept.
   */
  strip(sentence: string): string | null {
    const words = [...sentence.matchAll(WORD)];
    if (words.length === 0) return sentence;
    const typed = words.map((m) => m[0]);
    const addressee = new Array<boolean>(words.length).fill(false);
    const framing = new Array<boolean>(words.length).fill(false);
    this.mark(typed, this.framing, framing);
    // "thuê luật sư" (legal aid) names a lawyer the story is about, not the letter's reader.
    this.mark(
      typed,
      this.addressees,
      addressee,
      (i) => !this.keepAfter.some((w) => phraseAt(typed, i - w.length, w)),
    );
    const filler = typed.map((w, i) => QUERY_WORDS.filler.has(w) && !addressee[i]);
    const framed = words.map((_w, i) => addressee[i]! || framing[i]!);
    if (framed.some(Boolean) && words.every((_w, i) => framed[i] || filler[i])) return null;
    // Cut each addressee and the framing words of the run of framing and filler words around it
    // ("mong luật sư tư vấn giúp tôi"); the fillers stay, they weigh little.
    const cut = new Array<boolean>(words.length).fill(false);
    words.forEach((_w, i) => {
      if (!addressee[i]) return;
      cut[i] = true;
      for (const step of [-1, 1]) {
        for (let j = i + step; j >= 0 && j < words.length && (framed[j] || filler[j]); j += step) {
          if (framed[j]) cut[j] = true;
        }
      }
    });
    if (!cut.some(Boolean)) return sentence;
    let out = '';
    let at = 0;
    words.forEach((w, i) => {
      if (!cut[i]) return;
      out += sentence.slice(at, w.index);
      at = w.index + w[0].length;
    });
    out += sentence.slice(at);
    return out
      .replace(/\s+/g, ' ')
      .replace(/\s+([,.?!:;])/g, '$1')
      .replace(/^[\s,;:]+/, '')
      .trim();
  }

  /** Marks every match of the phrases (marks fitting), where `allowed(start)` says so. */
  private mark(
    typed: readonly string[],
    phrases: ReadonlyMap<string, readonly string[][]>,
    marks: boolean[],
    allowed: (start: number) => boolean = () => true,
  ): void {
    for (let i = 0; i < typed.length; i += 1) {
      const phrase = phrases.get(foldMarks(typed[i]!))?.find((p) => phraseAt(typed, i, p));
      if (!phrase || !allowed(i)) continue;
      marks.fill(true, i, i + phrase.length);
    }
  }
}
