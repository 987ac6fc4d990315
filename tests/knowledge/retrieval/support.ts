import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
