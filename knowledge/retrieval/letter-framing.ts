/**
 * @module Strips a letter's framing: the greeting, the thanks and the plea for an answer a writer wraps
 * around the story ("Chào luật sư, tôi có câu hỏi mong luật sư giải đáp … Xin chân thành cảm ơn!").
 * Letters sent to a law firm's or a newspaper's column almost always carry it, and its words —
 * "luật sư", "giải đáp", "tư vấn", "câu hỏi" — would otherwise weigh as much as the request itself
 * (a framed copy of our dev letters lost six points of hit@1 to it).
 */
import { foldMarks } from '../text/normalize.js';
import { QUERY_WORDS } from './query-words.js';

/** The reviewed lists of letter.json this reads. */
export interface FramingData {
  addressees: { list: Array<{ say: string; note: string }>; keepAfter: string[] };
  framing: { list: Array<{ say: string; note: string }> };
}

const WORD = /[\p{L}\p{N}]+/gu;

interface Word {
  folded: string;
  start: number;
  end: number;
}

const foldedPhrases = (list: ReadonlyArray<{ say: string }>) =>
  list
    .map((e) => (foldMarks(e.say.toLowerCase().normalize('NFC')).match(WORD) ?? []) as string[])
    .filter((p) => p.length > 0)
    // Longest first, so "kính chào" wins over "chào".
    .sort((a, b) => b.length - a.length);

/** Removes framing from one sentence of a letter at a time. */
export class LetterFraming {
  private readonly addressees: string[][];
  private readonly framing: string[][];
  private readonly keepAfter: ReadonlySet<string>;

  constructor(data: FramingData) {
    this.addressees = foldedPhrases(data.addressees.list);
    this.framing = foldedPhrases(data.framing.list);
    this.keepAfter = new Set(data.addressees.keepAfter.map((w) => foldMarks(w.toLowerCase())));
  }

  /**
   * The sentence (normalised: NFC, lower case) without its framing, or null when it is nothing but
   * framing ("Xin chân thành cảm ơn!", "Mong luật sư giải đáp giúp tôi."). An addressee is cut with
   * the framing words around it ("mong luật sư tư vấn"); other words are left alone, so "thuê luật
   * sư" (legal aid) and a sentence that only asks ("Vậy phải làm sao?") are kept.
   */
  strip(sentence: string): string | null {
    const words: Word[] = [...sentence.matchAll(WORD)].map((m) => ({
      folded: foldMarks(m[0]),
      start: m.index,
      end: m.index + m[0].length,
    }));
    if (words.length === 0) return sentence;
    const addressee = new Array<boolean>(words.length).fill(false);
    const framing = new Array<boolean>(words.length).fill(false);
    this.mark(words, this.framing, framing);
    this.mark(
      words,
      this.addressees,
      addressee,
      (i) => !this.keepAfter.has(words[i - 1]?.folded ?? ''),
    );
    const filler = words.map(
      (w, i) => QUERY_WORDS.filler.has(sentence.slice(w.start, w.end)) && !addressee[i],
    );
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
      out += sentence.slice(at, w.start);
      at = w.end;
    });
    out += sentence.slice(at);
    return out
      .replace(/\s+/g, ' ')
      .replace(/\s+([,.?!:;])/g, '$1')
      .replace(/^[\s,;:]+/, '')
      .trim();
  }

  /** Marks every match of the phrases (folded), where `allowed(start)` says so. */
  private mark(
    words: readonly Word[],
    phrases: readonly string[][],
    marks: boolean[],
    allowed: (start: number) => boolean = () => true,
  ): void {
    for (let i = 0; i < words.length; i += 1) {
      for (const phrase of phrases) {
        if (i + phrase.length > words.length) continue;
        if (!phrase.every((p, k) => words[i + k]!.folded === p)) continue;
        if (!allowed(i)) continue;
        for (let k = 0; k < phrase.length; k += 1) marks[i + k] = true;
        break;
      }
    }
  }
}
