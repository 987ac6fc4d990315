/**
 * @module BM25F over the three procedure fields (name boosted), with postings in typed arrays so the
 * whole catalogue scores in well under a millisecond and the index loads from disk without re-parsing
 * text. Term frequencies are pre-normalised per field at build time (BM25F "pseudo frequency").
 */
import { TermIds } from './term-ids.js';
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

  /**
   * Builds the index over procedure fields (document i is procedure i). Terms become numbers as
   * soon as they are read, and postings go straight into growing typed arrays: the catalogue has
   * over a million postings, and an object per posting kept the garbage collector busier than the
   * counting itself.
   */
  static build(fields: readonly ProcedureFields[]): Bm25Index {
    const vocabulary = new TermIds();
    // Term ids of every field of every document, in reading order (repeats kept).
    const perDoc = fields.map((f) => {
      const all = FIELD_NAMES.map((name) => termsOfText(f[name]));
      const ids = vocabulary.idsOf(all.flat());
      let at = 0;
      return all.map((terms) => ids.subarray(at, (at += terms.length)));
    });
    const avg = FIELD_NAMES.map((_name, i) =>
      Math.max(1, perDoc.reduce((s, d) => s + d[i]!.length, 0) / Math.max(1, perDoc.length)),
    );
    const postings = new PostingList();
    // Scratch space indexed by term id, reset after each field (counts) and each document (tf, flags)
    // through the lists of the terms it touched.
    const size = vocabulary.size;
    const counts = new Uint32Array(size);
    const tf = new Float64Array(size);
    const flags = new Uint8Array(size);
    const fieldTerms = new Uint32Array(size);
    const docTerms = new Uint32Array(size);
    perDoc.forEach((ids, doc) => {
      let inDoc = 0;
      FIELD_NAMES.forEach((name, i) => {
        const { weight, b } = BM25_FIELDS[name];
        const terms = ids[i]!;
        const norm = 1 - b + (b * terms.length) / avg[i]!;
        let inField = 0;
        for (const id of terms) if (counts[id]!++ === 0) fieldTerms[inField++] = id;
        for (let k = 0; k < inField; k += 1) {
          const id = fieldTerms[k]!;
          if (flags[id] === 0) docTerms[inDoc++] = id;
          // Fields add up in the order name, field, body (the sum is the posting's tf).
          tf[id]! += (weight * counts[id]!) / norm;
          flags[id]! |= FLAG[name];
          counts[id] = 0;
        }
      });
      for (let k = 0; k < inDoc; k += 1) {
        const id = docTerms[k]!;
        postings.add(id, doc, tf[id]!, flags[id]!);
        tf[id] = 0;
        flags[id] = 0;
      }
    });
    return new Bm25Index(postings.pack(vocabulary.terms, fields.length));
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

  /** The term's number in the index (undefined when no procedure uses it). */
  termId(term: string): number | undefined {
    return this.termIds.get(term);
  }

  /** Location flags of `term` in document `doc` (0 when absent); binary search in the postings. */
  flagsOf(term: string, doc: number): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.flagsOfId(id, doc);
  }

  /** {@link flagsOf} by the term's number. */
  flagsOfId(id: number, doc: number): number {
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

/** Postings as they are produced (document by document), in typed arrays that double when full. */
class PostingList {
  private length = 0;
  private term = new Uint32Array(1 << 16);
  private doc = new Uint32Array(1 << 16);
  private tf = new Float32Array(1 << 16);
  private flags = new Uint8Array(1 << 16);

  add(term: number, doc: number, tf: number, flags: number): void {
    if (this.length === this.term.length) this.grow();
    this.term[this.length] = term;
    this.doc[this.length] = doc;
    this.tf[this.length] = tf;
    this.flags[this.length] = flags;
    this.length += 1;
  }

  private grow(): void {
    const twice = <T extends Uint32Array | Float32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a);
      return b;
    };
    this.term = twice(this.term);
    this.doc = twice(this.doc);
    this.tf = twice(this.tf);
    this.flags = twice(this.flags);
  }

  /**
   * The postings grouped by term, terms in sorted order, each term's postings in document order
   * (they were added document by document, and the counting sort below keeps that order).
   */
  pack(terms: readonly string[], docCount: number): Bm25Data {
    const order = [...terms.keys()].sort((a, b) => (terms[a]! < terms[b]! ? -1 : 1));
    const rank = new Uint32Array(terms.length);
    order.forEach((id, r) => (rank[id] = r));
    const offsets = new Uint32Array(terms.length + 1);
    for (let p = 0; p < this.length; p += 1) offsets[rank[this.term[p]!]! + 1]! += 1;
    for (let r = 0; r < terms.length; r += 1) offsets[r + 1]! += offsets[r]!;
    const idf = Float32Array.from(order, (_id, r) =>
      idfOf(offsets[r + 1]! - offsets[r]!, docCount),
    );
    const next = offsets.slice(0, terms.length);
    const docs = new Uint32Array(this.length);
    const tf = new Float32Array(this.length);
    const flags = new Uint8Array(this.length);
    for (let p = 0; p < this.length; p += 1) {
      const at = next[rank[this.term[p]!]!]!++;
      docs[at] = this.doc[p]!;
      tf[at] = this.tf[p]!;
      flags[at] = this.flags[p]!;
    }
    return { docCount, terms: order.map((id) => terms[id]!), idf, offsets, docs, tf, flags };
  }
}
