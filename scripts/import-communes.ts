import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runCommuneImport } from '../knowledge/communes/import/run-import.js';
import { BUNDLED_COMMUNES_DIR } from '../knowledge/communes/load-communes.js';
import { exitWithHelpIfAsked } from './lib/help.js';

exitWithHelpIfAsked(
  process.argv.slice(2),
  `Cách dùng / usage: npm run import:communes [-- --source DIR] [--out DIR] [--dry-run]
  Rebuilds the commune directory (knowledge/communes/data/) from <source>/admin-units/
  (default ../shared/data). Summary on stderr; nothing on stdout.`,
);

/*
 * npm run import:communes [-- --source DIR] [--out DIR] [--dry-run]
 * Builds knowledge/communes/data/ from <source>/admin-units/ (default ../shared/data next to the repo).
 * The summary goes to stderr; nothing is printed on stdout.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    source: { type: 'string', default: path.resolve(repoRoot, '../shared/data') },
    out: { type: 'string', default: BUNDLED_COMMUNES_DIR },
    'dry-run': { type: 'boolean', default: false },
  },
});

try {
  const { report } = runCommuneImport({
    sourceDir: path.resolve(values.source),
    outDir: path.resolve(values.out),
    dryRun: values['dry-run'],
  });
  const c = report.counts;
  process.stderr.write(
    [
      `${c.communes} communes/wards (${c.xa} xã, ${c.phuong} phường, ${c.unchanged} unchanged)`,
      `${c.formerCommunes} former units: ${c.formerMatched} mapped, ${c.formerSplit} split, ${c.formerNotMentioned} not mentioned`,
      `${c.mentionsMatched}/${c.mentions} names in "truocsapnhap" matched; ${report.unmatched.length} unmatched, ${report.disambiguated.length} disambiguated`,
      values['dry-run']
        ? 'not written (dry run)'
        : `written to ${path.relative(process.cwd(), path.resolve(values.out)) || '.'}`,
    ].join('\n') + '\n',
  );
} catch (error) {
  process.stderr.write(`Import failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
