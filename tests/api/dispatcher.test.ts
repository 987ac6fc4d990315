import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../api/notifications/dispatcher.js';
import { enqueueNotification, listOutbox } from '../../api/store/outbox-repository.js';
import type { Store } from '../../api/store/store.js';
import { DeliveryError } from '../../common/dossier-contracts.js';
import { silentLogger } from '../../common/logger.js';
import { openTemplateStore } from '../support/api-harness.js';
import { createRecordingSender } from '../support/recording-sender.js';

let store: Store;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'motcua-dispatch-'));
  store = await openTemplateStore(dataDir);
});
afterAll(async () => {
  await store?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** A bare dossier row to hang outbox rows on. */
async function dossierId(): Promise<string> {
  const id = randomUUID();
  await store.db.query(
    `INSERT INTO dossiers (id, reference, procedure_code, procedure_name, commune_code, resident_id, applicant_name,
       applicant_phone, phone_last4, form_data, status, result_delivery, notify_channel, submitted_at, updated_at,
       idempotency_key, request_hash, history_count, history_head)
     VALUES ($1, $2, 'x', 'x', '15124', 'r', 'n', 'p', '0000', '{}', 'MOI_DANG_KY', 'tai_quay', 'telegram', now(), now(), $1, 'h', 0, 'h')`,
    [id, `T${randomUUID().slice(0, 7).toUpperCase()}`],
  );
  return id;
}

describe('notification dispatcher', () => {
  it('retries with backoff, honours retryAfterMs, and sends once when the channel recovers', async () => {
    const id = await dossierId();
    await enqueueNotification(store.db, {
      dossierId: id,
      historySeq: 1,
      channel: 'telegram',
      recipient: '42',
      body: 'Xin chào',
      at: new Date(),
    });
    let now = Date.now();
    const sender = createRecordingSender('telegram');
    sender.failures.push(
      new DeliveryError('429 Too Many Requests', true, 60_000),
      new DeliveryError('network', true),
    );
    const dispatcher = createDispatcher({
      db: store.db,
      senders: [sender],
      logger: silentLogger,
      now: () => new Date(now),
      backoffMs: () => 1000,
    });

    await dispatcher.runOnce();
    expect(sender.attempts).toHaveLength(1);
    let [row] = await listOutbox(store.db, id);
    expect(row).toMatchObject({
      state: 'pending',
      attempts: 1,
      last_error: '429 Too Many Requests',
    });
    expect(row!.next_attempt_at.getTime() - now).toBeGreaterThanOrEqual(60_000);

    now += 30_000; // before retry_after: nothing happens
    await dispatcher.runOnce();
    expect(sender.attempts).toHaveLength(1);

    now += 31_000;
    await dispatcher.runOnce(); // second failure, backoff 1 s
    now += 1_500;
    await dispatcher.runOnce();
    expect(sender.sent).toHaveLength(1);
    expect(sender.sent[0]).toMatchObject({
      recipient: '42',
      text: 'Xin chào',
      idempotencyKey: `dossier:${id}:1:telegram`,
    });
    [row] = await listOutbox(store.db, id);
    expect(row).toMatchObject({ state: 'sent', attempts: 3, message_id: 'm1' });

    now += 3_600_000;
    await dispatcher.runOnce();
    expect(sender.attempts).toHaveLength(3);
  });

  it('gives up on non-retryable failures and after the last attempt', async () => {
    const blocked = await dossierId();
    const flaky = await dossierId();
    await enqueueNotification(store.db, {
      dossierId: blocked,
      historySeq: 1,
      channel: 'telegram',
      recipient: '1',
      body: 'a',
      at: new Date(),
    });
    await enqueueNotification(store.db, {
      dossierId: flaky,
      historySeq: 1,
      channel: 'telegram',
      recipient: '2',
      body: 'b',
      at: new Date(),
    });
    const sender = createRecordingSender('telegram');
    sender.failures.push(new DeliveryError('403 bot was blocked by the user', false));
    for (let i = 0; i < 5; i++) sender.failures.push(new DeliveryError('timeout', true));
    let now = Date.now();
    const dispatcher = createDispatcher({
      db: store.db,
      senders: [sender],
      logger: silentLogger,
      now: () => new Date(now),
      maxAttempts: 3,
      backoffMs: () => 10,
    });
    for (let i = 0; i < 5; i++) {
      await dispatcher.runOnce();
      now += 100;
    }
    expect((await listOutbox(store.db, blocked))[0]).toMatchObject({
      state: 'failed',
      attempts: 1,
      last_error: '403 bot was blocked by the user',
    });
    expect((await listOutbox(store.db, flaky))[0]).toMatchObject({ state: 'failed', attempts: 3 });
    expect(sender.sent).toHaveLength(0);
  });

  it('marks rows for an unconfigured channel failed instead of retrying forever', async () => {
    const id = await dossierId();
    await enqueueNotification(store.db, {
      dossierId: id,
      historySeq: 1,
      channel: 'zalo',
      recipient: '9',
      body: 'c',
      at: new Date(),
    });
    const dispatcher = createDispatcher({
      db: store.db,
      senders: [createRecordingSender('telegram')],
      logger: silentLogger,
    });
    await dispatcher.runOnce();
    expect((await listOutbox(store.db, id))[0]).toMatchObject({
      state: 'failed',
      last_error: expect.stringMatching(/no sender/),
    });
  });
});
