/**
 * @module The dense half of retrieval: procedure embeddings in LangChain's HNSWLib store (hnswlib-node),
 * persisted with the index. This is the only file that imports the vector store, so replacing it
 * touches one place.
 */
import { Document } from '@langchain/core/documents';
import type { Embeddings } from '@langchain/core/embeddings';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';

/** Search breadth: hnswlib's default (10) is too narrow for a reliable top 50. */
const EF_SEARCH = 128;
const EMBED_BATCH = 256;

/** A nearest procedure: its position in the index and cosine similarity (−1..1). */
export interface DenseHit {
  doc: number;
  similarity: number;
}

export class VectorIndex {
  private constructor(
    private readonly store: HNSWLib,
    readonly dims: number,
  ) {
    store.index.setEf(EF_SEARCH);
  }

  /** Embeds `texts` (procedure i = text i) and indexes them; `onBatch` reports progress. */
  static async build(
    embeddings: Embeddings,
    texts: readonly string[],
    labels: readonly string[],
    onBatch: (done: number, total: number) => void = () => {},
  ): Promise<VectorIndex> {
    const vectors: number[][] = [];
    for (let i = 0; i < texts.length; i += EMBED_BATCH) {
      vectors.push(...(await embeddings.embedDocuments(texts.slice(i, i + EMBED_BATCH))));
      onBatch(Math.min(i + EMBED_BATCH, texts.length), texts.length);
    }
    return VectorIndex.fromVectors(embeddings, vectors, labels);
  }

  /** Indexes vectors already embedded with `embeddings` (procedure i = vector i). */
  static async fromVectors(
    embeddings: Embeddings,
    vectors: number[][],
    labels: readonly string[],
  ): Promise<VectorIndex> {
    const dims = vectors[0]?.length ?? 0;
    const store = new HNSWLib(embeddings, { space: 'cosine', numDimensions: dims });
    const docs = labels.map((code, doc) => new Document({ pageContent: code, metadata: { doc } }));
    await store.addVectors(vectors, docs);
    return new VectorIndex(store, dims);
  }

  async save(dir: string): Promise<void> {
    await this.store.save(dir);
  }

  static async load(dir: string, embeddings: Embeddings): Promise<VectorIndex> {
    const store = await HNSWLib.load(dir, embeddings);
    return new VectorIndex(store, store.args.numDimensions ?? 0);
  }

  get size(): number {
    return this.store.index.getCurrentCount();
  }

  /** Cosine similarity between an embedded query and one indexed procedure (0 when unknown). */
  similarity(vector: readonly number[], doc: number): number {
    if (doc < 0 || doc >= this.size) return 0;
    const point = this.store.index.getPoint(doc);
    let dot = 0;
    let a = 0;
    let b = 0;
    for (let i = 0; i < point.length; i += 1) {
      dot += point[i]! * (vector[i] ?? 0);
      a += point[i]! ** 2;
      b += (vector[i] ?? 0) ** 2;
    }
    return a > 0 && b > 0 ? dot / Math.sqrt(a * b) : 0;
  }

  /** The `k` nearest procedures to an already embedded query. */
  async searchVector(vector: number[], k: number): Promise<DenseHit[]> {
    if (vector.every((v) => v === 0) || this.size === 0) return [];
    const results = await this.store.similaritySearchVectorWithScore(
      vector,
      Math.min(k, this.size),
    );
    return results.map(([doc, distance]) => ({
      doc: (doc.metadata as { doc: number }).doc,
      similarity: 1 - distance,
    }));
  }
}
