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
import { TermIds } from '../term-ids.js';

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

/** A trained model and the embeddings of the texts it was trained on, in the same order. */
export interface TrainedLsa {
  model: LsaModel;
  /** Exactly what `model.embed(texts[i])` returns, taken from the TF-IDF rows already at hand. */
  vectors: number[][];
}

/**
 * TF-IDF rows as read: row r is `ids`/`weights` from `indptr[r]` to `indptr[r + 1]`, terms in order
 * of first appearance (the order the weights are added up in, so it is kept).
 */
interface TfidfRows {
  indptr: Uint32Array;
  ids: Uint32Array;
  weights: Float64Array;
}

/** A trained LSA model: vocabulary, idf and a vocabulary × dims projection. */
export class LsaModel {
  private readonly termIds: Map<string, number>;
  /** Per-term scratch space of {@link tfidfRows}, allocated on first use. */
  private scratch?: { counts: Uint32Array; weights: Float64Array; firstSeen: Uint32Array };

  constructor(
    readonly vocabulary: readonly string[],
    readonly idf: Float32Array,
    readonly projection: Float32Array,
    readonly dims: number,
  ) {
    this.termIds = new Map(vocabulary.map((t, i) => [t, i]));
  }

  static train(texts: readonly string[], options: Partial<LsaOptions> = {}): TrainedLsa {
    const o = { ...DEFAULT_LSA_OPTIONS, ...options };
    const seen = new TermIds();
    const docTerms = texts.map((text) => seen.idsOf(lsaTerms(text)));
    const kept = [...seen.terms.keys()]
      .filter((t) => seen.df[t]! >= o.minDf && seen.df[t]! < texts.length * 0.5)
      .sort((a, b) => seen.df[b]! - seen.df[a]! || (seen.terms[a]! < seen.terms[b]! ? -1 : 1))
      .slice(0, o.maxVocabulary);
    const vocabulary = kept.map((t) => seen.terms[t]!);
    const idf = Float32Array.from(kept, (t) => Math.log(texts.length / seen.df[t]!));
    // Seen-term id → vocabulary id (−1: not in the vocabulary).
    const vocabularyId = new Int32Array(seen.terms.length).fill(-1);
    kept.forEach((t, id) => (vocabularyId[t] = id));
    const rows = new LsaModel(vocabulary, idf, new Float32Array(0), 0).tfidfRows(
      docTerms.map((ids) => Int32Array.from(ids, (t) => vocabularyId[t]!)),
    );
    const matrix = sortedCsr(rows, vocabulary.length);
    const dims = Math.min(o.dims, Math.max(1, Math.min(matrix.rows, matrix.cols) - 1));
    const svd = randomizedSvd(matrix, { rank: dims, seed: o.seed });
    const projection = new Float32Array(vocabulary.length * dims);
    for (let t = 0; t < vocabulary.length; t += 1) {
      for (let j = 0; j < dims; j += 1) {
        const scale = Math.pow(svd.values[j]! || 1, o.alpha - 1);
        projection[t * dims + j] = svd.right.data[t * dims + j]! * scale;
      }
    }
    const model = new LsaModel(vocabulary, idf, projection, dims);
    return { model, vectors: texts.map((_t, r) => model.project(rows, r)) };
  }

  /**
   * Sparse TF-IDF of documents given as vocabulary ids (−1 for a term outside the vocabulary):
   * sublinear tf, unit length. On arrays, as the catalogue has over a million (document, term) pairs.
   */
  private tfidfRows(docs: readonly Int32Array[]): TfidfRows {
    const size = this.vocabulary.length;
    this.scratch ??= {
      counts: new Uint32Array(size),
      weights: new Float64Array(size),
      firstSeen: new Uint32Array(size),
    };
    const { counts, weights, firstSeen } = this.scratch;
    const indptr = new Uint32Array(docs.length + 1);
    const out = new GrowingRows();
    docs.forEach((ids, r) => {
      let n = 0;
      for (const id of ids) if (id >= 0 && counts[id]!++ === 0) firstSeen[n++] = id;
      let norm = 0;
      for (let k = 0; k < n; k += 1) {
        const id = firstSeen[k]!;
        const w = (1 + Math.log(counts[id]!)) * this.idf[id]!;
        weights[id] = w;
        norm += w * w;
        counts[id] = 0;
      }
      norm = Math.sqrt(norm) || 1;
      indptr[r] = out.length;
      for (let k = 0; k < n; k += 1) out.push(firstSeen[k]!, weights[firstSeen[k]!]! / norm);
    });
    indptr[docs.length] = out.length;
    return { indptr, ...out.trimmed() };
  }

  /** Unit-length embedding of TF-IDF row `r` (all zeros for a row without terms). */
  private project(rows: TfidfRows, r: number): number[] {
    const out = new Float64Array(this.dims);
    for (let p = rows.indptr[r]!; p < rows.indptr[r + 1]!; p += 1) {
      const w = rows.weights[p]!;
      const o = rows.ids[p]! * this.dims;
      for (let j = 0; j < this.dims; j += 1) out[j]! += w * this.projection[o + j]!;
    }
    let norm = 0;
    for (let j = 0; j < this.dims; j += 1) norm += out[j]! ** 2;
    norm = Math.sqrt(norm);
    return Array.from(out, (v) => (norm > 0 ? v / norm : 0));
  }

  /** Unit-length embedding of a text (all zeros when it shares no term with the catalogue). */
  embed(text: string): number[] {
    const ids = Int32Array.from(lsaTerms(text), (t) => this.termIds.get(t) ?? -1);
    return this.project(this.tfidfRows([ids]), 0);
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

/** (id, weight) pairs appended one by one, in typed arrays that double when full. */
class GrowingRows {
  length = 0;
  private ids = new Uint32Array(1 << 12);
  private weights = new Float64Array(1 << 12);

  push(id: number, weight: number): void {
    if (this.length === this.ids.length) {
      const ids = new Uint32Array(this.length * 2);
      const weights = new Float64Array(this.length * 2);
      ids.set(this.ids);
      weights.set(this.weights);
      this.ids = ids;
      this.weights = weights;
    }
    this.ids[this.length] = id;
    this.weights[this.length] = weight;
    this.length += 1;
  }

  trimmed(): { ids: Uint32Array; weights: Float64Array } {
    return { ids: this.ids.slice(0, this.length), weights: this.weights.slice(0, this.length) };
  }
}

/** The rows as a compressed-row matrix, each row's terms in id order (what the SVD runs on). */
function sortedCsr(rows: TfidfRows, cols: number): CsrMatrix {
  const count = rows.indptr.length - 1;
  const indices = new Uint32Array(rows.ids.length);
  const values = new Float64Array(rows.ids.length);
  const weightOf = new Float64Array(cols);
  for (let r = 0; r < count; r += 1) {
    const start = rows.indptr[r]!;
    const end = rows.indptr[r + 1]!;
    for (let p = start; p < end; p += 1) weightOf[rows.ids[p]!] = rows.weights[p]!;
    const row = indices.subarray(start, end);
    row.set(rows.ids.subarray(start, end));
    row.sort();
    for (let p = start; p < end; p += 1) values[p] = weightOf[indices[p]!]!;
  }
  return { rows: count, cols, indptr: rows.indptr, indices, values };
}
