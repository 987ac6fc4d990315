/**
 * @module The query side's reviewed word lists (words.json): filler and "what about it" words,
 * words a lexicon phrase may step over, and the clause words of the purpose, "now" and stated-age
 * rules. Each list is written once, as typed with marks; the unaccented twin a resident types
 * without marks is derived by folding (unless an entry says `foldedTwin: false`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldMarks, hasMarks, tokenize, type Token } from '../text/normalize.js';

/** One reviewed entry: words or phrases as typed with marks, and why they are listed. */
export interface WordEntry {
  say: string[];
  /**
   * False when the unaccented form is usually another, meaningful word ("đó" → "do", also "đỏ",
   * "độ"): then only the word typed with marks counts.
   */
  foldedTwin?: boolean;
  note: string;
}

/** A reviewed list with what it is for. */
export interface WordList {
  _about?: string;
  list: WordEntry[];
}

/** The shape of words.json. */
export interface WordsFile {
  _about?: string;
  filler: WordList;
  askAbout: WordList;
  skippable: WordList;
  situationSkippable: WordList;
  purpose: WordList;
  notPurposeAfter: WordList;
  nowMarkers: WordList;
  ageWords: WordList;
}

/** Path of the bundled word lists. */
export const WORDS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'words.json');

/** One list as two look-ups: the exact forms with marks and the derived unaccented twins. */
export class WordSet {
  /** Words as typed with marks (exact). */
  readonly marked = new Set<string>();
  /** Unaccented forms: the folded twin of every entry that allows it, and words without marks. */
  readonly folded = new Set<string>();

  constructor(list: WordList) {
    for (const entry of list.list) {
      for (const token of entry.say.flatMap((phrase) => tokenize(phrase))) {
        if (hasMarks(token.text)) this.marked.add(token.text);
        if (entry.foldedTwin !== false || !hasMarks(token.text)) this.folded.add(token.folded);
      }
    }
  }

  /** Is the word in the list? Judged on its marks when typed with marks, else on its folded form. */
  has(typed: string): boolean {
    return hasMarks(typed) ? this.marked.has(typed) : this.folded.has(foldMarks(typed));
  }

  /** The same for a token. */
  hasToken(token: Token): boolean {
    return hasMarks(token.text) ? this.marked.has(token.text) : this.folded.has(token.folded);
  }
}

/** How a word counts in a query. */
export type WordKind = 'filler' | 'askAbout' | 'content';

/** The loaded lists. */
export class QueryWords {
  readonly filler: WordSet;
  readonly askAbout: WordSet;
  readonly skippable: WordSet;
  /** Words a situation cue may step over ("bố tôi mất"), matched folded. */
  readonly situationSkippable: WordSet;
  /** Folded forms of the purpose word ("để" → "de"). */
  readonly purpose: WordSet;
  /** Folded words after an unaccented "de" that make it "đề …"/"để lại". */
  readonly notPurposeAfter: ReadonlySet<string>;
  /** Folded phrases opening a request part ("giờ", "bây giờ"…). */
  readonly nowMarkers: readonly string[][];
  /** Folded age words ("tuoi"). */
  readonly ageWords: ReadonlySet<string>;
  private readonly kinds = new Map<string, WordKind>();

  constructor(readonly data: WordsFile) {
    this.filler = new WordSet(data.filler);
    this.askAbout = new WordSet(data.askAbout);
    this.skippable = new WordSet(data.skippable);
    this.situationSkippable = new WordSet(data.situationSkippable);
    this.purpose = new WordSet(data.purpose);
    const folded = (list: WordList) =>
      list.list.flatMap((e) => e.say.map((s) => tokenize(s).map((t) => t.folded)));
    this.notPurposeAfter = new Set(folded(data.notPurposeAfter).flat());
    this.nowMarkers = folded(data.nowMarkers);
    this.ageWords = new Set(folded(data.ageWords).flat());
  }

  /** Loads words.json (or another file of the same shape). */
  static load(file: string = WORDS_FILE): QueryWords {
    return new QueryWords(JSON.parse(readFileSync(file, 'utf8')) as WordsFile);
  }

  /** Filler, a "what about it" word, or content; pass the typed form when known (marks decide). */
  kind(typed: string): WordKind {
    let kind = this.kinds.get(typed);
    if (kind === undefined) {
      kind = this.filler.has(typed) ? 'filler' : this.askAbout.has(typed) ? 'askAbout' : 'content';
      if (this.kinds.size < 50_000) this.kinds.set(typed, kind);
    }
    return kind;
  }

  /** True for a word that can carry the topic (neither filler nor a "what about it" word). */
  isContent(typed: string): boolean {
    return this.kind(typed) === 'content';
  }
}

/** The bundled lists, loaded once. */
export const QUERY_WORDS: QueryWords = QueryWords.load();
