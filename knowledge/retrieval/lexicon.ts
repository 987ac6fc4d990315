/**
 * @module The resident-language lexicon (lexicon.json): everyday words and abbreviations mapped to
 * catalogue wording. Phrases are matched on folded syllables, longest match first, left to right.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  foldedTokens,
  hasMarks,
  markSet,
  marksCompatible,
  tokenize,
  type Token,
} from '../text/normalize.js';
import { CHIT_CHAT } from './chit-chat.js';
import { QUERY_WORDS } from './query-words.js';

/** One reviewed lexicon entry: what residents say, what the catalogue calls it, and why. */
export interface LexiconEntry {
  say: string[];
  /** Catalogue wording; empty for question phrases that must not trigger anything. */
  means: string;
  /** "offtopic" marks chit-chat (greetings, weather, prices…) that is not about a procedure. */
  kind?: 'offtopic';
  /** Greetings and thanks: chit-chat only when the message asks about nothing else. */
  polite?: boolean;
  /**
   * The words right after this phrase name the papers it acts on ("sao y sổ hộ khẩu"), not the
   * procedure: they weigh less, so the copy-certification request is not pulled to the papers' own
   * procedures.
   */
  objectsFollow?: boolean;
  /**
   * How strongly the meaning counts (default 1). Below 1 for situations that are usually the
   * background of another request ("bố mất" before asking about inheritance or a funeral grant).
   */
  weight?: number;
  /**
   * The phrase denies its own words ("không có lương hưu", "không để lại di chúc"): they are dropped
   * from the query and only the meaning counts.
   */
  negation?: boolean;
  /**
   * Phrases of `say` that count only when typed with their marks: without marks they read as
   * another, common phrase ("bỏ chồng" → "bố chồng", "tiền sự" → "tiền sử", "giấy đỏ" → "giấy đó").
   */
  markedOnly?: string[];
  note: string;
}

/** A name part that makes a procedure a special variant (see lexicon.json "qualifiers"). */
export interface Qualifier {
  /** Folded syllables as they appear in procedure names. */
  name: string[];
  /** Phrases that, in a question, ask for this variant. */
  unless: Token[][];
  /** "action": a follow-up action, ignored in names that start with a base action. */
  kind?: 'action';
  /** How many penalties the marker counts for (default 1). */
  weight: number;
  /**
   * An age limit ("dưới 14 tuổi" → 14): a stated age decides the variant ("con tròn 14 tuổi" does
   * not ask for it, whatever "con" suggests).
   */
  belowAge?: number;
  note: string;
}

/** A phrase found in a query: tokens [start, end) and what it means (empty for question phrases). */
export interface LexiconMatch {
  start: number;
  end: number;
  means: readonly Token[];
  entry: LexiconEntry;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Entries whose phrase ends here, with the phrase's accented syllables. */
  ends: Array<{ entry: LexiconEntry; accented: string[]; marked: boolean }>;
}

/** How phrase matching treats what lies between and around phrases (RetrieverSettings.lexicon). */
export interface LexiconMatchSettings {
  /** Helper words ("bố **tôi** mất") a phrase may step over: two covers "bố của tôi mất". */
  maxSkipped: number;
  /** A two-syllable phrase gives way to an overlapping one this much longer ("đi lĩnh lương hưu thay" over "đi lính"). */
  overrideMargin: number;
  /** Phrases this long forgive one syllable typed with the wrong tone ("chứng thức bản sao"). */
  toneSlipMinSyllables: number;
}

/** The defaults chosen on the dev set. */
export const DEFAULT_LEXICON_MATCH: LexiconMatchSettings = {
  maxSkipped: 2,
  overrideMargin: 2,
  toneSlipMinSyllables: 3,
};

/** Tone marks (the other marks shape the vowel: â, ă, ơ, ư, đ). */
const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

/** Do the typed syllables fit the phrase's marks (one wrong tone allowed in a long phrase)? */
function fitsPhrase(
  accented: readonly string[],
  typed: readonly Token[],
  toneSlipMinSyllables: number,
): boolean {
  let slips = 0;
  for (let k = 0; k < accented.length; k += 1) {
    const said = typed[k]!.text;
    if (marksCompatible(said, accented[k]!)) continue;
    const want = markSet(accented[k]!);
    const shapeFits = [...markSet(said)].every((m) => TONES.has(m) || want.has(m));
    if (!shapeFits || accented.length < toneSlipMinSyllables || (slips += 1) > 1) return false;
  }
  return true;
}

/** Path of the bundled lexicon data file. */
export const LEXICON_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lexicon.json');

/** Phrase matcher over folded syllables. */
export class Lexicon {
  private readonly root: TrieNode = { next: new Map(), ends: [] };
  /** Every folded syllable of every `say` phrase (so the spelling fallback leaves them alone). */
  readonly triggerSyllables = new Set<string>();
  /** Every pair of neighbouring folded syllables in a `say` phrase ("bao nhieu"), for typo repair. */
  readonly triggerPairs = new Set<string>();
  private readonly meaning = new Map<LexiconEntry, Token[]>();

  private readonly abbreviations = new Map<string, string>();
  /** Residents' abbreviations that catalogue names never use; see {@link spellOutForReading}. */
  private readonly residentAbbreviations = new Map<string, string>();
  // Folded form of each word seen by the abbreviation rewrite: the index build rewrites ~1 million
  // words drawn from a few tens of thousands, and folding each one again cost seconds.
  private readonly foldedWords = new Map<string, string>();
  /** Changes when the abbreviations (which shape the index) change. */
  readonly indexFingerprint: string;
  /** Variant markers in procedure names; see {@link Qualifier}. */
  readonly qualifiers: readonly Qualifier[];

  /**
   * @param entries phrase entries (query side).
   * @param abbreviations folded abbreviation → full wording; expanded in queries AND in indexed text.
   * @param qualifiers variant markers in procedure names.
   * @param residentAbbreviations abbreviations only residents write ("NCC", "CĐHH"): spelled out in
   *   the message before it is read, never in indexed text.
   */
  constructor(
    readonly entries: readonly LexiconEntry[],
    abbreviations: Readonly<Record<string, string>> = {},
    qualifiers: ReadonlyArray<{
      name: string;
      unless: string[];
      kind?: 'action';
      weight?: number;
      belowAge?: number;
      note: string;
    }> = [],
    residentAbbreviations: Readonly<Record<string, { full: string; note: string }>> = {},
  ) {
    this.qualifiers = qualifiers.map((q) => ({
      name: foldedTokens(q.name),
      unless: q.unless.map((u) => tokenize(u)),
      kind: q.kind,
      weight: q.weight ?? 1,
      belowAge: q.belowAge,
      note: q.note,
    }));
    for (const entry of entries) this.add(entry);
    for (const [short, full] of Object.entries(abbreviations)) {
      if (short.startsWith('_')) continue;
      const key = foldedTokens(short).join(' ');
      this.abbreviations.set(key, full);
      this.add({ say: [short], means: full, note: 'abbreviation' });
    }
    for (const [short, { full }] of Object.entries(residentAbbreviations)) {
      if (short.startsWith('_')) continue;
      this.residentAbbreviations.set(foldedTokens(short).join(' '), full);
    }
    const sorted = [...this.abbreviations].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    this.indexFingerprint = createHash('sha256')
      .update(JSON.stringify(sorted))
      .digest('hex')
      .slice(0, 16);
  }

  /** Loads lexicon.json (or another file with the same shape). */
  static load(file: string = LEXICON_FILE): Lexicon {
    const data = JSON.parse(readFileSync(file, 'utf8')) as {
      entries: LexiconEntry[];
      abbreviations?: Record<string, string>;
      residentAbbreviations?: Record<string, { full: string; note: string }>;
      qualifiers?: {
        list: Array<{
          name: string;
          unless: string[];
          kind?: 'action';
          weight?: number;
          belowAge?: number;
          note: string;
        }>;
      };
    };
    // Chit-chat phrases come from the one chit-chat list (chit-chat.json), after the entries.
    return new Lexicon(
      [...data.entries, ...CHIT_CHAT.lexiconEntries],
      data.abbreviations,
      data.qualifiers?.list,
      data.residentAbbreviations,
    );
  }

  private add(entry: LexiconEntry): void {
    this.meaning.set(entry, tokenize(entry.means));
    for (const phrase of entry.say)
      this.insert(tokenize(phrase), entry, entry.markedOnly?.includes(phrase) ?? false);
  }

  /**
   * The text with every abbreviation followed by its full wording, in place ("đóng BHXH tự nguyện" →
   * "đóng BHXH bảo hiểm xã hội tự nguyện"), so phrases across it still form bigrams (index side).
   */
  expandAbbreviations(text: string): string {
    return this.rewriteAbbreviations(text, (word, full) => `${word} ${full}`);
  }

  /**
   * The text with every abbreviation replaced by its full wording ("thẻ BHYT" → "thẻ bảo hiểm y tế"),
   * for judging how much of a procedure name a question mentions.
   */
  spellOutAbbreviations(text: string): string {
    return this.rewriteAbbreviations(text, (_word, full) => full);
  }

  /**
   * The message with residents' own abbreviations spelled out ("bố tôi là NCC" → "bố tôi là người có
   * công"), before it is read: situation cues and request markers are written in words. The shared
   * abbreviations (BHXH, BHYT…) stay as typed: catalogue names use them too, and the index holds both.
   */
  spellOutForReading(text: string): string {
    return this.rewriteAbbreviations(text, (_word, full) => full, this.residentAbbreviations);
  }

  private rewriteAbbreviations(
    text: string,
    rewrite: (word: string, full: string) => string,
    abbreviations: ReadonlyMap<string, string> = this.abbreviations,
  ) {
    if (abbreviations.size === 0) return text;
    return text.replace(/[\p{L}\p{N}]+/gu, (word) => {
      let folded = this.foldedWords.get(word);
      if (folded === undefined) {
        folded = foldedTokens(word)[0] ?? '';
        if (this.foldedWords.size < 100_000) this.foldedWords.set(word, folded);
      }
      const full = abbreviations.get(folded);
      return full ? rewrite(word, full) : word;
    });
  }

  private insert(tokens: Token[], entry: LexiconEntry, marked: boolean): void {
    let node = this.root;
    tokens.forEach((token, i) => {
      if (i > 0) this.triggerPairs.add(`${tokens[i - 1]!.folded} ${token.folded}`);
    });
    for (const token of tokens) {
      this.triggerSyllables.add(token.folded);
      let child = node.next.get(token.folded);
      if (!child) {
        child = { next: new Map(), ends: [] };
        node.next.set(token.folded, child);
      }
      node = child;
    }
    // On duplicates the first (reviewed-earlier) entry wins; it is tried first.
    node.ends.push({ entry, accented: tokens.map((t) => t.text), marked });
  }

  /**
   * Non-overlapping phrase matches, the longest phrases first wherever they start. Syllables are compared folded,
   * but a syllable typed WITH marks must fit the phrase's marks (so "cười" never triggers "cưới").
   * Inside a phrase, up to two possessive or helper words the phrase does not continue with are stepped over
   * ("bố **tôi** mất" is "bố mất", "giấy khai sinh **của** con bị mất").
   */
  match(
    tokens: readonly Token[],
    settings: LexiconMatchSettings = DEFAULT_LEXICON_MATCH,
  ): LexiconMatch[] {
    const { maxSkipped, overrideMargin, toneSlipMinSyllables } = settings;
    // The longest phrase starting at each position…
    const candidates: Array<LexiconMatch & { length: number }> = [];
    for (let i = 0; i < tokens.length; i += 1) {
      let node: TrieNode | undefined = this.root;
      let best: { end: number; entry: LexiconEntry; length: number } | undefined;
      const path: number[] = [];
      let skipped = 0;
      for (let j = i; j < tokens.length && node; j += 1) {
        const next: TrieNode | undefined = node.next.get(tokens[j]!.folded);
        if (
          !next &&
          path.length > 0 &&
          skipped < maxSkipped &&
          QUERY_WORDS.skippable.hasToken(tokens[j]!)
        ) {
          skipped += 1;
          continue;
        }
        node = next;
        path.push(j);
        const said = path.map((k) => tokens[k]!);
        const fit = node?.ends.find(
          (e) =>
            fitsPhrase(e.accented, said, toneSlipMinSyllables) &&
            (!e.marked || said.every((t, k) => !hasMarks(e.accented[k]!) || hasMarks(t.text))),
        );
        if (fit) best = { end: j + 1, entry: fit.entry, length: path.length };
      }
      if (best) {
        const means = this.meaning.get(best.entry) ?? [];
        candidates.push({ start: i, end: best.end, means, entry: best.entry, length: best.length });
      }
    }
    // …then the longest phrases first, wherever they start: "đi lĩnh lương hưu thay" is about a
    // pension collected by someone else, not "đi lính" (military service).
    // Left to right, as typed; but a two-syllable phrase gives way to a clearly longer one (2+ more
    // syllables) that overlaps it further on.
    candidates.sort((a, b) => a.start - b.start);
    const out: LexiconMatch[] = [];
    let next = 0;
    for (const [n, c] of candidates.entries()) {
      if (c.start < next) continue;
      const overridden =
        c.length <= 2 &&
        candidates
          .slice(n + 1)
          .some((o) => o.start < c.end && o.length >= c.length + overrideMargin);
      if (overridden) continue;
      const { length: _length, ...m } = c;
      out.push(m);
      next = c.end;
    }
    return out.sort((a, b) => a.start - b.start);
  }
}
