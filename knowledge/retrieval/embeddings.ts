/**
 * @module Embedding providers behind LangChain's {@link Embeddings} interface, chosen by configuration
 * (`EMBEDDINGS_PROVIDER`). `local` (default) is the catalogue-trained LSA model and needs nothing
 * else; `openai` and `ollama` call a server; `transformers` runs a local model folder through the
 * optional `@huggingface/transformers` package.
 */
import type { Embeddings } from '@langchain/core/embeddings';
import type { Config } from '../../common/config.js';
import { IndexUnavailableError } from '../errors.js';

export type EmbeddingSettings = Config['knowledge']['embeddings'];

/** Provider and model written to the index manifest; a change means the index must be rebuilt. */
export function embeddingIdentity(settings: EmbeddingSettings): {
  provider: string;
  model: string;
} {
  const defaults: Record<EmbeddingSettings['provider'], string> = {
    local: 'lsa-v1',
    openai: 'text-embedding-3-small',
    ollama: 'nomic-embed-text',
    transformers: 'local-model',
  };
  const model =
    settings.provider === 'transformers'
      ? (settings.model ?? settings.modelDir ?? defaults.transformers)
      : (settings.model ?? defaults[settings.provider]);
  return { provider: settings.provider, model };
}

/**
 * Embeddings of a non-local provider. The `local` provider is trained with the index instead (see
 * build-index.ts), so it is not created here.
 */
export async function createProviderEmbeddings(settings: EmbeddingSettings): Promise<Embeddings> {
  const { model } = embeddingIdentity(settings);
  switch (settings.provider) {
    case 'openai': {
      const { OpenAIEmbeddings } = await import('@langchain/openai');
      return new OpenAIEmbeddings({
        model,
        apiKey: settings.apiKey ?? 'not-needed',
        configuration: settings.baseUrl ? { baseURL: settings.baseUrl } : undefined,
      });
    }
    case 'ollama': {
      const { OllamaEmbeddings } = await import('@langchain/ollama');
      return new OllamaEmbeddings({ model, baseUrl: settings.baseUrl });
    }
    case 'transformers':
      return createTransformersEmbeddings(settings);
    case 'local':
      throw new IndexUnavailableError(
        'the local embedding model is trained with the index; open it through openRetriever()',
      );
  }
}

// Kept in a variable so TypeScript does not try to resolve the optional package at compile time.
const TRANSFORMERS_PACKAGE = '@huggingface/transformers';

interface FeatureExtractor {
  (
    texts: string[],
    options: { pooling: 'mean'; normalize: boolean },
  ): Promise<{ tolist(): number[][] }>;
}

async function createTransformersEmbeddings(settings: EmbeddingSettings): Promise<Embeddings> {
  if (!settings.modelDir) {
    throw new IndexUnavailableError(
      'EMBEDDINGS_PROVIDER=transformers needs TRANSFORMERS_MODEL_DIR (a local model folder)',
    );
  }
  let lib: {
    pipeline: (task: string, model: string, options: object) => Promise<FeatureExtractor>;
    env: Record<string, unknown>;
  };
  try {
    lib = (await import(TRANSFORMERS_PACKAGE)) as typeof lib;
  } catch (error) {
    throw new IndexUnavailableError(
      'EMBEDDINGS_PROVIDER=transformers needs the optional package @huggingface/transformers, which is not installed. ' +
        'Install it with `npm install @huggingface/transformers`, put a model in TRANSFORMERS_MODEL_DIR, ' +
        'or use EMBEDDINGS_PROVIDER=local (no install needed).',
      error,
    );
  }
  lib.env.allowRemoteModels = false;
  const extractor = await lib.pipeline('feature-extraction', settings.modelDir, {
    local_files_only: true,
  });
  const { Embeddings: Base } = await import('@langchain/core/embeddings');
  class TransformersEmbeddings extends Base {
    async embedDocuments(texts: string[]): Promise<number[][]> {
      return (await extractor(texts, { pooling: 'mean', normalize: true })).tolist();
    }
    async embedQuery(text: string): Promise<number[]> {
      return (await this.embedDocuments([text]))[0]!;
    }
  }
  return new TransformersEmbeddings({});
}
