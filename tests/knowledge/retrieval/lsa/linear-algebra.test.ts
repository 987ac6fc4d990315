import { describe, expect, it } from 'vitest';
import {
  csrTimesDense,
  csrTransposeTimesDense,
  dense,
  orthonormalizeColumns,
  seededRandom,
  times,
  transpose,
  transposeTimes,
  type CsrMatrix,
  type Dense,
} from '../../../../knowledge/retrieval/lsa/linear-algebra.js';

// The kernels are fast rewrites of the plain loops below; a rebuilt index must stay byte-for-byte the
// same, so they are compared for exact equality (not closeness).
const random = seededRandom(7);

function randomDense(rows: number, cols: number): Dense {
  const m = dense(rows, cols);
  for (let i = 0; i < m.data.length; i += 1) m.data[i] = random() - 0.5;
  return m;
}

function randomCsr(rows: number, cols: number, density: number): CsrMatrix {
  const indptr = new Uint32Array(rows + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < cols; c += 1) {
      if (random() < density) {
        indices.push(c);
        values.push(random());
      }
    }
    indptr[r + 1] = indices.length;
  }
  return {
    rows,
    cols,
    indptr,
    indices: Uint32Array.from(indices),
    values: Float64Array.from(values),
  };
}

/** Plain A·X, Aᵀ·Y, X·Y, Xᵀ·Y: one multiply-add at a time, rows of A (or X) in order. */
function plainSparse(a: CsrMatrix, x: Dense, transposed: boolean): Float64Array {
  const k = x.cols;
  const out = new Float64Array((transposed ? a.cols : a.rows) * k);
  for (let r = 0; r < a.rows; r += 1) {
    for (let p = a.indptr[r]!; p < a.indptr[r + 1]!; p += 1) {
      const [o, xo] = transposed ? [a.indices[p]! * k, r * k] : [r * k, a.indices[p]! * k];
      for (let j = 0; j < k; j += 1) out[o + j] = out[o + j]! + a.values[p]! * x.data[xo + j]!;
    }
  }
  return out;
}

function plainDense(x: Dense, y: Dense, transposed: boolean): Float64Array {
  const out = new Float64Array((transposed ? x.cols : x.rows) * y.cols);
  for (let r = 0; r < x.rows; r += 1) {
    for (let i = 0; i < x.cols; i += 1) {
      const v = x.data[r * x.cols + i]!;
      const [o, yo] = transposed ? [i * y.cols, r * y.cols] : [r * y.cols, i * y.cols];
      for (let j = 0; j < y.cols; j += 1) out[o + j] = out[o + j]! + v * y.data[yo + j]!;
    }
  }
  return out;
}

function plainGramSchmidt(m: Dense): Float64Array {
  const { rows, cols } = m;
  const col = (c: number) => Float64Array.from({ length: rows }, (_v, r) => m.data[r * cols + c]!);
  const t = Array.from({ length: cols }, (_v, c) => col(c));
  for (let pass = 0; pass < 2; pass += 1) {
    for (let j = 0; j < cols; j += 1) {
      for (let i = 0; i < j; i += 1) {
        let dot = 0;
        for (let r = 0; r < rows; r += 1) dot += t[i]![r]! * t[j]![r]!;
        for (let r = 0; r < rows; r += 1) t[j]![r]! -= dot * t[i]![r]!;
      }
      let norm = 0;
      for (let r = 0; r < rows; r += 1) norm += t[j]![r]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let r = 0; r < rows; r += 1) t[j]![r]! /= norm;
    }
  }
  return Float64Array.from({ length: rows * cols }, (_v, i) => t[i % cols]![Math.floor(i / cols)]!);
}

describe('sparse and dense products', () => {
  const a = randomCsr(23, 31, 0.2);

  it('A·X and Aᵀ·Y equal the plain loops exactly, whatever the width', () => {
    for (const k of [1, 3, 4, 7, 10]) {
      const x = randomDense(a.cols, k);
      const y = randomDense(a.rows, k);
      expect(csrTimesDense(a, x).data).toEqual(plainSparse(a, x, false));
      expect(csrTransposeTimesDense(a, y).data).toEqual(plainSparse(a, y, true));
      expect(csrTransposeTimesDense(a, y, transpose(a)).data).toEqual(plainSparse(a, y, true));
    }
  });

  it('X·Y and Xᵀ·Y equal the plain loops exactly', () => {
    const x = randomDense(17, 6);
    const w = randomDense(6, 9);
    expect(times(x, w).data).toEqual(plainDense(x, w, false));
    const y = randomDense(17, 5);
    expect(transposeTimes(x, y).data).toEqual(plainDense(x, y, true));
  });

  it('transposes a sparse matrix', () => {
    const t = transpose(a);
    expect([t.rows, t.cols]).toEqual([a.cols, a.rows]);
    expect(transpose(t)).toEqual(a);
  });
});

describe('orthonormalizeColumns', () => {
  it('gives orthonormal columns, exactly as plain Gram–Schmidt does, for odd and even widths', () => {
    for (const cols of [1, 4, 5]) {
      const m = randomDense(12, cols);
      const expected = plainGramSchmidt(m);
      orthonormalizeColumns(m);
      expect(m.data).toEqual(expected);
      const gram = transposeTimes(m, m);
      for (let i = 0; i < cols; i += 1) {
        for (let j = 0; j < cols; j += 1) {
          expect(gram.data[i * cols + j]).toBeCloseTo(i === j ? 1 : 0, 12);
        }
      }
    }
  });
});
