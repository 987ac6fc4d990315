import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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
  // Key the cached index by everything it is built from: catalogue, lexicon and the indexing code.
  const hash = createHash('sha256').update(readFileSync(metaFile));
  const knowledgeDir = path.join(BUNDLED_CATALOGUE_DIR, '..', '..');
  for (const sub of ['retrieval', 'text']) {
    const files = readdirSync(path.join(knowledgeDir, sub), {
      recursive: true,
      encoding: 'utf8',
    }).sort();
    for (const file of files) {
      const full = path.join(knowledgeDir, sub, file);
      if (statSync(full).isFile()) hash.update(file).update(readFileSync(full));
    }
  }
  const sourceHash = hash.digest('hex').slice(0, 12);
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
