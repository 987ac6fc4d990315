/**
 * @module Truncated SVD of a sparse matrix by randomized subspace iteration (Halko, Martinsson &
 * Tropp 2011, algorithms 4.4 + 5.1). Only the right singular vectors (term space) are needed.
 */
import {
  csrTimesDense,
  csrTransposeTimesDense,
  dense,
  gaussian,
  orthonormalizeColumns,
  seededRandom,
  symmetricEigen,
  times,
  transpose,
  transposeTimes,
  type CsrMatrix,
  type Dense,
} from './linear-algebra.js';

export interface SvdOptions {
  rank: number;
  oversample?: number;
  powerIterations?: number;
  seed?: number;
}

/** Top `rank` singular values and right singular vectors (cols × rank) of A. */
export interface TruncatedSvd {
  values: Float64Array;
  right: Dense;
}

export function randomizedSvd(a: CsrMatrix, options: SvdOptions): TruncatedSvd {
  const l = Math.min(options.rank + (options.oversample ?? 16), a.rows, a.cols);
  const rank = Math.min(options.rank, l);
  const random = seededRandom(options.seed ?? 42);
  const omega = dense(a.cols, l);
  for (let i = 0; i < omega.data.length; i += 1) omega.data[i] = gaussian(random);

  const aT = transpose(a);
  let q = csrTimesDense(a, omega);
  orthonormalizeColumns(q);
  for (let it = 0; it < (options.powerIterations ?? 1); it += 1) {
    q = csrTimesDense(a, csrTransposeTimesDense(a, q, aT));
    orthonormalizeColumns(q);
  }
  // B = Qᵀ A (l × cols). B Bᵀ = Qᵀ A (Aᵀ Q) is small; computing it through the sparse A keeps the
  // cost at O(nnz · l) instead of O(cols · l²).
  const bbt = transposeTimes(q, csrTimesDense(a, csrTransposeTimesDense(a, q, aT)));
  const { values, vectors } = symmetricEigen(bbt);
  const sigma = new Float64Array(rank);
  for (let i = 0; i < rank; i += 1) sigma[i] = Math.sqrt(Math.max(values[i]!, 0));
  // Right singular vectors: V = Bᵀ W Σ⁻¹ = Aᵀ (Q W) Σ⁻¹, first `rank` columns only.
  const w = dense(l, rank);
  for (let i = 0; i < l; i += 1)
    for (let j = 0; j < rank; j += 1) w.data[i * rank + j] = vectors.data[i * l + j]!;
  const right = csrTransposeTimesDense(a, times(q, w), aT);
  for (let r = 0; r < a.cols; r += 1) {
    for (let j = 0; j < rank; j += 1) right.data[r * rank + j]! /= sigma[j]! || 1;
  }
  return { values: sigma, right };
}
