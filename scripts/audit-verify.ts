/**
 * `npm run audit:verify [-- --files] [--json]`
 *
 * Verifies the keyed hash chain of every dossier's history and the dossier rows against the state the
 * history recorded (and with `--files` re-hashes every attachment file). Prints `OK …` and exits 0
 * when nothing was tampered with; otherwise prints one line per problem,
 * `TAMPERED dossier=<reference> entry=<seq>: <what>`, and exits 1. `--json` prints the report as one
 * JSON object instead. Uses DATA_DIR / DATABASE_URL and the audit key (AUDIT_KEY / AUDIT_KEY_FILE,
 * default DATA_DIR/audit-key) like the server; never creates a key. Stop a PGlite server first.
 */
import { parseArgs } from 'node:util';
import { verifyHistory } from '../api/audit/verify-history.js';
import { openStore, storeOptionsFrom } from '../api/store/store.js';
import { loadConfig } from '../common/config.js';
import { exitWithHelpIfAsked } from './lib/help.js';

exitWithHelpIfAsked(
  process.argv.slice(2),
  `Cách dùng / usage: npm run audit:verify [-- --files] [--json]
  Checks the keyed hash chain of every dossier's history and each dossier row (status, owner,
  appointment date, fee, notification recipient, …) against it; --files also re-hashes attachments.
  Prints OK and exits 0, or one TAMPERED line per problem and exits 1 (2: could not run);
  --json prints one JSON report. Uses DATA_DIR / DATABASE_URL and the audit key like the server
  (AUDIT_KEY / AUDIT_KEY_FILE, default DATA_DIR/audit-key); stop a server on the embedded database first.`,
);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { files: { type: 'boolean' }, json: { type: 'boolean' } },
    strict: true,
  });
  const config = loadConfig();
  // Never generate a key here: a fresh key would only make every entry look forged.
  const store = await openStore({
    ...storeOptionsFrom(config),
    audit: { ...config.audit, generate: false },
  });
  try {
    const report = await verifyHistory(
      store.db,
      store.audit,
      values.files ? { files: store.attachments } : {},
    );
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ ok: report.problems.length === 0, ...report })}\n`);
    } else if (report.problems.length === 0) {
      const legacy = report.legacyRekeyed
        ? `; ${report.legacyRekeyed.dossiers} dossiers from before the audit key were re-keyed on ${report.legacyRekeyed.at} (their row state is trusted from then)`
        : '';
      process.stdout.write(
        `OK ${report.dossiers} dossiers, ${report.entries} history entries, ${report.attachments} attachments${values.files ? ' (files re-hashed)' : ''}${legacy}\n`,
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
