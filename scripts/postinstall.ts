/**
 * `npm install` / `npm ci` run this after installing: it builds the search index for the bundled
 * catalogue into node_modules/.cache/motcua/index, so the first `npm start` answers questions at once
 * instead of building it then. It never fails the install: on any problem it says so and `npm start`
 * builds the index in the background as before (`npm ci --ignore-scripts` skips it).
 *   --help   this text.
 */
import { loadConfig } from '../common/config.js';
import { hasCurrentIndex } from '../knowledge/index.js';
import { buildInChildProcess, INSTALL_INDEX_DIR } from './lib/prepare-index.js';
import { wantsHelp } from './lib/help.js';

const USAGE = `usage: npm run postinstall (runs by itself after npm install / npm ci)
Builds the search index for the bundled catalogue into ${INSTALL_INDEX_DIR}
so the first npm start is ready at once. Never fails the install (npm ci --ignore-scripts skips it).
`;

async function main(args: string[]): Promise<void> {
  if (wantsHelp(args)) {
    process.stdout.write(USAGE);
    return;
  }
  const started = performance.now();
  // The bundled catalogue and the default embeddings: what a fresh `npm start` opens.
  const knowledge = loadConfig({ INDEX_DIR: INSTALL_INDEX_DIR }).knowledge;
  if (await hasCurrentIndex(knowledge)) {
    process.stderr.write(`motcua: search index already built (${INSTALL_INDEX_DIR})\n`);
    return;
  }
  process.stderr.write('motcua: building the search index so the first start is ready…\n');
  await buildInChildProcess(INSTALL_INDEX_DIR);
  process.stderr.write(
    `motcua: search index built in ${Math.round((performance.now() - started) / 1000)} s\n`,
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(
    `motcua: the search index was not built now (${(error as Error).message}); ` +
      '`npm start` will build it in the background.\n',
  );
});
