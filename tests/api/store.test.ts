/**
 * The store suite: the same tests against PGlite and PostgreSQL (a database created and dropped per
 * run). Drives the real dossier operations and repositories; no HTTP.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../api/auth/password.js';
import { auditKeyFrom } from '../../api/audit/audit-key.js';
import { chainedEntry } from '../../api/audit/rekey-legacy.js';
import { verifyHistory } from '../../api/audit/verify-history.js';
import { entryHash, genesisHash } from '../../api/dossiers/history-chain.js';
import type { DossierContext, OfficerActor, ResidentActor } from '../../api/dossiers/context.js';
import { submitDossier } from '../../api/dossiers/submit-dossier.js';
import { transitionDossier } from '../../api/dossiers/transition-dossier.js';
import { createDispatcher } from '../../api/notifications/dispatcher.js';
import {
  findDossierById,
  findDossierByReference,
  listDossiers,
  listHistory,
  type HistoryRow,
} from '../../api/store/dossier-repository.js';
import { migrate } from '../../api/store/migrations.js';
import { upsertOfficer } from '../../api/store/officer-repository.js';
import {
  claimDue,
  enqueueNotification,
  listOutbox,
  markSent,
} from '../../api/store/outbox-repository.js';
import { upsertResidentChannel } from '../../api/store/notify-link-repository.js';
import { openStore, type Store } from '../../api/store/store.js';
import { SubmitDossierSchema } from '../../common/dossier-schema.js';
import { silentLogger } from '../../common/logger.js';
import { loadCommuneDirectory } from '../../knowledge/index.js';
import { openTemplateStore } from '../support/api-harness.js';
import {
  COMMUNE_X,
  khaiSinhPayload,
  PDF_BYTES,
  testProcedureLookup,
} from '../support/dossier-fixtures.js';
import { createRecordingSender } from '../support/recording-sender.js';
import {
  createTestDatabase,
  POSTGRES_SKIP_MESSAGE,
  type TestDatabase,
} from '../support/test-postgres.js';

const postgres = await createTestDatabase();
if (!postgres) process.stderr.write(POSTGRES_SKIP_MESSAGE);

/** A database of its own for one test, opened (and re-opened) on one data folder. */
type FreshDatabase = (
  dataDir: string,
) => Promise<{ open(): Promise<Store>; drop(): Promise<void> }>;

function storeSuite(
  name: string,
  open: (dataDir: string) => Promise<Store>,
  fresh: FreshDatabase,
  available: boolean,
) {
  describe.skipIf(!available)(`dossier store on ${name}`, () => {
    let store: Store;
    let dataDir: string;
    let ctx: DossierContext;
    const officer: OfficerActor = {
      role: 'officer',
      officerId: 'o1',
      username: 'can_bo_1',
      communeCode: COMMUNE_X,
    };

    beforeAll(async () => {
      dataDir = await mkdtemp(path.join(tmpdir(), 'motcua-store-'));
      store = await open(dataDir);
      await upsertOfficer(store.db, {
        username: `cb_${randomUUID().slice(0, 6)}`,
        passwordHash: await hashPassword('x'),
        communeCode: COMMUNE_X,
        role: 'officer',
      });
      ctx = {
        store,
        catalogue: testProcedureLookup,
        communes: loadCommuneDirectory(),
        logger: silentLogger,
        deskName: 'Bộ phận Một cửa UBND xã Minh Sơn',
        now: () => new Date(),
        notified: () => undefined,
        servedCommunes: new Set(),
      };
    });
    afterAll(async () => {
      await store?.close();
      await rm(dataDir, { recursive: true, force: true });
    });

    const resident = (): ResidentActor => ({
      role: 'resident',
      residentId: `zalo:${randomUUID()}`,
      name: null,
    });

    async function newDossier(actor = resident(), key = randomUUID(), overrides = {}) {
      // The resident proved chat 10001 is theirs (a link code sent from it), so notices may go there.
      await upsertResidentChannel(store.db, {
        residentId: actor.residentId,
        channel: 'telegram',
        recipient: '10001',
        proof: 'link-code',
        at: new Date(),
      });
      const file = await store.attachments.write(
        (async function* () {
          yield PDF_BYTES;
        })(),
        { documentCode: 'giay_chung_sinh', fileName: 'gcs.pdf' },
      );
      return submitDossier(ctx, {
        actor,
        idempotencyKey: key,
        payload: SubmitDossierSchema.parse(
          khaiSinhPayload({ notify: { channel: 'telegram' }, ...overrides }),
        ),
        files: [file],
      });
    }

    it('applies migrations once', async () => {
      expect(await migrate(store.db)).toEqual([]);
      const rows = await store.db.query<{ version: number }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      const versions = rows.map((r) => r.version);
      expect(versions).toEqual(versions.map((_, i) => i + 1));
      expect(versions.length).toBeGreaterThanOrEqual(4);
    });

    it('stores a dossier with its history, attachment and notice in one go', async () => {
      const { dossier, created } = await newDossier();
      expect(created).toBe(true);
      const read = await findDossierByReference(store.db, dossier.reference);
      expect(read).toMatchObject({
        reference: dossier.reference,
        status: 'MOI_DANG_KY',
        history_count: 1,
        phone_last4: '5678',
      });
      expect(read?.submitted_at).toBeInstanceOf(Date);
      expect(read?.appointment_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(await listHistory(store.db, dossier.id)).toHaveLength(1);
      // The receipt goes to the resident's in-app notices and to the chosen channel.
      expect((await listOutbox(store.db, dossier.id)).map((o) => o.channel).sort()).toEqual([
        'app',
        'telegram',
      ]);
    });

    it('rolls a failed transaction back completely', async () => {
      const reference = 'RB2RB3RB';
      await expect(
        store.db.transaction(async (tx) => {
          await tx.query(
            `INSERT INTO dossiers (id, reference, procedure_code, procedure_name, commune_code, resident_id, applicant_name,
               applicant_phone, phone_last4, form_data, status, result_delivery, notify_channel, submitted_at, updated_at,
               idempotency_key, request_hash, history_count, history_head)
             VALUES ($1, $2, 'x', 'x', $3, 'r', 'n', 'p', '0000', '{}', 'MOI_DANG_KY', 'tai_quay', 'none', now(), now(), $4, 'h', 0, 'h')`,
            [randomUUID(), reference, COMMUNE_X, randomUUID()],
          );
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await findDossierByReference(store.db, reference)).toBeUndefined();
    });

    it('makes concurrent submissions with one idempotency key one dossier', async () => {
      const actor = resident();
      const key = randomUUID();
      const results = await Promise.all(Array.from({ length: 6 }, () => newDossier(actor, key)));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.dossier.reference)).size).toBe(1);
      const mine = await listDossiers(store.db, { residentId: actor.residentId }, { limit: 10 });
      expect(mine).toHaveLength(1);
    });

    it('lets exactly one of several concurrent identical transitions win', async () => {
      const { dossier } = await newDossier();
      const outcomes = await Promise.allSettled(
        Array.from({ length: 8 }, () =>
          transitionDossier(ctx, officer, dossier.reference, { to: 'DUOC_TIEP_NHAN' }),
        ),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes)
        if (o.status === 'rejected') expect((o.reason as { status: number }).status).toBe(409);
      expect(await listHistory(store.db, dossier.id)).toHaveLength(2);
    });

    it('keeps every transition when different officers act concurrently on different dossiers', async () => {
      const dossiers = await Promise.all(Array.from({ length: 6 }, () => newDossier()));
      await Promise.all(
        dossiers.map(({ dossier }) =>
          transitionDossier(ctx, officer, dossier.reference, { to: 'DUOC_TIEP_NHAN' }),
        ),
      );
      await Promise.all(
        dossiers.map(({ dossier }) =>
          transitionDossier(ctx, officer, dossier.reference, { to: 'DANG_XU_LY' }),
        ),
      );
      for (const { dossier } of dossiers) {
        const row = await findDossierByReference(store.db, dossier.reference);
        expect(row).toMatchObject({ status: 'DANG_XU_LY', version: 3, history_count: 3 });
      }
    });

    it('stores SQL-injection strings verbatim', async () => {
      const evil = "'); DROP TABLE dossiers; --";
      const { dossier } = await newDossier(resident(), randomUUID(), {
        applicant: { fullName: evil, phone: '0912345678' },
      });
      const row = await findDossierByReference(store.db, dossier.reference);
      expect(row?.applicant_name).toBe(evil);
      const found = await store.db.query('SELECT count(*)::int AS n FROM dossiers');
      expect((found[0] as { n: number }).n).toBeGreaterThan(1);
    });

    it('pages dossiers newest first without repeats', async () => {
      const actor = resident();
      for (let i = 0; i < 5; i++) await newDossier(actor);
      const first = await listDossiers(store.db, { residentId: actor.residentId }, { limit: 3 });
      const last = first[first.length - 1]!;
      const rest = await listDossiers(
        store.db,
        { residentId: actor.residentId },
        { limit: 3, after: { submittedAt: last.submitted_at, id: last.id } },
      );
      const refs = [...first, ...rest].map((d) => d.reference);
      expect(refs).toHaveLength(5);
      expect(new Set(refs).size).toBe(5);
    });

    it('never hands one outbox row to two dispatchers', async () => {
      const { dossier } = await newDossier();
      await store.db.query("UPDATE notification_outbox SET state = 'sent' WHERE state <> 'sent'");
      for (let i = 0; i < 40; i++) {
        await enqueueNotification(store.db, {
          dossierId: dossier.id,
          historySeq: 100 + i,
          channel: 'telegram',
          recipient: '1',
          body: `tin ${i}`,
          at: new Date(),
        });
      }
      const a = createRecordingSender('telegram');
      const b = createRecordingSender('telegram');
      const one = createDispatcher({
        db: store.db,
        senders: [a],
        logger: silentLogger,
        batchSize: 3,
      });
      const two = createDispatcher({
        db: store.db,
        senders: [b],
        logger: silentLogger,
        batchSize: 3,
      });
      await Promise.all([one.runOnce(), two.runOnce(), one.runOnce(), two.runOnce()]);
      const keys = [...a.sent, ...b.sent].map((n) => n.idempotencyKey);
      expect(keys).toHaveLength(40);
      expect(new Set(keys).size).toBe(40);
      const states = await store.db.query<{ state: string; n: number }>(
        'SELECT state, count(*)::int AS n FROM notification_outbox WHERE dossier_id = $1 GROUP BY state',
        [dossier.id],
      );
      // 40 queued here + the receipt (in-app and telegram), marked sent before the run.
      expect(states).toEqual([{ state: 'sent', n: 42 }]);
    });

    it('re-delivers a row whose claim expired, and ignores the stale claim', async () => {
      const { dossier } = await newDossier();
      await store.db.query("UPDATE notification_outbox SET state = 'sent' WHERE state <> 'sent'");
      await enqueueNotification(store.db, {
        dossierId: dossier.id,
        historySeq: 50,
        channel: 'telegram',
        recipient: '1',
        body: 'x',
        at: new Date(),
      });
      const t0 = new Date();
      const [first] = await claimDue(store.db, 10, 1000, t0);
      expect(first?.attempts).toBe(1);
      expect(await claimDue(store.db, 10, 1000, new Date(t0.getTime() + 500))).toEqual([]);
      const [again] = await claimDue(store.db, 10, 1000, new Date(t0.getTime() + 5000));
      expect(again?.id).toBe(first?.id);
      expect(again?.attempts).toBe(2);
      expect(await markSent(store.db, first!.id, 1, null, new Date())).toBe(false);
      expect(await markSent(store.db, again!.id, 2, 'm1', new Date())).toBe(true);
    });

    it('removes orphaned attachment files but keeps committed ones', async () => {
      const { dossier } = await newDossier();
      const orphan = await store.attachments.write(
        (async function* () {
          yield PDF_BYTES;
        })(),
        { documentCode: 'giay_chung_sinh', fileName: 'orphan.pdf' },
      );
      const committedKey = (
        await store.db.query<{ storage_key: string }>(
          'SELECT storage_key FROM dossier_attachments WHERE dossier_id = $1',
          [dossier.id],
        )
      )[0]!.storage_key;
      const old = new Date(Date.now() - 10 * 60_000);
      await utimes(store.attachments.pathOf(orphan.storageKey), old, old);
      await utimes(store.attachments.pathOf(committedKey), old, old);
      expect(await store.sweepOrphans()).toBeGreaterThanOrEqual(1);
      expect(existsSync(store.attachments.pathOf(orphan.storageKey))).toBe(false);
      expect(existsSync(store.attachments.pathOf(committedKey))).toBe(true);
    });

    it('detects edited and deleted history entries', async () => {
      const { dossier } = await newDossier();
      await transitionDossier(ctx, officer, dossier.reference, { to: 'DUOC_TIEP_NHAN' });
      await transitionDossier(ctx, officer, dossier.reference, {
        to: 'DANG_XU_LY',
        note: 'Đang xác minh',
      });
      const clean = await verifyHistory(store.db, store.audit, { files: store.attachments });
      expect(clean.problems).toEqual([]);
      expect(clean.entries).toBeGreaterThanOrEqual(3);

      await store.db.query(
        "UPDATE dossier_history SET note = 'Đã sửa' WHERE dossier_id = $1 AND seq = 3",
        [dossier.id],
      );
      const edited = await verifyHistory(store.db, store.audit);
      expect(edited.problems).toEqual([
        { reference: dossier.reference, seq: 3, problem: expect.stringMatching(/edited/) },
      ]);

      await store.db.query('DELETE FROM dossier_history WHERE dossier_id = $1 AND seq = 3', [
        dossier.id,
      ]);
      const deletedLast = await verifyHistory(store.db, store.audit);
      expect(new Set(deletedLast.problems.map((p) => p.reference))).toEqual(
        new Set([dossier.reference]),
      );
      expect(deletedLast.problems.map((p) => p.problem).join(' ')).toMatch(/deleted/);
      // The row now says more than the (new) last entry recorded.
      expect(deletedLast.problems.map((p) => p.problem)).toContain(
        'status in the row is DANG_XU_LY but the history says DUOC_TIEP_NHAN (row edited)',
      );

      await store.db.query('DELETE FROM dossier_history WHERE dossier_id = $1 AND seq = 2', [
        dossier.id,
      ]);
      await store.db.query(
        `UPDATE dossiers SET history_count = 1, history_head = (SELECT hash FROM dossier_history WHERE dossier_id = $1 AND seq = 1) WHERE id = $1`,
        [dossier.id],
      );
      await store.db.query("UPDATE dossiers SET applicant_name = 'Người khác' WHERE id = $1", [
        dossier.id,
      ]);
      const contentEdited = await verifyHistory(store.db, store.audit);
      expect(contentEdited.problems).toContainEqual({
        reference: dossier.reference,
        seq: 1,
        problem: expect.stringMatching(/content differs/),
      });
      expect(contentEdited.problems).toContainEqual({
        reference: dossier.reference,
        seq: 1,
        problem: 'status in the row is DANG_XU_LY but the history says MOI_DANG_KY (row edited)',
      });
      // Put things back so later tests audit clean.
      await store.db.query('DELETE FROM notification_outbox WHERE dossier_id = $1', [dossier.id]);
      await store.db.query('DELETE FROM dossier_attachments WHERE dossier_id = $1', [dossier.id]);
      await store.db.query('DELETE FROM dossier_history WHERE dossier_id = $1', [dossier.id]);
      await store.db.query('DELETE FROM dossiers WHERE id = $1', [dossier.id]);
    });

    it('names each column of the dossier row that differs from what its last entry recorded', async () => {
      const { dossier } = await newDossier();
      await transitionDossier(ctx, officer, dossier.reference, { to: 'DUOC_TIEP_NHAN' });
      await transitionDossier(ctx, officer, dossier.reference, { to: 'DANG_XU_LY' });
      const row = await findDossierByReference(store.db, dossier.reference);
      expect((await verifyHistory(store.db, store.audit)).problems).toEqual([]);

      await store.db.query(
        `UPDATE dossiers SET status = 'DA_TRA_KET_QUA', resident_id = 'zalo:ke-gian',
           appointment_date = '2030-01-02', fee_amount_vnd = 500000, notify_recipient = '424242'
         WHERE id = $1`,
        [dossier.id],
      );
      const report = await verifyHistory(store.db, store.audit);
      expect(report.problems).toEqual(
        [
          'status in the row is DA_TRA_KET_QUA but the history says DANG_XU_LY (row edited)',
          `owner (resident_id) in the row is zalo:ke-gian but the history says ${row?.resident_id} (row edited)`,
          `appointment date in the row is 2030-01-02 but the history says ${row?.appointment_date} (row edited)`,
          'fee in the row is 500000 but the history says (none) (row edited)',
          `notification recipient in the row is 424242 but the history says ${row?.notify_recipient ?? '(none)'} (row edited)`,
        ].map((problem) => ({ reference: dossier.reference, seq: 3, problem })),
      );
      await removeDossier(dossier.id);
    });

    it('finds a chain recomputed with the public unkeyed hash, and a wrong audit key', async () => {
      const { dossier } = await newDossier();
      await transitionDossier(ctx, officer, dossier.reference, { to: 'DUOC_TIEP_NHAN' });
      // What someone with database access but without the key can do: edit the row and its history,
      // then recompute every hash with the algorithm in the code (plain SHA-256, old format).
      await store.db.query("UPDATE dossiers SET status = 'DA_TRA_KET_QUA' WHERE id = $1", [
        dossier.id,
      ]);
      await rewriteUnkeyed(store, dossier.id, (e) =>
        e.seq === 2 ? { to_status: 'DA_TRA_KET_QUA' } : {},
      );
      const report = await verifyHistory(store.db, store.audit);
      expect(report.problems).toEqual(
        [1, 2]
          .map((seq) => ({
            reference: dossier.reference,
            seq,
            problem:
              'entry is not keyed: its hash is the public unkeyed SHA-256 (rewritten without the audit key)',
          }))
          .concat({
            reference: dossier.reference,
            seq: 2,
            problem: 'the last entry records no dossier state',
          }),
      );
      await removeDossier(dossier.id);

      const other = await verifyHistory(store.db, auditKeyFrom('another-key-'.repeat(4)));
      expect(other.problems[0]).toEqual({
        reference: '-',
        seq: null,
        problem: expect.stringMatching(/no history entry matches the configured audit key/),
      });
    });

    // Opens its own database three times: slow on two shared cores.
    it(
      're-keys the unkeyed chains of older dossiers once, and never launders a rewritten one',
      { timeout: 180_000 },
      async () => {
        const dir = await mkdtemp(path.join(tmpdir(), 'motcua-rekey-'));
        const db = await fresh(dir);
        try {
          let s = await db.open();
          await upsertOfficer(s.db, {
            username: 'cb_rekey',
            passwordHash: 'x',
            communeCode: COMMUNE_X,
            role: 'officer',
          });
          const c = { ...ctx, store: s, servedCommunes: new Set<string>() };
          const submitted = async () => {
            const file = await s.attachments.write(
              (async function* () {
                yield PDF_BYTES;
              })(),
              { documentCode: 'giay_chung_sinh', fileName: 'gcs.pdf' },
            );
            const { dossier } = await submitDossier(c, {
              actor: resident(),
              idempotencyKey: randomUUID(),
              payload: SubmitDossierSchema.parse(khaiSinhPayload()),
              files: [file],
            });
            return dossier;
          };
          // Two dossiers written the old way (unkeyed chain, no row state); one already broken then.
          const intact = await submitted();
          await transitionDossier(c, officer, intact.reference, { to: 'DUOC_TIEP_NHAN' });
          const broken = await submitted();
          await rewriteUnkeyed(s, intact.id, () => ({}));
          await rewriteUnkeyed(s, broken.id, () => ({}));
          await s.db.query("UPDATE dossier_history SET note = 'sửa' WHERE dossier_id = $1", [
            broken.id,
          ]);
          await s.db.query('DELETE FROM audit_marks');
          await s.close();

          s = await db.open();
          expect(s.rekeyed).toMatchObject({ dossiers: 1, entries: 2, broken: [broken.reference] });
          const after = await verifyHistory(s.db, s.audit);
          expect(after.legacyRekeyed).toMatchObject({ dossiers: 1 });
          expect(new Set(after.problems.map((p) => p.reference))).toEqual(
            new Set([broken.reference]),
          );
          expect(after.problems[0]).toEqual({
            reference: broken.reference,
            seq: null,
            problem: expect.stringMatching(
              /^history already broken when older dossiers were re-keyed/,
            ),
          });

          // Later: keyed dossiers exist; someone rewrites one the old way and deletes the mark, hoping
          // the next start blesses it. It does not.
          c.store = s;
          await submitted();
          await s.db.query("UPDATE dossiers SET status = 'DA_TRA_KET_QUA' WHERE id = $1", [
            intact.id,
          ]);
          await rewriteUnkeyed(s, intact.id, () => ({}));
          await s.db.query('DELETE FROM audit_marks');
          await s.close();
          s = await db.open();
          expect(s.rekeyed).toBeNull();
          const laundered = await verifyHistory(s.db, s.audit);
          expect(laundered.problems).toContainEqual({
            reference: intact.reference,
            seq: 2,
            problem:
              'entry is not keyed: its hash is the public unkeyed SHA-256 (rewritten without the audit key)',
          });
          await s.close();
        } finally {
          await db.drop();
          await rm(dir, { recursive: true, force: true });
        }
      },
    );

    async function removeDossier(id: string) {
      for (const table of ['notification_outbox', 'dossier_attachments', 'dossier_history'])
        await store.db.query(`DELETE FROM ${table} WHERE dossier_id = $1`, [id]);
      await store.db.query('DELETE FROM dossiers WHERE id = $1', [id]);
    }
  });
}

/**
 * Rewrites a dossier's history as an attacker without the audit key would (or as it was stored
 * before the key existed): plain SHA-256 chain, no row state, the row's head and count updated.
 */
async function rewriteUnkeyed(
  s: Store,
  dossierId: string,
  edit: (e: HistoryRow) => Partial<HistoryRow>,
): Promise<void> {
  const row = await findDossierById(s.db, dossierId);
  let prev = genesisHash(row!.reference);
  for (const original of await listHistory(s.db, dossierId)) {
    const e = { ...original, ...edit(original) };
    const hash = entryHash(chainedEntry(row!.reference, e, prev));
    await s.db.query(
      `UPDATE dossier_history SET to_status = $3, prev_hash = $4, hash = $5, state = NULL
       WHERE dossier_id = $1 AND seq = $2`,
      [dossierId, e.seq, e.to_status, prev, hash],
    );
    prev = hash;
  }
  await s.db.query('UPDATE dossiers SET history_head = $2 WHERE id = $1', [dossierId, prev]);
}

storeSuite(
  'PGlite',
  (dataDir) => openTemplateStore(dataDir),
  async (dataDir) => {
    let opened = false;
    return {
      open: () => {
        if (opened) return openStore({ dataDir, maxAttachmentBytes: 1 << 20 });
        opened = true;
        return openTemplateStore(dataDir);
      },
      drop: async () => undefined,
    };
  },
  true,
);
storeSuite(
  'PostgreSQL',
  (dataDir) =>
    openStore({
      dataDir,
      databaseUrl: (postgres as TestDatabase).url,
      maxAttachmentBytes: 1 << 20,
    }),
  async (dataDir) => {
    const own = (await createTestDatabase()) as TestDatabase;
    return {
      open: () => openStore({ dataDir, databaseUrl: own.url, maxAttachmentBytes: 1 << 20 }),
      drop: () => own.drop(),
    };
  },
  postgres !== null,
);

afterAll(async () => {
  await postgres?.drop();
});
