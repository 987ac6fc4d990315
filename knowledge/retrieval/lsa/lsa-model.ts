/**
 * @module Latent semantic analysis learned from the catalogue at index-build time: TF-IDF over folded
 * syllables and syllable bigrams, then a truncated SVD. Needs no download and no network; a text is
 * embedded by projecting its sparse TF-IDF vector onto the learned term space (a few hundred
 * multiply-adds per query).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bigrams, foldedTokens } from '../../text/normalize.js';
import { readArrayBuffer } from '../binary-file.js';
import type { CsrMatrix } from './linear-algebra.js';
import { randomizedSvd } from './randomized-svd.js';

/** Training options; the defaults were chosen on the dev set (see knowledge/retrieval/README.md). */
export interface LsaOptions {
  dims: number;
  maxVocabulary: number;
  minDf: number;
  /** Component scaling exponent: 0 = classic fold-in (Σ⁻¹), 1 = plain projection. */
  alpha: number;
  seed: number;
}

export const DEFAULT_LSA_OPTIONS: LsaOptions = {
  dims: 192,
  maxVocabulary: 30_000,
  minDf: 2,
  alpha: 0.5,
  seed: 20_250_701,
};

const MODEL_FILE = 'lsa.json';
const PROJECTION_FILE = 'lsa-projection.f32';

/** Folded syllables plus bigrams: the LSA "words". */
export function lsaTerms(text: string): string[] {
  const tokens = foldedTokens(text);
  return [...tokens, ...bigrams(tokens)];
}

/** A trained LSA model: vocabulary, idf and a vocabulary × dims projection. */
export class LsaModel {
  private readonly termIds: Map<string, number>;

  constructor(
    readonly vocabulary: readonly string[],
    readonly idf: Float32Array,
    readonly projection: Float32Array,
    readonly dims: number,
  ) {
    this.termIds = new Map(vocabulary.map((t, i) => [t, i]));
  }

  static train(texts: readonly string[], options: Partial<LsaOptions> = {}): LsaModel {
    const o = { ...DEFAULT_LSA_OPTIONS, ...options };
    const docTerms = texts.map(lsaTerms);
    const df = new Map<string, number>();
    for (const terms of docTerms) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
    const vocabulary = [...df.entries()]
      .filter(([, n]) => n >= o.minDf && n < texts.length * 0.5)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, o.maxVocabulary)
      .map(([t]) => t);
    const idf = Float32Array.from(vocabulary, (t) => Math.log(texts.length / df.get(t)!));
    const model = new LsaModel(vocabulary, idf, new Float32Array(0), 0);
    const matrix = model.tfidfMatrix(docTerms);
    const dims = Math.min(o.dims, Math.max(1, Math.min(matrix.rows, matrix.cols) - 1));
    const svd = randomizedSvd(matrix, { rank: dims, seed: o.seed });
    const projection = new Float32Array(vocabulary.length * dims);
    for (let t = 0; t < vocabulary.length; t += 1) {
      for (let j = 0; j < dims; j += 1) {
        const scale = Math.pow(svd.values[j]! || 1, o.alpha - 1);
        projection[t * dims + j] = svd.right.data[t * dims + j]! * scale;
      }
    }
    return new LsaModel(vocabulary, idf, projection, dims);
  }

  /** Sparse TF-IDF of a term list: sublinear tf, unit length. */
  private weights(terms: readonly string[]): Map<number, number> {
    const counts = new Map<number, number>();
    for (const t of terms) {
      const id = this.termIds.get(t);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    let norm = 0;
    for (const [id, c] of counts) {
      const w = (1 + Math.log(c)) * this.idf[id]!;
      counts.set(id, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [id, w] of counts) counts.set(id, w / norm);
    return counts;
  }

  private tfidfMatrix(docTerms: readonly string[][]): CsrMatrix {
    const rows = docTerms.map((terms) => [...this.weights(terms)].sort((a, b) => a[0] - b[0]));
    const nnz = rows.reduce((s, r) => s + r.length, 0);
    const indptr = new Uint32Array(rows.length + 1);
    const indices = new Uint32Array(nnz);
    const values = new Float64Array(nnz);
    let p = 0;
    rows.forEach((row, r) => {
      indptr[r] = p;
      for (const [id, w] of row) {
        indices[p] = id;
        values[p] = w;
        p += 1;
      }
    });
    indptr[rows.length] = p;
    return { rows: rows.length, cols: this.vocabulary.length, indptr, indices, values };
  }

  /** Unit-length embedding of a text (all zeros when it shares no term with the catalogue). */
  embed(text: string): number[] {
    const out = new Float64Array(this.dims);
    for (const [id, w] of this.weights(lsaTerms(text))) {
      const o = id * this.dims;
      for (let j = 0; j < this.dims; j += 1) out[j]! += w * this.projection[o + j]!;
    }
    let norm = 0;
    for (let j = 0; j < this.dims; j += 1) norm += out[j]! ** 2;
    norm = Math.sqrt(norm);
    return Array.from(out, (v) => (norm > 0 ? v / norm : 0));
  }

  async save(dir: string): Promise<void> {
    const header = { dims: this.dims, vocabulary: this.vocabulary, idf: Array.from(this.idf) };
    await writeFile(path.join(dir, MODEL_FILE), JSON.stringify(header));
    await writeFile(path.join(dir, PROJECTION_FILE), new Uint8Array(this.projection.buffer));
  }

  static async load(dir: string): Promise<LsaModel> {
    const header = JSON.parse(await readFile(path.join(dir, MODEL_FILE), 'utf8')) as {
      dims: number;
      vocabulary: string[];
      idf: number[];
    };
    const projection = new Float32Array(await readArrayBuffer(path.join(dir, PROJECTION_FILE)));
    if (projection.length !== header.vocabulary.length * header.dims) {
      throw new Error(
        `LSA projection has ${projection.length} values, expected ${header.vocabulary.length * header.dims}`,
      );
    }
    return new LsaModel(header.vocabulary, Float32Array.from(header.idf), projection, header.dims);
  }
}
