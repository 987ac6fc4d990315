/**
 * @module BM25F over the three procedure fields (name boosted), with postings in typed arrays so the
 * whole catalogue scores in well under a millisecond and the index loads from disk without re-parsing
 * text. Term frequencies are pre-normalised per field at build time (BM25F "pseudo frequency").
 */
import { termsOfText } from './terms.js';
import type { ProcedureFields } from './procedure-text.js';

/** Field weights and length normalisation: the name is what a resident's words should match. */
export const BM25_FIELDS = {
  name: { weight: 3.0, b: 0.75 },
  field: { weight: 0.5, b: 0.3 },
  body: { weight: 0.5, b: 0.75 },
} as const;
export const BM25_K1 = 1.2;

type FieldName = keyof typeof BM25_FIELDS;
const FIELD_NAMES = Object.keys(BM25_FIELDS) as FieldName[];
/** Posting flag bits: where in the record the term occurs. */
export const IN_NAME = 1;
export const IN_FIELD = 2;
export const IN_BODY = 4;
const FLAG: Record<FieldName, number> = { name: IN_NAME, field: IN_FIELD, body: IN_BODY };

/** Serialisable form of the index (arrays are written as raw binary files). */
export interface Bm25Data {
  docCount: number;
  terms: string[];
  idf: Float32Array;
  /** offsets[t]..offsets[t+1] index the postings of term t. */
  offsets: Uint32Array;
  docs: Uint32Array;
  tf: Float32Array;
  flags: Uint8Array;
}

/** Scored candidate. */
export interface Scored {
  doc: number;
  score: number;
}

export class Bm25Index {
  private readonly termIds: Map<string, number>;
  // Scratch space reused by every search, so a query allocates next to nothing: common terms touch
  // thousands of procedures, and an object per touched procedure per query kept the garbage
  // collector growing the heap.
  private readonly scores: Float32Array;
  private readonly touched: Uint32Array;

  constructor(readonly data: Bm25Data) {
    this.termIds = new Map(data.terms.map((t, i) => [t, i]));
    this.scores = new Float32Array(data.docCount);
    this.touched = new Uint32Array(data.docCount);
  }

  /** Builds the index over procedure fields (document i is procedure i). */
  static build(fields: readonly ProcedureFields[]): Bm25Index {
    const perDoc = fields.map((f) => {
      const byField = {} as Record<FieldName, Map<string, number>>;
      const lengths = {} as Record<FieldName, number>;
      for (const name of FIELD_NAMES) {
        const terms = termsOfText(f[name]);
        lengths[name] = terms.length;
        const counts = new Map<string, number>();
        for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
        byField[name] = counts;
      }
      return { byField, lengths };
    });
    const avg = {} as Record<FieldName, number>;
    for (const name of FIELD_NAMES) {
      avg[name] = Math.max(
        1,
        perDoc.reduce((s, d) => s + d.lengths[name], 0) / Math.max(1, perDoc.length),
      );
    }
    const postings = new Map<string, Array<{ doc: number; tf: number; flags: number }>>();
    perDoc.forEach((d, doc) => {
      const acc = new Map<string, { tf: number; flags: number }>();
      for (const name of FIELD_NAMES) {
        const { weight, b } = BM25_FIELDS[name];
        const norm = 1 - b + (b * d.lengths[name]) / avg[name];
        for (const [term, count] of d.byField[name]) {
          const cur = acc.get(term) ?? { tf: 0, flags: 0 };
          cur.tf += (weight * count) / norm;
          cur.flags |= FLAG[name];
          acc.set(term, cur);
        }
      }
      for (const [term, p] of acc) {
        const list = postings.get(term);
        if (list) list.push({ doc, ...p });
        else postings.set(term, [{ doc, ...p }]);
      }
    });
    return new Bm25Index(packPostings(postings, fields.length));
  }

  /** Number of procedures using a term (0 when unknown). */
  df(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.data.offsets[id + 1]! - this.data.offsets[id]!;
  }

  idf(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? idfOf(0, this.data.docCount) : this.data.idf[id]!;
  }

  /** Location flags of `term` in document `doc` (0 when absent); binary search in the postings. */
  flagsOf(term: string, doc: number): number {
    const id = this.termIds.get(term);
    if (id === undefined) return 0;
    let lo = this.data.offsets[id]!;
    let hi = this.data.offsets[id + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const d = this.data.docs[mid]!;
      if (d === doc) return this.data.flags[mid]!;
      if (d < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** The `limit` best documents for weighted query terms, best first. */
  search(terms: ReadonlyMap<string, number>, limit: number): Scored[] {
    const { scores, touched } = this;
    let count = 0;
    for (const [term, weight] of terms) {
      const id = this.termIds.get(term);
      if (id === undefined || weight <= 0) continue;
      const idf = this.data.idf[id]! * weight;
      const end = this.data.offsets[id + 1]!;
      for (let p = this.data.offsets[id]!; p < end; p += 1) {
        const doc = this.data.docs[p]!;
        const tf = this.data.tf[p]!;
        if (scores[doc] === 0) touched[count++] = doc;
        scores[doc]! += (idf * tf * (BM25_K1 + 1)) / (BM25_K1 + tf);
      }
    }
    const best = topK(scores, touched, count, limit);
    for (let i = 0; i < count; i += 1) scores[touched[i]!] = 0;
    return best;
  }

  /** The accented terms of the catalogue (see terms.ts `accentTerm`). */
  accentTerms(): string[] {
    return this.data.terms.filter((t) => t.startsWith('~'));
  }

  /** Folded syllables and their document frequency (the spelling fallback's vocabulary). */
  syllableFrequencies(): Map<string, number> {
    const out = new Map<string, number>();
    this.data.terms.forEach((t, id) => {
      if (!t.includes(' ') && !t.startsWith('~')) {
        out.set(t, this.data.offsets[id + 1]! - this.data.offsets[id]!);
      }
    });
    return out;
  }
}

/** BM25 idf (the "+1" form, never negative). */
/** Better score first, then lower document number (a stable, total order). */
function better(scores: Float32Array, a: number, b: number): boolean {
  return scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
}

/**
 * The `k` best of `count` candidate documents, best first, with a bounded min-heap (no object per
 * candidate).
 */
function topK(scores: Float32Array, candidates: Uint32Array, count: number, k: number): Scored[] {
  const heap: number[] = [];
  const worse = (i: number, j: number) => better(scores, heap[j]!, heap[i]!);
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j]!, heap[i]!]);
  const siftDown = (start: number) => {
    for (let i = start; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(l, m)) m = l;
      if (r < heap.length && worse(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (let c = 0; c < count; c += 1) {
    const doc = candidates[c]!;
    if (heap.length < k) {
      heap.push(doc);
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!worse(i, parent)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (k > 0 && better(scores, doc, heap[0]!)) {
      heap[0] = doc;
      siftDown(0);
    }
  }
  return heap
    .sort((a, b) => (better(scores, a, b) ? -1 : 1))
    .map((doc) => ({ doc, score: scores[doc]! }));
}

export function idfOf(df: number, docCount: number): number {
  return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
}

function packPostings(
  postings: Map<string, Array<{ doc: number; tf: number; flags: number }>>,
  docCount: number,
): Bm25Data {
  const terms = [...postings.keys()].sort();
  const total = terms.reduce((s, t) => s + postings.get(t)!.length, 0);
  const offsets = new Uint32Array(terms.length + 1);
  const docs = new Uint32Array(total);
  const tf = new Float32Array(total);
  const flags = new Uint8Array(total);
  const idf = new Float32Array(terms.length);
  let p = 0;
  terms.forEach((term, id) => {
    const list = postings.get(term)!;
    offsets[id] = p;
    idf[id] = idfOf(list.length, docCount);
    for (const posting of list) {
      docs[p] = posting.doc;
      tf[p] = posting.tf;
      flags[p] = posting.flags;
      p += 1;
    }
  });
  offsets[terms.length] = p;
  return { docCount, terms, idf, offsets, docs, tf, flags };
}
