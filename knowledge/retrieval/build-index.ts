/**
 * @module Building and loading the retrieval index: procedure metadata, BM25F postings, the
 * embedding model (trained here for the local provider) and the HNSW vectors.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Embeddings } from '@langchain/core/embeddings';
import type { CatalogueMeta, Procedure } from '../catalogue/procedure-schema.js';
import { Bm25Index } from './bm25.js';
import {
  createProviderEmbeddings,
  embeddingIdentity,
  type EmbeddingSettings,
} from './embeddings.js';
import {
  INDEX_BUILD_VERSION,
  MODEL_DIR,
  VECTORS_DIR,
  readBm25,
  readDocs,
  readManifest,
  writeBm25,
  writeDocs,
  writeIndexAtomically,
  writeManifest,
  type IndexManifest,
} from './index-store.js';
import { LsaEmbeddings } from './lsa/lsa-embeddings.js';
import { LsaModel, type LsaOptions } from './lsa/lsa-model.js';
import type { Lexicon } from './lexicon.js';
import type { DocMeta } from './priors.js';
import { denseText, procedureFields } from './procedure-text.js';
import { VectorIndex } from './vector-index.js';
import { IndexUnavailableError } from '../errors.js';

/** Build steps, reported for a progress bar. */
export type BuildStage = 'lexical' | 'embedding-model' | 'embeddings' | 'saving';
export interface BuildProgress {
  stage: BuildStage;
  done: number;
  total: number;
}
export type ProgressListener = (progress: BuildProgress) => void;

/** An index in memory: everything a retriever needs except the lexicon (query side). */
export interface BuiltIndex {
  manifest: IndexManifest;
  docs: DocMeta[];
  bm25: Bm25Index;
  vectors: VectorIndex;
  embeddings: Embeddings;
  lsa?: LsaModel;
}

export interface BuildOptions {
  embeddings: EmbeddingSettings;
  lexicon: Lexicon;
  onProgress?: ProgressListener;
  lsa?: Partial<LsaOptions>;
}

function docMeta(p: Procedure): DocMeta {
  return {
    code: p.code,
    name: p.name,
    levels: p.levels,
    scope: p.scope,
    province: p.province,
    popularity: p.popularity,
    detail: p.detail,
    citizen: p.targetGroups.some((g) => /^công dân/iu.test(g.normalize('NFC'))),
  };
}

export async function buildIndex(
  catalogue: { meta: CatalogueMeta; procedures: readonly Procedure[] },
  options: BuildOptions,
): Promise<BuiltIndex> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  const expand = (text: string) => options.lexicon.expandAbbreviations(text);
  const fields = catalogue.procedures.map((p) => procedureFields(p, expand));
  progress({ stage: 'lexical', done: 0, total: 1 });
  const bm25 = Bm25Index.build(fields);
  progress({ stage: 'lexical', done: 1, total: 1 });
  const texts = fields.map(denseText);
  const codes = catalogue.procedures.map((p) => p.code);
  let lsa: LsaModel | undefined;
  let embeddings: Embeddings;
  let vectors: VectorIndex;
  if (options.embeddings.provider === 'local') {
    progress({ stage: 'embedding-model', done: 0, total: 1 });
    const trained = LsaModel.train(texts, options.lsa);
    lsa = trained.model;
    embeddings = new LsaEmbeddings(lsa);
    progress({ stage: 'embedding-model', done: 1, total: 1 });
    // Training already embedded every procedure text; embedding them again would be the same numbers.
    vectors = await VectorIndex.fromVectors(embeddings, trained.vectors, codes);
    progress({ stage: 'embeddings', done: texts.length, total: texts.length });
  } else {
    embeddings = await createProviderEmbeddings(options.embeddings);
    vectors = await VectorIndex.build(embeddings, texts, codes, (done, total) =>
      progress({ stage: 'embeddings', done, total }),
    );
  }
  const manifest: IndexManifest = {
    buildVersion: INDEX_BUILD_VERSION,
    catalogueSha256: catalogue.meta.sha256,
    catalogueCount: catalogue.procedures.length,
    snapshotDate: catalogue.meta.snapshotDate,
    embeddings: { ...embeddingIdentity(options.embeddings), dims: vectors.dims },
    lexicon: options.lexicon.indexFingerprint,
    builtAt: new Date().toISOString(),
    buildMs: Math.round(performance.now() - started),
  };
  return { manifest, docs: catalogue.procedures.map(docMeta), bm25, vectors, embeddings, lsa };
}

/** Persists a built index to `dir` (atomically replacing what was there). */
export async function saveIndex(dir: string, index: BuiltIndex): Promise<void> {
  await mkdir(path.dirname(path.resolve(dir)), { recursive: true });
  await writeIndexAtomically(dir, async (tmp) => {
    await writeDocs(tmp, index.docs);
    await writeBm25(tmp, index.bm25);
    if (index.lsa) {
      await mkdir(path.join(tmp, MODEL_DIR));
      await index.lsa.save(path.join(tmp, MODEL_DIR));
    }
    await index.vectors.save(path.join(tmp, VECTORS_DIR));
    // Manifest last: its presence marks a complete index.
    await writeManifest(tmp, index.manifest);
  });
}

/** Loads a persisted index. Throws {@link IndexUnavailableError} when it is missing or unreadable. */
export async function loadIndex(dir: string, settings: EmbeddingSettings): Promise<BuiltIndex> {
  const manifest = await readManifest(dir);
  if (!manifest) throw new IndexUnavailableError(`no index in ${dir}`);
  try {
    let lsa: LsaModel | undefined;
    let embeddings: Embeddings;
    if (settings.provider === 'local') {
      lsa = await LsaModel.load(path.join(dir, MODEL_DIR));
      embeddings = new LsaEmbeddings(lsa);
    } else {
      embeddings = await createProviderEmbeddings(settings);
    }
    const [docs, bm25, vectors] = await Promise.all([
      readDocs(dir),
      readBm25(dir),
      VectorIndex.load(path.join(dir, VECTORS_DIR), embeddings),
    ]);
    if (
      docs.length !== manifest.catalogueCount ||
      bm25.data.docCount !== docs.length ||
      vectors.size !== docs.length
    ) {
      throw new Error('index parts disagree on the number of procedures');
    }
    return { manifest, docs, bm25, vectors, embeddings, lsa };
  } catch (error) {
    if (error instanceof IndexUnavailableError) throw error;
    throw new IndexUnavailableError(
      `index in ${dir} is unreadable: ${(error as Error).message}`,
      error,
    );
  }
}
