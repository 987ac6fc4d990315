/**
 * @module The factory everything else uses: opens the persisted index when it matches the current
 * catalogue and embedding setup, otherwise (re)builds it from the catalogue and saves it first.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../common/config.js';
import { BUNDLED_CATALOGUE_DIR, META_FILE, loadCatalogue } from '../catalogue/load-catalogue.js';
import { CatalogueMetaSchema, type CatalogueMeta } from '../catalogue/procedure-schema.js';
import { CatalogueInvalidError, IndexUnavailableError } from '../errors.js';
import {
  buildIndex,
  loadIndex,
  saveIndex,
  type BuiltIndex,
  type ProgressListener,
} from './build-index.js';
import { embeddingIdentity, type EmbeddingSettings } from './embeddings.js';
import { HybridRetriever, type RetrieverSettings } from './hybrid-retriever.js';
import { INDEX_BUILD_VERSION, readManifest, type IndexManifest } from './index-store.js';
import { Lexicon } from './lexicon.js';
import type { LsaOptions } from './lsa/lsa-model.js';
import type { Retriever } from './retriever.js';

export interface OpenRetrieverOptions {
  indexDir: string;
  embeddings: EmbeddingSettings;
  /** Catalogue folder (default: the bundled one). */
  catalogueDir?: string;
  /** Rebuild even when the index on disk looks current. */
  forceRebuild?: boolean;
  onProgress?: ProgressListener;
  settings?: Partial<RetrieverSettings>;
  lexicon?: Lexicon;
  lsa?: Partial<LsaOptions>;
}

/** An opened index: the retriever, what it was built from, and whether it was (re)built just now. */
export interface OpenedRetriever {
  retriever: HybridRetriever;
  manifest: IndexManifest;
  rebuilt: boolean;
}

async function readCatalogueMeta(dir: string): Promise<CatalogueMeta> {
  try {
    return CatalogueMetaSchema.parse(JSON.parse(await readFile(path.join(dir, META_FILE), 'utf8')));
  } catch (error) {
    throw new CatalogueInvalidError([
      `cannot read ${META_FILE} in ${dir}: ${(error as Error).message}`,
    ]);
  }
}

/** True when a manifest was built from this catalogue with this embedding setup and code version. */
export function isIndexCurrent(
  manifest: IndexManifest | undefined,
  meta: CatalogueMeta,
  embeddings: EmbeddingSettings,
  lexicon: Lexicon,
): boolean {
  if (!manifest) return false;
  const want = embeddingIdentity(embeddings);
  return (
    manifest.buildVersion === INDEX_BUILD_VERSION &&
    manifest.lexicon === lexicon.indexFingerprint &&
    manifest.catalogueSha256 === meta.sha256 &&
    manifest.embeddings?.provider === want.provider &&
    manifest.embeddings?.model === want.model
  );
}

/**
 * Whether `indexDir` (default: the configured one) holds an index that {@link openRetriever} would
 * load as is, without rebuilding. Reads only two small files, so entry points can decide quickly
 * whether to build in the background.
 */
export async function hasCurrentIndex(
  knowledge: Config['knowledge'],
  indexDir: string = knowledge.indexDir,
): Promise<boolean> {
  const meta = await readCatalogueMeta(knowledge.catalogueDir ?? BUNDLED_CATALOGUE_DIR);
  return isIndexCurrent(await readManifest(indexDir), meta, knowledge.embeddings, Lexicon.load());
}

/** Builds the index from the catalogue and saves it to `indexDir`. */
export async function rebuildIndex(options: OpenRetrieverOptions): Promise<BuiltIndex> {
  const catalogue = loadCatalogue({ dir: options.catalogueDir ?? BUNDLED_CATALOGUE_DIR });
  const built = await buildIndex(catalogue, {
    embeddings: options.embeddings,
    lexicon: options.lexicon ?? Lexicon.load(),
    onProgress: options.onProgress,
    lsa: options.lsa,
  });
  options.onProgress?.({ stage: 'saving', done: 0, total: 1 });
  await saveIndex(options.indexDir, built);
  options.onProgress?.({ stage: 'saving', done: 1, total: 1 });
  return built;
}

/** Opens the index in `indexDir`, building it first when missing, stale or unreadable. */
export async function openRetriever(options: OpenRetrieverOptions): Promise<OpenedRetriever> {
  const meta = await readCatalogueMeta(options.catalogueDir ?? BUNDLED_CATALOGUE_DIR);
  const lexicon = options.lexicon ?? Lexicon.load();
  let index: BuiltIndex | undefined;
  let rebuilt = false;
  if (
    !options.forceRebuild &&
    isIndexCurrent(await readManifest(options.indexDir), meta, options.embeddings, lexicon)
  ) {
    index = await loadIndex(options.indexDir, options.embeddings).catch((error: unknown) => {
      if (error instanceof IndexUnavailableError) return undefined;
      throw error;
    });
  }
  if (!index) {
    index = await rebuildIndex({ ...options, lexicon });
    rebuilt = true;
  }
  const retriever = new HybridRetriever({ ...index, lexicon }, options.settings);
  return { retriever, manifest: index.manifest, rebuilt };
}

/**
 * The retriever for a loaded configuration (index in `knowledge.indexDir`, catalogue in
 * `knowledge.catalogueDir` or the bundled one).
 * @example const retriever = await createRetriever(loadConfig().knowledge);
 */
export async function createRetriever(
  knowledge: Config['knowledge'],
  extra: Pick<OpenRetrieverOptions, 'onProgress' | 'settings'> = {},
): Promise<Retriever> {
  const { retriever } = await openRetriever({
    indexDir: knowledge.indexDir,
    embeddings: knowledge.embeddings,
    catalogueDir: knowledge.catalogueDir,
    ...extra,
  });
  return retriever;
}
