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
}

export interface AbstentionFeatures {
  /** Share (0..1, rarity-weighted) of the question's concepts the best procedure contains anywhere. */
  coverage: number;
  /** Same, counting only the procedure name. */
  nameCoverage: number;
  /** Cosine similarity of the best dense match (0 when none). */
  denseSimilarity: number;
  /** 1 when a lexicon phrase with a catalogue meaning was recognised. */
  lexicon: number;
  /** 1 when a chit-chat phrase (greeting, weather, prices…) was recognised. */
  offTopic: number;
}

export interface AbstentionModel {
  bias: number;
  coverage: number;
  nameCoverage: number;
  denseSimilarity: number;
  lexicon: number;
  offTopic: number;
  /** `answered` when confidence ≥ threshold. */
  threshold: number;
}

export const DEFAULT_ABSTENTION: AbstentionModel = {
  bias: -4,
  coverage: 4,
  nameCoverage: 2,
  denseSimilarity: 2,
  lexicon: 1.5,
  offTopic: -4,
  threshold: 0.5,
};

/** Rarity-weighted share of concepts found in `doc` (anywhere, and in the name). */
export function conceptCoverage(
  concepts: readonly QueryConcept[],
  doc: number,
  lookup: TermLookup,
): { coverage: number; nameCoverage: number } {
  let total = 0;
  let found = 0;
  let inName = 0;
  for (const c of concepts) {
    if (c.syllables.length === 0) continue;
    const weight = c.weight * (c.syllables.reduce((s, t) => s + lookup.idf(t.folded), 0) / c.syllables.length);
    let any = 0;
    let name = 0;
    for (const syllable of c.syllables) {
      let flags = 0;
      for (const term of syllable.accepts) flags |= lookup.flagsOf(term, doc);
      if (flags !== 0) any += 1;
      if (flags & IN_NAME) name += 1;
    }
    total += weight;
    found += (weight * any) / c.syllables.length;
    inName += (weight * name) / c.syllables.length;
  }
  return total > 0 ? { coverage: found / total, nameCoverage: inName / total } : { coverage: 0, nameCoverage: 0 };
}

/** Confidence 0..1 from the features. */
export function confidenceOf(f: AbstentionFeatures, m: AbstentionModel): number {
  const z =
    m.bias +
    m.coverage * f.coverage +
    m.nameCoverage * f.nameCoverage +
    m.denseSimilarity * f.denseSimilarity +
    m.lexicon * f.lexicon +
    m.offTopic * f.offTopic;
  return 1 / (1 + Math.exp(-z));
}
