/**
 * @module Life situations → the procedures they lead to (situations/*.json, reviewed data). A letter
 * tells what happened — a death in the family, a move, a lost paper, a relative with merit — and
 * seldom names the procedure. A situation is a set of cues that must all be told (anywhere in the
 * letter, story included) and the catalogue codes it leads to.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasMarks, marksCompatible, tokenize, type Token } from '../text/normalize.js';
import { QUERY_WORDS } from './query-words.js';

/** A named cue: any of its phrases in the text means the cue is told. */
export interface SituationCue {
  say: string[];
  /**
   * The cue says something is NOT so ("không có lương hưu", "không phải thương binh"): another cue
   * whose phrase lies inside one of its phrases ("lương hưu", "thương binh") is not told there.
   */
  negates?: boolean;
  /**
   * Phrases of `say` that count only when typed with their marks: without marks they read as
   * another, common phrase ("bão" → "bao"/"bảo hiểm", "muộn" → "muốn", "nhường" → "chuyển nhượng").
   */
  markedOnly?: string[];
  note: string;
}

/** One life situation and the procedures it leads to. */
export interface Situation {
  id: string;
  /** Names of cues that must all be told. */
  when: string[];
  /** Names of cues that, when told, mean another situation (e.g. a death for a recognition). */
  unless?: string[];
  /**
   * Names of cues that say whom the situation concerns, not what is asked: when an event decides
   * the procedure ("Mẹ tôi là Bà mẹ Việt Nam anh hùng, **vừa mất**"), the status words describe the
   * person and must not pull towards the procedures named after the status (the award).
   */
  concerns?: string[];
  /** Catalogue codes, best first. */
  procedures: string[];
  note: string;
}

/**
 * Folder of the bundled data: `cues.json` (the cues every field shares) and one file per field
 * (`merit.json`, `land.json`, …), each `{ cues?, situations? }`, so a field's entries are reviewed
 * (and edited) apart from the others'.
 */
export const SITUATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'situations');

export interface SituationData {
  cues: Record<string, SituationCue>;
  situations: Situation[];
}

/** Thrown when the situation files contradict each other (a cue or situation defined twice). */
export class SituationDataError extends Error {
  override name = 'SituationDataError';
}

/**
 * Reads and merges every `*.json` of the folder (sorted by name). A cue name or a situation id
 * defined in two files is an error: silently letting one win would hide a reviewer's entry.
 */
export function readSituationData(dir: string = SITUATIONS_DIR): SituationData {
  const merged: SituationData = { cues: {}, situations: [] };
  const seen = new Set<string>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const part = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Partial<SituationData>;
    for (const [name, cue] of Object.entries(part.cues ?? {})) {
      if (name.startsWith('_')) continue;
      if (name in merged.cues)
        throw new SituationDataError(`cue "${name}" defined twice (${file})`);
      merged.cues[name] = cue;
    }
    for (const s of part.situations ?? []) {
      if (seen.has(s.id))
        throw new SituationDataError(`situation "${s.id}" defined twice (${file})`);
      seen.add(s.id);
      merged.situations.push(s);
    }
  }
  return merged;
}

// Words a cue may step over: words.json `situationSkippable` (compared folded, as typed or not).
const MAX_SKIPPED = 2;

interface Phrase {
  cue: string;
  syllables: PhraseSyllable[];
  negates: boolean;
  /** Only a syllable typed with marks matches one written with marks. */
  marked: boolean;
}

/** Where a cue phrase was found: tokens start..end (exclusive). */
export interface CueSpan {
  cue: string;
  start: number;
  end: number;
  negates: boolean;
}

/** The cues a message tells (negation applied) and every place a cue phrase was found. */
export interface ToldCues {
  told: Set<string>;
  spans: ReadonlyMap<string, readonly CueSpan[]>;
}

/** Matches the situations of situations/*.json in a question's tokens. */
export class Situations {
  readonly situations: readonly Situation[];
  /** First folded syllable → the cue phrases starting with it. */
  private readonly byFirst = new Map<string, Phrase[]>();

  constructor(data: SituationData) {
    this.situations = data.situations;
    for (const [cue, { say, negates, markedOnly }] of Object.entries(data.cues)) {
      if (cue.startsWith('_')) continue;
      for (const written of say) {
        const syllables = phraseSyllables(written);
        const first = syllables[0];
        if (first === undefined) continue;
        const marked = (markedOnly ?? []).includes(written);
        // A phrase opening with a number range is filed under each number of it.
        const keys = first.range ? numbersIn(first.range) : [first.folded];
        for (const key of keys) {
          const list = this.byFirst.get(key) ?? [];
          list.push({ cue, syllables, negates: negates === true, marked });
          this.byFirst.set(key, list);
        }
      }
    }
  }

  static load(dir: string = SITUATIONS_DIR): Situations {
    return new Situations(readSituationData(dir));
  }

  /**
   * Every cue phrase found in the tokens, and the cues that count as told: one pass serves both the
   * matching and the question of where a situation was told (its request or its story).
   */
  tell(tokens: readonly Token[]): ToldCues {
    const found: CueSpan[] = [];
    tokens.forEach((_t, i) => {
      for (const p of this.byFirst.get(tokens[i]!.folded) ?? []) {
        const end = endOfMatch(tokens, i, p.syllables, p.marked);
        if (end > i) found.push({ cue: p.cue, start: i, end, negates: p.negates });
      }
    });
    // Tokens inside a negating phrase ("không có lương hưu") tell no other cue ("lương hưu").
    const negated = new Array<boolean>(tokens.length).fill(false);
    for (const f of found) if (f.negates) negated.fill(true, f.start, f.end);
    const told = new Set<string>();
    for (const f of found) {
      if (f.negates || !negated.slice(f.start, f.end).some(Boolean)) told.add(f.cue);
    }
    const spans = new Map<string, CueSpan[]>();
    for (const f of found) {
      const list = spans.get(f.cue);
      if (list) list.push(f);
      else spans.set(f.cue, [f]);
    }
    return { told, spans };
  }

  /** Names of the cues told in the tokens. */
  cuesIn(tokens: readonly Token[]): Set<string> {
    return this.tell(tokens).told;
  }

  /** For each token, whether it is inside a phrase of one of the named cues. */
  phrasesOf(tokens: readonly Token[], cues: ReadonlySet<string>): boolean[] {
    const inside = tokens.map(() => false);
    if (cues.size === 0) return inside;
    tokens.forEach((_t, i) => {
      for (const p of this.byFirst.get(tokens[i]!.folded) ?? []) {
        if (!cues.has(p.cue)) continue;
        const end = endOfMatch(tokens, i, p.syllables, p.marked);
        for (let j = i; j < end; j += 1) inside[j] = true;
      }
    });
    return inside;
  }

  /** The situations the tokens tell: every `when` cue told, no `unless` cue. */
  match(tokens: readonly Token[]): Situation[] {
    return this.matchTold(this.cuesIn(tokens));
  }

  /** The situations the told cues make: every `when` cue told, no `unless` cue. */
  matchTold(told: ReadonlySet<string>): Situation[] {
    if (told.size === 0) return [];
    return this.situations.filter(
      (s) => s.when.every((c) => told.has(c)) && !(s.unless ?? []).some((c) => told.has(c)),
    );
  }
}

/** A syllable of a cue phrase: a word, or a number range that any number within it fits. */
export interface PhraseSyllable extends Token {
  range?: readonly [number, number];
}

const RANGE = /^\{(\d+)-(\d+)\}$/;
/** Widest number range a cue phrase may hold (years of a war, days of a month). */
const MAX_RANGE = 200;

/**
 * A cue phrase's syllables. A number range is one syllable: "nhập ngũ tháng {1-12} {1960-1974}" fits
 * "nhập ngũ tháng 12/1971" (a date typed "12/1971" reads "12 1971") and costs one phrase to match,
 * where the same phrases written out would be 180.
 */
export function phraseSyllables(phrase: string): PhraseSyllable[] {
  return phrase.split(/(\{\d+-\d+\})/u).flatMap((part): PhraseSyllable[] => {
    const range = RANGE.exec(part);
    if (!range) return tokenize(part);
    const [from, to] = [Number(range[1]), Number(range[2])];
    // A phrase opening with a range is filed under each of its numbers: keep ranges small.
    if (to < from || to - from > MAX_RANGE) {
      throw new SituationDataError(`number range ${part} in "${phrase}" is empty or too wide`);
    }
    return [{ text: part, folded: part, range: [from, to] }];
  });
}

function numbersIn([from, to]: readonly [number, number]): string[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_n, i) => String(from + i));
}

/** Whether a token is the phrase's syllable, marks aside (a number within a range fits a range). */
function sameFolded(token: Token, syllable: PhraseSyllable): boolean {
  if (!syllable.range) return token.folded === syllable.folded;
  if (!/^\d+$/u.test(token.folded)) return false;
  const n = Number(token.folded);
  return n >= syllable.range[0] && n <= syllable.range[1];
}

/**
 * The token index just after the phrase when it starts at token i, or i when it does not. Letters
 * are compared first and marks only for a phrase whose letters all fit: most phrases filed under a
 * letter's syllable fail on their next syllable, and comparing marks is the dearer check.
 */
function endOfMatch(
  tokens: readonly Token[],
  i: number,
  phrase: readonly PhraseSyllable[],
  marked = false,
): number {
  const end = walk(tokens, i, phrase, null);
  return end > i && walk(tokens, i, phrase, marked) > i ? end : i;
}

/**
 * Follows the phrase from token i (skippable words may stand between its syllables) and returns the
 * index after it, or i when it does not fit. `marks` null compares letters only; otherwise typed
 * marks must fit, and with `marks` true a marked syllable of the phrase must be typed with marks.
 */
function walk(
  tokens: readonly Token[],
  i: number,
  phrase: readonly PhraseSyllable[],
  marks: boolean | null,
): number {
  let j = i;
  let skipped = 0;
  for (let k = 0; k < phrase.length; k += 1) {
    const want = phrase[k]!;
    while (
      k > 0 &&
      j < tokens.length &&
      !sameFolded(tokens[j]!, want) &&
      QUERY_WORDS.situationSkippable.folded.has(tokens[j]!.folded) &&
      skipped < MAX_SKIPPED
    ) {
      j += 1;
      skipped += 1;
    }
    const t = tokens[j];
    if (
      !t ||
      !sameFolded(t, want) ||
      (marks !== null &&
        ((!want.range && !marksCompatible(t.text, want.text)) ||
          (marks && hasMarks(want.text) && !hasMarks(t.text))))
    ) {
      return i;
    }
    j += 1;
  }
  return j;
}
