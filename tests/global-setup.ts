import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../common/config.js';
import { BUNDLED_CATALOGUE_DIR, openRetriever } from '../knowledge/index.js';

/*
 * Builds the full search index once per test run (or reuses the one of an earlier run with the same
 * catalogue and code), so the suites that talk to the real assistant do not each spend seconds on it
 * or race to write the same folder.
 */
export default async function setup(project: TestProject): Promise<void> {
  const metaFile = path.join(BUNDLED_CATALOGUE_DIR, 'meta.json');
  if (!existsSync(metaFile)) return;
  const sourceHash = createHash('sha256')
    .update(readFileSync(metaFile))
    .update(readFileSync(path.join(BUNDLED_CATALOGUE_DIR, '..', '..', 'retrieval', 'lexicon.json')))
    .digest('hex')
    .slice(0, 12);
  const indexDir = path.join(tmpdir(), `motcua-test-index-${sourceHash}`);
  const config = loadConfig({ INDEX_DIR: indexDir });
  // openRetriever rebuilds when the manifest does not match (catalogue, lexicon, build version).
  await openRetriever({ indexDir, embeddings: config.knowledge.embeddings });
  project.provide('indexDir', indexDir);
}

declare module 'vitest' {
  export interface ProvidedContext {
    indexDir: string;
  }
}
