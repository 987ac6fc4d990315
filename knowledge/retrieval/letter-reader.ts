/**
 * @module Reads a letter the way a desk officer does: a resident's letter to a Q&A column tells a
 * story ("Bố tôi mất năm ngoái, không để lại di chúc…") and then asks ("Vậy gia đình tôi phải làm
 * thủ tục gì?"). The request sentences carry the topic; the story is context. Short questions are not
 * letters and are left alone.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeText, phraseAt, syllables } from '../text/normalize.js';
import { LetterFraming, type FramingData } from './letter-framing.js';
import { WriterDetails, type MeaningfulName, type WriterDetailsData } from './writer-details.js';

/** When a message is read as a letter, and how much of it. */
export interface LetterSettings {
  enabled: boolean;
  /** Messages shorter than this (syllables) are questions, not letters: one clause rarely tells a story. */
  minSyllables: number;
  /**
   * At most this many characters are read. A longer letter keeps its opening (who and what) and its
   * end (the request, nearly always last); the middle of the story is dropped ({@link cutLetter}).
   */
  maxChars: number;
  /** Of a cut letter, about this many characters of the opening are kept; the rest is its end. */
  keptOpening: number;
  /** At most this many syllables are analysed: request sentences first, then the story from its start. */
  maxSyllables: number;
}

export const DEFAULT_LETTER_SETTINGS: LetterSettings = {
  enabled: true,
  minSyllables: 30,
  maxChars: 2000,
  keptOpening: 500,
  maxSyllables: 80,
};

/** One sentence of a letter, normalised, and whether it asks (rather than tells). */
export interface LetterSentence {
  text: string;
  request: boolean;
}

/** Path of the reviewed word lists (request markers, honorifics). */
export const LETTER_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'letter.json');

interface LetterData extends FramingData, WriterDetailsData {
  requestMarkers: { list: Array<{ say: string; note: string }> };
  honorifics: { list: string[] };
}

/** A sentence with its closing punctuation. */
const SENTENCE = /[^.?!…\n]+[.?!…\n]*/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;
const syllableCount = (s: LetterSentence) => syllables(s.text).length;

/**
 * A letter cut to `maxChars`: its opening, up to the last sentence end within `keptOpening`
 * characters, and its end, from the first sentence start within the rest of the room. Real letters
 * run to 3,000 characters and ask at the end; cutting only the end would lose the request.
 */
export function cutLetter(raw: string, maxChars: number, keptOpening: number): string {
  if (raw.length <= maxChars) return raw;
  const opening = Math.min(keptOpening, maxChars);
  const head = raw.slice(0, opening);
  const headEnd = Math.max(...['.', '?', '!', '\n'].map((p) => head.lastIndexOf(p)));
  const kept = headEnd > 0 ? head.slice(0, headEnd + 1) : head;
  const tail = raw.slice(raw.length - (maxChars - kept.length - 1));
  const start = /[.?!\n]\s*/u.exec(tail);
  // A tail that is one long sentence is kept whole rather than cut to nothing.
  const end =
    start && start.index + start[0].length < tail.length / 2
      ? tail.slice(start.index + start[0].length)
      : tail;
  return `${kept}\n${end}`;
}

/**
 * The letter with the dots that end no sentence taken out: a name's initials ("Nguyễn Văn K., ở xã…",
 * "N.T.M.", "cụ L. năm nay") and thousands ("270.000 đồng", "1.600 m2"). Split there, a letter's
 * opening became fragments that filled the syllable budget, and an amount became two sentences.
 */
export function joinInitialsAndNumbers(text: string): string {
  return (
    text
      .replace(/(\d)\.(?=\d{3}(?!\d))/gu, '$1')
      // An initial before another, or before a comma, a bracket or a lower-case word.
      .replace(/(?<!\p{L})(\p{Lu})\.(?=\p{Lu}\.|\s*[,;:()]|\s+\p{Ll})/gu, '$1')
  );
}

/** Alternatives of a word list for a regular expression, the longest first ("bạn đọc" before "bạn"). */
const alternativesOf = (list: readonly string[]) =>
  [...list].sort((a, b) => b.length - a.length).join('|');

/** An intro's aside shorter than this ("ở", "có email") says nothing of the writer's situation. */
const MIN_ASIDE_SYLLABLES = 3;

/** Splits a letter into sentences and tells the request from the story. */
export class LetterReader {
  /** Each request marker's syllables as written (with marks). */
  private readonly markers: string[][];
  /** "Ông … (Hà Nội) hỏi, …": government Q&A pages put a comma where papers put a colon. */
  private readonly intro: RegExp;
  /** The honorific that opens a column's intro ("Chị , hiện định cư tại Anh, hỏi:"). */
  private readonly introWords: RegExp;
  private readonly framing: LetterFraming;
  private readonly writer: WriterDetails;

  constructor(
    data: LetterData = JSON.parse(readFileSync(LETTER_FILE, 'utf8')) as LetterData,
    readonly settings: LetterSettings = DEFAULT_LETTER_SETTINGS,
    meaningful?: MeaningfulName,
  ) {
    this.framing = new LetterFraming(data);
    this.writer = new WriterDetails(data, meaningful);
    this.markers = data.requestMarkers.list.map((m) => syllables(normalizeText(m.say)));
    const honorifics = alternativesOf(data.honorifics.list);
    this.intro = new RegExp(`^\\s*(?:${honorifics})(?!\\p{L})[^.?!:,]{0,40}?\\bh[ỏo]i\\s*,`, 'u');
    this.introWords = new RegExp(`^\\s*(?:${honorifics})(?!\\p{L})`, 'u');
  }

  /**
   * A short question without its framing ("Chào luật sư, cho tôi hỏi thủ tục sang tên sổ đỏ. Xin
   * cảm ơn!"), normalised; the question as it was when nothing but framing is left ("cảm ơn bạn").
   */
  unframe(normalized: string): string {
    if (!this.settings.enabled) return normalized;
    const kept: string[] = [];
    for (const m of normalized.matchAll(SENTENCE)) {
      const s = this.framing.strip(m[0].trim());
      if (s !== null && HAS_WORD.test(s)) kept.push(s);
    }
    return kept.length > 0 ? kept.join(' ') : normalized;
  }

  /** The letter's sentences the query keeps, or null when the message is a plain question. */
  read(raw: string): LetterSentence[] | null {
    const sentences = this.readAll(raw);
    return sentences && this.fit(sentences);
  }

  /**
   * All the letter's sentences, beyond the syllable budget (situations are read in the whole letter),
   * or null when the message is a plain question.
   * @param maxChars where the letter is cut; a caller that already cut it and then lengthened it
   *   (spelled out abbreviations) passes the new length, so the tail it kept is not cut again.
   */
  readAll(raw: string, maxChars = this.settings.maxChars): LetterSentence[] | null {
    if (!this.settings.enabled) return null;
    // Writers' names, contacts and home places ("(Nga Sơn)") are not part of the request.
    const text = this.writer.withoutNamesAndPlaces(
      joinInitialsAndNumbers(
        this.writer.withoutContacts(
          cutLetter(raw, maxChars, this.settings.keptOpening).normalize('NFC'),
        ),
      ),
    );
    const normalized = normalizeText(text);
    // "Bà hỏi: …" — the column's framing before the letter itself.
    const intro = /^[^.?!:]{0,40}?\bh[ỏo]i\s*:/u.exec(normalized) ?? this.intro.exec(normalized);
    const body = intro ? normalized.slice(intro[0].length) : normalized;
    const sentences: LetterSentence[] = [];
    // What the framing says of the writer beyond a name is story: "Chị L., hiện định cư tại Anh, hỏi:".
    const aside = intro && this.framing.strip(this.withoutIntroWords(intro[0]));
    if (aside && syllables(this.writer.withoutPlaceWords(aside)).length >= MIN_ASIDE_SYLLABLES)
      sentences.push({ text: aside, request: false });
    for (const m of body.matchAll(SENTENCE)) {
      // The greeting, thanks and plea for an answer are neither story nor request.
      const s = this.framing.strip(m[0].trim());
      if (s === null || !HAS_WORD.test(s)) continue;
      const words = syllables(s);
      const request =
        s.includes('?') ||
        this.markers.some((marker) => words.some((_w, i) => phraseAt(words, i, marker)));
      sentences.push({ text: s, request });
    }
    const total = sentences.reduce((n, s) => n + syllableCount(s), 0);
    if (sentences.length < 2 || total < this.settings.minSyllables) return null;
    // A letter that never asks in so many words asks in its last sentence.
    if (!sentences.some((s) => s.request)) sentences[sentences.length - 1]!.request = true;
    return sentences;
  }

  /** The column's intro without its honorific and its "hỏi:" ("chị , hiện định cư tại anh,"). */
  private withoutIntroWords(intro: string): string {
    return intro
      .replace(/h[ỏo]i\s*[:,]\s*$/u, '')
      .replace(this.introWords, '')
      .replace(/^[\s,;]+|[\s,;]+$/gu, '');
  }

  /**
   * The sentences of `readAll` the query keeps, within the syllable budget: the requests (last
   * first), then the story from its beginning.
   */
  fit(sentences: readonly LetterSentence[]): LetterSentence[] {
    const order = [
      ...sentences
        .map((s, i) => ({ s, i }))
        .filter((x) => x.s.request)
        .reverse(),
      ...sentences.map((s, i) => ({ s, i })).filter((x) => !x.s.request),
    ];
    const kept = new Set<number>();
    let budget = this.settings.maxSyllables;
    for (const { s, i } of order) {
      const count = syllableCount(s);
      if (count > budget) continue;
      kept.add(i);
      budget -= count;
    }
    return sentences.filter((_s, i) => kept.has(i));
  }
}
