import { Embeddings } from '@langchain/core/embeddings';
import type { LsaModel } from './lsa-model.js';

/**
 * LangChain {@link Embeddings} backed by the catalogue-trained {@link LsaModel}: synchronous, local,
 * deterministic. The default provider (`EMBEDDINGS_PROVIDER=local`).
 */
export class LsaEmbeddings extends Embeddings {
  constructor(readonly model: LsaModel) {
    super({});
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.model.embed(t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.model.embed(text);
  }
}
