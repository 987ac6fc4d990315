/**
 * `npm run build:index`: (re)builds the retrieval index from the catalogue into `INDEX_DIR`
 * (default ./data/index). Progress on stderr; the new manifest as JSON on stdout.
 *   --if-stale   keep a current index instead of rebuilding it.
 */
import { loadConfig } from '../common/config.js';
import { openConfiguredRetriever } from './ask/open-index.js';
import { exitWithHelpIfAsked } from './lib/help.js';

exitWithHelpIfAsked(
  process.argv.slice(2),
  `Cách dùng / usage: npm run build:index [-- --if-stale]
  (Re)builds the search index from the catalogue into INDEX_DIR (default DATA_DIR/index).
  --if-stale  keep a current index instead of rebuilding it.
  Progress on stderr; the new manifest as JSON on stdout.`,
);

async function main(args: string[]): Promise<void> {
  const config = loadConfig();
  const started = performance.now();
  const { manifest, rebuilt } = await openConfiguredRetriever(config.knowledge, {
    forceRebuild: !args.includes('--if-stale'),
  });
  process.stderr.write(
    `${rebuilt ? 'Built' : 'Kept'} index for ${manifest.catalogueCount} procedures in ${config.knowledge.indexDir} ` +
      `(${Math.round(performance.now() - started)} ms, embeddings ${manifest.embeddings.provider}/${manifest.embeddings.model}, ` +
      `${manifest.embeddings.dims} dims)\n`,
  );
  process.stdout.write(`${JSON.stringify(manifest)}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`build-index: ${(error as Error).message ?? String(error)}\n`);
  process.exitCode = 1;
});
