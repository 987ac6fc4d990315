/**
 * Opens the retrieval index for a command-line tool: configuration from the environment, a progress
 * bar on stderr while (re)building, nothing on stdout.
 */
import type { Config } from '../../common/config.js';
import type { BuildProgress } from '../../knowledge/retrieval/build-index.js';
import { openRetriever, type OpenedRetriever } from '../../knowledge/retrieval/open-retriever.js';

const STAGE_LABEL: Record<BuildProgress['stage'], string> = {
  lexical: 'lexical index',
  'embedding-model': 'embedding model',
  embeddings: 'embeddings',
  saving: 'saving',
};

/** Renders build progress as a one-line bar on stderr (only when something is being built). */
export function stderrProgressBar(): (p: BuildProgress) => void {
  const width = 30;
  return (p) => {
    const share = p.total > 0 ? p.done / p.total : 0;
    const filled = Math.round(share * width);
    const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
    process.stderr.write(
      `\rBuilding search index [${bar}] ${STAGE_LABEL[p.stage].padEnd(16)} ${Math.round(share * 100)}%`,
    );
    if (p.stage === 'saving' && p.done === p.total) process.stderr.write('\n');
  };
}

/** Opens (building first when missing or stale) the index configured in `knowledge`. */
export async function openConfiguredRetriever(
  knowledge: Config['knowledge'],
  options: { forceRebuild?: boolean } = {},
): Promise<OpenedRetriever> {
  return openRetriever({
    indexDir: knowledge.indexDir,
    embeddings: knowledge.embeddings,
    catalogueDir: knowledge.catalogueDir,
    forceRebuild: options.forceRebuild,
    onProgress: stderrProgressBar(),
  });
}
