import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import {
  openRetriever,
  type OpenedRetriever,
} from '../../../knowledge/retrieval/open-retriever.js';

/** The small hand-made catalogue every retrieval unit test uses. */
export const FIXTURE_CATALOGUE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/retrieval/catalogue',
);

export const LOCAL_EMBEDDINGS = {
  provider: 'local' as const,
  model: undefined,
  baseUrl: undefined,
  apiKey: undefined,
  modelDir: undefined,
};

/** A fresh temporary folder, removed by the returned cleanup. */
export async function tempDir(
  prefix: string,
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The retriever over the full catalogue's index the suite built once (tests/global-setup). */
export async function suiteRetriever(): Promise<OpenedRetriever['retriever']> {
  const { retriever } = await openRetriever({
    indexDir: inject('indexDir'),
    embeddings: LOCAL_EMBEDDINGS,
  });
  return retriever;
}
