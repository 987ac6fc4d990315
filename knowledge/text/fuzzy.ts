/**
 * @module Spelling fallback for syllables the catalogue never uses: one edit (insert, delete,
 * substitute or swap two neighbours) against the folded vocabulary, via a deletion dictionary so a
 * look-up costs a handful of map reads rather than a scan.
 */

/** Restricted Damerau–Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i += 1) {
    const row = new Array<number>(b.length + 1).fill(0);
    row[0] = i;
    rows.push(row);
  }
  for (let j = 0; j <= b.length; j += 1) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    const row = rows[i]!;
    const prev = rows[i - 1]!;
    let best = Infinity;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      }
      row[j] = v;
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i += 1) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Corrects an unknown folded syllable to the most frequent known one within one edit. */
export class SyllableCorrector {
  private readonly byDeletion = new Map<string, string[]>();

  /** @param frequency known folded syllables and how many procedures use each. */
  constructor(private readonly frequency: ReadonlyMap<string, number>) {
    for (const word of frequency.keys()) {
      if (word.length < 3 || !/^[a-z]+$/.test(word)) continue;
      for (const key of [word, ...deletions(word)]) {
        const list = this.byDeletion.get(key);
        if (list) list.push(word);
        else this.byDeletion.set(key, [word]);
      }
    }
  }

  has(word: string): boolean {
    return this.frequency.has(word);
  }

  /**
   * Known syllables one edit away, most frequent first (short or non-letter tokens have none).
   * `accept` can veto candidates (e.g. ones whose marks contradict what was typed).
   */
  candidates(word: string, accept: (candidate: string) => boolean = () => true): string[] {
    if (word.length < 3 || !/^[a-z]+$/.test(word)) return [];
    const found = new Set<string>();
    for (const key of [word, ...deletions(word)]) {
      for (const candidate of this.byDeletion.get(key) ?? []) {
        if (candidate === word || found.has(candidate)) continue;
        if (editDistance(word, candidate, 1) <= 1 && accept(candidate)) found.add(candidate);
      }
    }
    return [...found].sort(
      (a, b) => (this.frequency.get(b) ?? 0) - (this.frequency.get(a) ?? 0) || (a < b ? -1 : 1),
    );
  }

  /** Best known syllable one edit away (the most frequent), or undefined. */
  correct(word: string, accept: (candidate: string) => boolean = () => true): string | undefined {
    return this.candidates(word, accept)[0];
  }
}
