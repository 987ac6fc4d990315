/**
 * @module The few dense/sparse linear-algebra kernels the LSA model needs, in plain TypeScript on
 * Float64Arrays (row-major). Sizes are small: ~6k documents × ~30k terms × ~200 components.
 */

/** Sparse matrix in compressed-row form (rows = documents, columns = terms). */
export interface CsrMatrix {
  rows: number;
  cols: number;
  indptr: Uint32Array;
  indices: Uint32Array;
  values: Float64Array;
}

/** Dense row-major matrix. */
export interface Dense {
  rows: number;
  cols: number;
  data: Float64Array;
}

export function dense(rows: number, cols: number): Dense {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

// Speed without changing a bit of the result: every output element adds up the same products in the
// same order as the plain loops would (so a rebuilt index is byte-for-byte the same); the inner loops
// are unrolled by four, and Aᵀ·Y reads A's transpose row by row instead of scattering into the
// output, which is what the time went to.

/** out[o..o+k) += v · x[xo..xo+k), unrolled by four. */
function addScaled(
  out: Float64Array,
  o: number,
  v: number,
  x: Float64Array,
  xo: number,
  k: number,
): void {
  let j = 0;
  for (; j + 3 < k; j += 4) {
    out[o + j] = out[o + j]! + v * x[xo + j]!;
    out[o + j + 1] = out[o + j + 1]! + v * x[xo + j + 1]!;
    out[o + j + 2] = out[o + j + 2]! + v * x[xo + j + 2]!;
    out[o + j + 3] = out[o + j + 3]! + v * x[xo + j + 3]!;
  }
  for (; j < k; j += 1) out[o + j] = out[o + j]! + v * x[xo + j]!;
}

/** A · X where A is sparse (r×c) and X dense (c×k): result r×k. */
export function csrTimesDense(a: CsrMatrix, x: Dense): Dense {
  const k = x.cols;
  const out = dense(a.rows, k);
  const { indptr, indices, values } = a;
  for (let r = 0; r < a.rows; r += 1) {
    const end = indptr[r + 1]!;
    for (let p = indptr[r]!; p < end; p += 1) {
      addScaled(out.data, r * k, values[p]!, x.data, indices[p]! * k, k);
    }
  }
  return out;
}

/**
 * Aᵀ in compressed-row form, each row's entries in ascending column order (= A's row order), so that
 * `csrTimesDense(transpose(a), y)` adds up exactly as Aᵀ · Y taken row by row of A would.
 */
export function transpose(a: CsrMatrix): CsrMatrix {
  const nnz = a.indptr[a.rows]!;
  const indptr = new Uint32Array(a.cols + 1);
  for (let p = 0; p < nnz; p += 1) indptr[a.indices[p]! + 1]! += 1;
  for (let c = 0; c < a.cols; c += 1) indptr[c + 1]! += indptr[c]!;
  const next = indptr.slice(0, a.cols);
  const indices = new Uint32Array(nnz);
  const values = new Float64Array(nnz);
  for (let r = 0; r < a.rows; r += 1) {
    const end = a.indptr[r + 1]!;
    for (let p = a.indptr[r]!; p < end; p += 1) {
      const at = next[a.indices[p]!]!++;
      indices[at] = r;
      values[at] = a.values[p]!;
    }
  }
  return { rows: a.cols, cols: a.rows, indptr, indices, values };
}

/** Aᵀ · Y where A is sparse (r×c) and Y dense (r×k): result c×k. Pass `aT` when A's transpose is at hand. */
export function csrTransposeTimesDense(a: CsrMatrix, y: Dense, aT = transpose(a)): Dense {
  return csrTimesDense(aT, y);
}

/**
 * Orthonormalises the columns in place (modified Gram–Schmidt, twice, on a column-major copy).
 * Column j's dot products form one long chain of additions; two columns are taken together so two
 * chains run side by side (column j+1 needs j only at the very end, so nothing changes order).
 */
export function orthonormalizeColumns(m: Dense): void {
  const { rows, cols, data } = m;
  const t = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r += 1)
    for (let c = 0; c < cols; c += 1) t[c * rows + r] = data[r * cols + c]!;
  for (let pass = 0; pass < 2; pass += 1) {
    let j = 0;
    for (; j + 1 < cols; j += 2) {
      const oj = j * rows;
      const ok = oj + rows;
      for (let i = 0; i < j; i += 1) {
        const oi = i * rows;
        let dotJ = 0;
        let dotK = 0;
        for (let r = 0; r < rows; r += 1) {
          const ti = t[oi + r]!;
          dotJ += ti * t[oj + r]!;
          dotK += ti * t[ok + r]!;
        }
        for (let r = 0; r < rows; r += 1) {
          const ti = t[oi + r]!;
          t[oj + r]! -= dotJ * ti;
          t[ok + r]! -= dotK * ti;
        }
      }
      normalizeColumn(t, oj, rows);
      let dot = 0;
      for (let r = 0; r < rows; r += 1) dot += t[oj + r]! * t[ok + r]!;
      for (let r = 0; r < rows; r += 1) t[ok + r]! -= dot * t[oj + r]!;
      normalizeColumn(t, ok, rows);
    }
    if (j < cols) {
      const oj = j * rows;
      for (let i = 0; i < j; i += 1) {
        const oi = i * rows;
        let dot = 0;
        for (let r = 0; r < rows; r += 1) dot += t[oi + r]! * t[oj + r]!;
        for (let r = 0; r < rows; r += 1) t[oj + r]! -= dot * t[oi + r]!;
      }
      normalizeColumn(t, oj, rows);
    }
  }
  for (let r = 0; r < rows; r += 1)
    for (let c = 0; c < cols; c += 1) data[r * cols + c] = t[c * rows + r]!;
}

function normalizeColumn(t: Float64Array, o: number, rows: number): void {
  let norm = 0;
  for (let r = 0; r < rows; r += 1) norm += t[o + r]! ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let r = 0; r < rows; r += 1) t[o + r]! /= norm;
}

/** Xᵀ · Y for dense X (n×a) and Y (n×b): result a×b. */
export function transposeTimes(x: Dense, y: Dense): Dense {
  const out = dense(x.cols, y.cols);
  for (let r = 0; r < x.rows; r += 1) {
    const xo = r * x.cols;
    const yo = r * y.cols;
    for (let i = 0; i < x.cols; i += 1) {
      const v = x.data[xo + i]!;
      if (v === 0) continue;
      addScaled(out.data, i * y.cols, v, y.data, yo, y.cols);
    }
  }
  return out;
}

/** X · Y for dense X (n×a) and Y (a×b): result n×b. */
export function times(x: Dense, y: Dense): Dense {
  const out = dense(x.rows, y.cols);
  for (let r = 0; r < x.rows; r += 1) {
    for (let i = 0; i < x.cols; i += 1) {
      const v = x.data[r * x.cols + i]!;
      if (v === 0) continue;
      addScaled(out.data, r * y.cols, v, y.data, i * y.cols, y.cols);
    }
  }
  return out;
}

/**
 * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations.
 * @returns eigenvalues (descending) and eigenvectors as columns of a k×k matrix, in the same order.
 */
export function symmetricEigen(input: Dense): { values: Float64Array; vectors: Dense } {
  const n = input.rows;
  const a = Float64Array.from(input.data);
  const v = dense(n, n);
  for (let i = 0; i < n; i += 1) v.data[i * n + i] = 1;
  for (let sweep = 0; sweep < 50; sweep += 1) {
    let off = 0;
    for (let p = 0; p < n; p += 1) for (let q = p + 1; q < n; q += 1) off += a[p * n + q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p += 1) {
      for (let q = p + 1; q < n; q += 1) {
        const apq = a[p * n + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k += 1) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k += 1) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k += 1) {
          const vkp = v.data[k * n + p]!;
          const vkq = v.data[k * n + q]!;
          v.data[k * n + p] = c * vkp - s * vkq;
          v.data[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = [...Array(n).keys()].sort((i, j) => a[j * n + j]! - a[i * n + i]!);
  const values = Float64Array.from(order.map((i) => a[i * n + i]!));
  const vectors = dense(n, n);
  order.forEach((src, dst) => {
    for (let k = 0; k < n; k += 1) vectors.data[k * n + dst] = v.data[k * n + src]!;
  });
  return { values, vectors };
}

/** Deterministic PRNG (mulberry32) so index builds are reproducible. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal sample (Box–Muller). */
export function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
