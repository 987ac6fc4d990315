/**
 * @module "Are we confident enough to answer?" A small logistic model over signals that separate
 * real procedure questions from greetings and off-topic chat: how much of the question the best
 * procedure covers (rarer words count more), whether a resident-language phrase was recognised, and
 * how close the dense embedding found it. Coefficients were fitted on the dev set (README.md).
 */
import { IN_NAME } from './bm25.js';
import type { QueryConcept } from './query-analyzer.js';

/** What the coverage computation needs from the lexical index. */
export interface TermLookup {
  idf(term: string): number;
  flagsOf(term: string, doc: number): number;
  /** The term's number in the index (undefined when the index does not hold it). */
  termId(term: string): number | undefined;
  /** {@link flagsOf} by the term's number. */
  flagsOfId(id: number, doc: number): number;
}

export interface AbstentionFeatures {
  /** Share (0..1, rarity-weighted) of the question's concepts the best procedure contains anywhere. */
  coverage: number;
  /** Same, counting only the procedure name. */
  nameCoverage: number;
  /** Share of the question's two-syllable topic phrases the best procedure contains. */
  phraseCoverage: number;
  /** Cosine similarity of the best dense match (0 when none). */
  denseSimilarity: number;
  /** Reported score (0..1) of the best hit: fusion, priors and name fit together. */
  topScore: number;
  /**
   * Share (rarity-weighted) of the best procedure's NAME that the question mentions. A resident who
   * uses the catalogue's own words ("xóa thường trú", "khai báo tạm vắng") without any lexicon phrase
   * names most of the procedure; chit-chat that happens to share a word or two does not.
   */
  nameMatch: number;
  /** 1 when a lexicon phrase with a catalogue meaning was recognised. */
  lexicon: number;
  /** 1 when a chit-chat phrase (greeting, weather, prices…) was recognised. */
  offTopic: number;
}

/** One coefficient per feature, plus the bias and the decision threshold. */
export type AbstentionModel = Record<keyof AbstentionFeatures, number> & {
  bias: number;
  /** `answered` when confidence ≥ threshold. */
  threshold: number;
};

/**
 * Logistic regression fitted on the dev set (real questions vs off-topic lines, off-topic lines
 * weighted 4×) WITHOUT the off-topic phrase feature, so that unseen chit-chat is still caught by weak
 * coverage; the phrase list then only adds certainty. The same fit on one half of the dev groups
 * declined none of the other half's real questions (13 before the name-match feature) and still all of
 * its off-topic lines (README.md).
 */
export const DEFAULT_ABSTENTION: AbstentionModel = {
  bias: -2.05,
  coverage: 0.5,
  nameCoverage: 0,
  phraseCoverage: 1.35,
  denseSimilarity: 1.15,
  topScore: 0,
  nameMatch: 2.45,
  lexicon: 2.4,
  offTopic: -5,
  threshold: 0.5,
};

/**
 * Rarity-weighted share of a query's concepts found in a procedure (anywhere, and in the name). The
 * weights and term numbers are worked out once per query: the re-rank asks for forty procedures,
 * and a letter has a hundred concepts or more.
 */
export class ConceptCoverage {
  private readonly prepared: Array<{ weight: number; syllables: number[][] }> = [];

  constructor(
    concepts: readonly QueryConcept[],
    private readonly lookup: TermLookup,
  ) {
    for (const c of concepts) {
      if (c.syllables.length === 0) continue;
      const weight =
        c.weight * (c.syllables.reduce((s, t) => s + lookup.idf(t.folded), 0) / c.syllables.length);
      const syllables = c.syllables.map((syllable) =>
        syllable.accepts.flatMap((term) => {
          const id = lookup.termId(term);
          return id === undefined ? [] : [id];
        }),
      );
      this.prepared.push({ weight, syllables });
    }
  }

  of(doc: number): { coverage: number; nameCoverage: number } {
    let total = 0;
    let found = 0;
    let inName = 0;
    for (const { weight, syllables } of this.prepared) {
      let any = 0;
      let name = 0;
      for (const ids of syllables) {
        let flags = 0;
        for (const id of ids) flags |= this.lookup.flagsOfId(id, doc);
        if (flags !== 0) any += 1;
        if (flags & IN_NAME) name += 1;
      }
      total += weight;
      found += (weight * any) / syllables.length;
      inName += (weight * name) / syllables.length;
    }
    return total > 0
      ? { coverage: found / total, nameCoverage: inName / total }
      : { coverage: 0, nameCoverage: 0 };
  }
}

/** Share of `phrases` that occur in `doc` (0 when there are none). */
export function phraseCoverage(
  phrases: readonly string[],
  doc: number,
  lookup: TermLookup,
): number {
  if (phrases.length === 0) return 0;
  return phrases.filter((p) => lookup.flagsOf(p, doc) !== 0).length / phrases.length;
}

/** Confidence 0..1 from the features. */
export function confidenceOf(f: AbstentionFeatures, m: AbstentionModel): number {
  let z = m.bias;
  for (const key of Object.keys(f) as Array<keyof AbstentionFeatures>) z += m[key] * f[key];
  return 1 / (1 + Math.exp(-z));
}
