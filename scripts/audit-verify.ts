/**
 * `npm run audit:verify [-- --files] [--json]`
 *
 * Verifies the hash chain of every dossier's history (and with `--files` re-hashes every attachment
 * file). Prints `OK …` and exits 0 when nothing was tampered with; otherwise prints one line per
 * problem, `TAMPERED dossier=<reference> entry=<seq>: <what>`, and exits 1. `--json` prints the report
 * as one JSON object instead. Uses DATA_DIR / DATABASE_URL like the server (stop a PGlite server first).
 */
import { parseArgs } from 'node:util';
import { verifyHistory } from '../api/audit/verify-history.js';
import { openStore, storeOptionsFrom } from '../api/store/store.js';
import { loadConfig } from '../common/config.js';
import { exitWithHelpIfAsked } from './lib/help.js';

exitWithHelpIfAsked(
  process.argv.slice(2),
  `Cách dùng / usage: npm run audit:verify [-- --files] [--json]
  Checks the hash chain of every dossier's history; --files also re-hashes every attachment.
  Prints OK and exits 0, or one TAMPERED line per problem and exits 1; --json prints one JSON report.
  Uses DATA_DIR / DATABASE_URL like the server (stop a server on the embedded database first).`,
);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { files: { type: 'boolean' }, json: { type: 'boolean' } },
    strict: true,
  });
  const config = loadConfig();
  const store = await openStore(storeOptionsFrom(config));
  try {
    const report = await verifyHistory(store.db, values.files ? { files: store.attachments } : {});
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ ok: report.problems.length === 0, ...report })}\n`);
    } else if (report.problems.length === 0) {
      process.stdout.write(
        `OK ${report.dossiers} dossiers, ${report.entries} history entries, ${report.attachments} attachments${values.files ? ' (files re-hashed)' : ''}\n`,
      );
    } else {
      for (const p of report.problems) {
        process.stdout.write(
          `TAMPERED dossier=${p.reference} entry=${p.seq ?? '-'}: ${p.problem}\n`,
        );
      }
    }
    return report.problems.length === 0 ? 0 : 1;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`audit:verify: ${(error as Error).message}\n`);
    process.exit(2);
  },
);
