/**
 * `npm run audit:verify` against dossiers filed and moved through HTTP, then edited in the database
 * the way someone with database access but without the audit key could: each covered column of the
 * row, and the whole chain recomputed with the public unkeyed algorithm. On PGlite and PostgreSQL.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainedEntry } from '../../../api/audit/rekey-legacy.js';
import {
  canonicalJson,
  entryHash,
  genesisHash,
  sha256Hex,
} from '../../../api/dossiers/history-chain.js';
import { findDossierByReference, listHistory } from '../../../api/store/dossier-repository.js';
import { openStore, type Store } from '../../../api/store/store.js';
import { newKey, startHarness, type Harness } from '../../support/api-harness.js';
import {
  COMMUNE_X,
  inlineBirthCertificate,
  khaiSinhPayload,
} from '../../support/dossier-fixtures.js';
import {
  createTestDatabase,
  POSTGRES_SKIP_MESSAGE,
  type TestDatabase,
} from '../../support/test-postgres.js';

const postgres = await createTestDatabase();
if (!postgres) process.stderr.write(POSTGRES_SKIP_MESSAGE);
afterAll(async () => {
  await postgres?.drop();
});

const UNKEYED =
  'entry is not keyed: its hash is the public unkeyed SHA-256 (rewritten without the audit key)';

function engineSuite(name: string, databaseUrl: string | undefined, available: boolean) {
  // Each CLI run is a child process (tsx start, database open): slow on two shared cores.
  describe.skipIf(!available)(`audit:verify on ${name}`, { timeout: 300_000 }, () => {
    let h: Harness;
    const refs: string[] = [];

    function verify(env: Record<string, string> = {}) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], {
        encoding: 'utf8',
        env: {
          ...process.env,
          DATA_DIR: h.dataDir,
          DATABASE_URL: databaseUrl ?? '',
          AUDIT_KEY: '',
          AUDIT_KEY_FILE: '',
          LOG_SILENT: 'true',
          ...env,
        },
        timeout: 120_000,
      });
      return { status: run.status, stdout: run.stdout, stderr: run.stderr };
    }

    const reopen = (): Promise<Store> =>
      openStore({ dataDir: h.dataDir, databaseUrl, maxAttachmentBytes: 1 << 20 });

    beforeAll(async () => {
      h = await startHarness(databaseUrl ? { databaseUrl } : {});
      const officer = await h.officer(COMMUNE_X, 'officer');
      const resident = await h.resident('Lê Văn An');
      for (let i = 0; i < 8; i++) {
        const res = await h.request('POST', '/api/dossiers', {
          token: resident,
          json: {
            ...khaiSinhPayload(),
            notify: { channel: 'none' },
            attachments: [inlineBirthCertificate()],
          },
          headers: { 'idempotency-key': newKey() },
        });
        expect(res.status, res.text).toBe(201);
        const reference = res.body.dossier.reference as string;
        for (const to of ['DUOC_TIEP_NHAN', 'DANG_XU_LY']) {
          const moved = await h.request('POST', `/api/dossiers/${reference}/transitions`, {
            token: officer,
            json: { to },
          });
          expect(moved.status, moved.text).toBe(200);
        }
        refs.push(reference);
      }
      // The server stops (the embedded database allows one process); the files stay.
      await h.runtime.close();
    });
    afterAll(() => h?.close());

    it('verifies with the server key and refuses another key', () => {
      const ok = verify();
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toMatch(/^OK 8 dossiers, 24 history entries, 8 attachments/);

      const other = verify({ AUDIT_KEY: 'not-the-server-key-'.repeat(3) });
      expect(other.status).toBe(1);
      expect(other.stdout).toContain(
        'TAMPERED dossier=- entry=-: no history entry matches the configured audit key',
      );
    });

    it('names every edited column of a dossier row, and a chain recomputed without the key', async () => {
      const [status, owner, date, fee, recipient, unkeyed, rehashed, untouched] = refs as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      const store = await reopen();
      try {
        const edit = (reference: string, set: string) =>
          store.db.query(`UPDATE dossiers SET ${set} WHERE reference = $1`, [reference]);
        await edit(status, "status = 'DA_TRA_KET_QUA'");
        await edit(owner, "resident_id = 'zalo:nguoi-khac'");
        await edit(date, "appointment_date = '2031-03-04'");
        await edit(fee, 'fee_amount_vnd = 1500000');
        await edit(recipient, "notify_channel = 'telegram', notify_recipient = '424242'");
        // An attacker who read the code: the row and the history edited together, every hash
        // recomputed with plain SHA-256 — once in the old format, once keeping the state field.
        await edit(unkeyed, "status = 'DA_TRA_KET_QUA'");
        await rewriteChain(store, unkeyed, 'old format');
        await edit(rehashed, "status = 'DA_TRA_KET_QUA'");
        await rewriteChain(store, rehashed, 'with state');
      } finally {
        await store.close();
      }

      const bad = verify();
      expect(bad.status).toBe(1);
      const lines = bad.stdout.trim().split('\n');
      const line = (reference: string, seq: number, what: string) =>
        `TAMPERED dossier=${reference} entry=${seq}: ${what}`;
      expect(lines).toContain(
        line(
          status,
          3,
          'status in the row is DA_TRA_KET_QUA but the history says DANG_XU_LY (row edited)',
        ),
      );
      expect(lines).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^TAMPERED dossier=${owner} entry=3: owner \\(resident_id\\) in the row is zalo:nguoi-khac but the history says zalo:\\d+ \\(row edited\\)$`,
          ),
        ),
      );
      expect(lines).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^TAMPERED dossier=${date} entry=3: appointment date in the row is 2031-03-04 but the history says \\d{4}-\\d{2}-\\d{2} \\(row edited\\)$`,
          ),
        ),
      );
      expect(lines).toContain(
        line(fee, 3, 'fee in the row is 1500000 but the history says (none) (row edited)'),
      );
      expect(lines).toContain(
        line(
          recipient,
          3,
          'notification channel in the row is telegram but the history says none (row edited)',
        ),
      );
      expect(lines).toContain(
        line(
          recipient,
          3,
          'notification recipient in the row is 424242 but the history says (none) (row edited)',
        ),
      );
      for (const seq of [1, 2, 3]) expect(lines).toContain(line(unkeyed, seq, UNKEYED));
      for (const seq of [1, 2, 3])
        expect(lines).toContain(
          line(rehashed, seq, 'entry content does not match its hash (edited)'),
        );
      expect(bad.stdout).not.toContain(untouched);
    });
  });
}

/**
 * Rewrites a dossier's history so its last entry agrees with the edited row, and recomputes every
 * hash with SHA-256: in the old format (no state) or keeping the state field.
 */
async function rewriteChain(
  store: Store,
  reference: string,
  mode: 'old format' | 'with state',
): Promise<void> {
  const row = await findDossierByReference(store.db, reference);
  const entries = await listHistory(store.db, row!.id);
  let prev = genesisHash(reference);
  for (const [i, e] of entries.entries()) {
    const last = i === entries.length - 1;
    const toStatus = last ? row!.status : e.to_status;
    const fields = chainedEntry(reference, { ...e, to_status: toStatus }, prev);
    const state = mode === 'old format' ? null : { ...e.state!, status: toStatus };
    const hash =
      mode === 'old format' ? entryHash(fields) : sha256Hex(canonicalJson({ ...fields, state }));
    await store.db.query(
      `UPDATE dossier_history SET to_status = $3, prev_hash = $4, hash = $5, state = $6::jsonb
       WHERE dossier_id = $1 AND seq = $2`,
      [row!.id, e.seq, toStatus, prev, hash, JSON.stringify(state)],
    );
    prev = hash;
  }
  await store.db.query('UPDATE dossiers SET history_head = $2 WHERE id = $1', [row!.id, prev]);
}

engineSuite('PGlite', undefined, true);
engineSuite('PostgreSQL', (postgres as TestDatabase | null)?.url, postgres !== null);
