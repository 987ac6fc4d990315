/**
 * @module Weighted score fusion of the lexical (BM25F) and dense (embedding) rankings. Each list is
 * min-max normalised over its own candidates, then combined linearly; published Vietnamese retrieval
 * results (and our dev set, see README.md) favour this over reciprocal-rank fusion because it keeps
 * the size of score gaps, not just the order.
 */

/** Relative trust in each ranking; they need not sum to 1 (the fused score is re-normalised). */
export interface FusionWeights {
  lexical: number;
  dense: number;
  /** "weighted" (default) or "rrf" (reciprocal-rank fusion, kept for comparison in the sweep). */
  method?: 'weighted' | 'rrf';
}

/** Chosen by the sweep documented in knowledge/retrieval/README.md. */
export const DEFAULT_FUSION_WEIGHTS: FusionWeights = { lexical: 0.9, dense: 0.1 };

/**
 * Maps scores linearly onto 0..1 (max → 1, min → 0). A single score, or all-equal scores, map to 1:
 * being the only candidate is not evidence of being a poor one.
 */
export function minMaxNormalize(scores: readonly number[]): number[] {
  if (scores.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const s of scores) {
    if (s < min) min = s;
    if (s > max) max = s;
  }
  const span = max - min;
  return scores.map((s) => (span > 0 ? (s - min) / span : 1));
}

/** Candidate → score, for one ranking. */
export type ScoreMap = ReadonlyMap<number, number>;

/**
 * Fuses two rankings over the union of their candidates; a candidate missing from one ranking gets 0
 * there. Result values are in 0..1.
 */
export function fuseScores(
  lexical: ScoreMap,
  dense: ScoreMap,
  weights: FusionWeights,
): Map<number, number> {
  const total = weights.lexical + weights.dense || 1;
  const out = new Map<number, number>();
  const addNormalized = (scores: ScoreMap, weight: number) => {
    const keys = [...scores.keys()];
    const norm = minMaxNormalize(keys.map((k) => scores.get(k)!));
    keys.forEach((k, i) => out.set(k, (out.get(k) ?? 0) + (weight / total) * norm[i]!));
  };
  addNormalized(lexical, weights.lexical);
  addNormalized(dense, weights.dense);
  return out;
}

/**
 * Reciprocal-rank fusion (Cormack et al. 2009), for comparison: each ranking contributes
 * weight / (k + rank). Rescaled so the best possible score is 1.
 */
export function reciprocalRankFusion(
  lexical: ScoreMap,
  dense: ScoreMap,
  weights: FusionWeights,
  k = 60,
): Map<number, number> {
  const total = weights.lexical + weights.dense || 1;
  const out = new Map<number, number>();
  const add = (scores: ScoreMap, weight: number) => {
    [...scores.entries()]
      .sort((a, b) => b[1] - a[1])
      .forEach(([doc], rank) =>
        out.set(doc, (out.get(doc) ?? 0) + ((weight / total) * (k + 1)) / (k + rank + 1)),
      );
  };
  add(lexical, weights.lexical);
  add(dense, weights.dense);
  return out;
}
