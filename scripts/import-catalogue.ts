import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BUNDLED_CATALOGUE_DIR } from '../knowledge/catalogue/load-catalogue.js';
import { formatReportSummary } from '../knowledge/catalogue/import/report.js';
import { runImport } from '../knowledge/catalogue/import/run-import.js';
import { exitWithHelpIfAsked } from './lib/help.js';

exitWithHelpIfAsked(
  process.argv.slice(2),
  `Cách dùng / usage: npm run import [-- --source DIR] [--out DIR] [--dry-run]
  Rebuilds the normalized catalogue (knowledge/catalogue/data/) from the raw public sources
  (default ../shared/data). Summary on stderr; nothing on stdout.`,
);

/*
 * npm run import [-- --source DIR] [--out DIR] [--dry-run]
 * Builds knowledge/catalogue/data/ from the raw public sources (default ../shared/data next to the repo).
 * The summary goes to stderr; nothing is printed on stdout.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    source: { type: 'string', default: path.resolve(repoRoot, '../shared/data') },
    out: { type: 'string', default: BUNDLED_CATALOGUE_DIR },
    'dry-run': { type: 'boolean', default: false },
  },
});

try {
  const started = Date.now();
  const result = runImport({
    sourceDir: path.resolve(values.source),
    outDir: path.resolve(values.out),
    dryRun: values['dry-run'],
  });
  process.stderr.write(formatReportSummary(result.report) + '\n');
  const where = values['dry-run']
    ? 'not written (dry run)'
    : `written to ${path.relative(process.cwd(), path.resolve(values.out)) || '.'}`;
  process.stderr.write(
    `${result.meta.count} procedures, sha256 ${result.meta.sha256.slice(0, 12)}…, ${where} in ${Date.now() - started} ms\n`,
  );
} catch (error) {
  process.stderr.write(`Import failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
