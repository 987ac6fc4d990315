/**
 * A worker that dies between handing a part to Telegram and recording its message id leaves the
 * ledger unable to say whether the group got it, and Telegram cannot de-duplicate a resend. The
 * policy (delivery-policy.json) holds such a delivery as "unknown — check the group" instead of
 * resending it; the officer then says "it is there" or "send it again". The crash is reproduced in
 * the ledger exactly as a SIGKILL leaves it (claimed, write-ahead mark set, lease run out); the
 * broadcast bench does it with a real SIGKILL.
 */
import { Telegraf } from 'telegraf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryWorker } from '../../../api/notices/delivery-worker.js';
import { TelegramGroupSender } from '../../../bot/channels/telegram/telegram-group-sender.js';
import { silentLogger } from '../../../common/logger.js';
import { startHarness, type Harness } from '../../support/api-harness.js';
import { FakeTelegramServer } from '../../support/fake-telegram-server.js';

const COMMUNE = '15124';

describe('a delivery in doubt after a crash', () => {
  let fake: FakeTelegramServer;
  let h: Harness;
  let officer: string;
  let sender: TelegramGroupSender;

  beforeAll(async () => {
    fake = await FakeTelegramServer.start();
    sender = new TelegramGroupSender(
      new Telegraf(fake.token, { telegram: { apiRoot: fake.url } }).telegram,
    );
    // No worker in the server: each step runs one explicitly, like a restart.
    h = await startHarness({ runtime: { noticeWorker: false } });
    officer = await h.officer(COMMUNE);
  });

  afterAll(async () => {
    await h?.close();
    await fake?.stop();
  });

  const worker = (options: { afterCrash?: 'hold' | 'resend' } = {}) =>
    createDeliveryWorker({
      db: h.runtime.store.db,
      senders: [sender],
      logger: silentLogger,
      backoffMs: () => 50,
      ...options,
    });

  async function groups(prefix: string, chats: number[]): Promise<void> {
    for (const chat of chats) {
      await h.runtime.store.db.query(
        `INSERT INTO notice_groups (id, kind, platform, chat_id, title, status, commune_code, village, approved_at, created_at, updated_at)
         VALUES ($1, 'group', 'telegram', $2, $3, 'approved', $4, $3, now(), now(), now())`,
        [`g${chat}`, String(chat), `${prefix}${chat}`, COMMUNE],
      );
    }
  }

  /** Creates a notice for `village`s and fans it out without sending anything. */
  async function fannedOut(title: string, villages: string[]): Promise<string> {
    const created = await h.request('POST', '/api/notices', {
      token: officer,
      json: { title, body: 'Nội dung thông báo.', targets: { villages } },
    });
    expect(created.status).toBe(201);
    const fanOnly = createDeliveryWorker({
      db: h.runtime.store.db,
      senders: [],
      logger: silentLogger,
    });
    await fanOnly.drain();
    await fanOnly.stop();
    return created.body.id as string;
  }

  /** The ledger as a SIGKILL mid-send leaves it: claimed, part handed over, id never recorded. */
  async function crashMidSend(noticeId: string, chat: number): Promise<void> {
    await h.runtime.store.db.query(
      `UPDATE notice_deliveries d SET state = 'sending', attempts = 1,
         part_started_at = now() - interval '2 seconds', lease_until = now() - interval '1 second'
        FROM notice_groups g WHERE g.id = d.group_id AND d.notice_id = $1 AND g.chat_id = $2`,
      [noticeId, String(chat)],
    );
  }

  /** What the dying worker's request did, when it got through: the group shows the message. */
  async function arrivedBeforeCrash(chat: number, text: string): Promise<void> {
    const res = await fetch(`${fake.url}/bot${fake.token}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chat_id: String(chat), text }),
    });
    expect(res.status).toBe(200);
  }

  async function ledger(noticeId: string) {
    const res = await h.request('GET', `/api/notices/${noticeId}`, { token: officer });
    expect(res.status).toBe(200);
    return res.body as {
      totals: Record<string, number>;
      items: Array<{
        id: number;
        group: string;
        state: string;
        stateLabel: string;
        error: string | null;
        messageIds: string[];
        possibleDuplicate: boolean;
      }>;
    };
  }

  it('is held as "unknown — check the group", never resent blindly; the officer settles it', async () => {
    await groups('Thôn Nghi ', [-3001, -3002, -3003]);
    const id = await fannedOut('Lịch cắt điện', [
      'Thôn Nghi -3001',
      'Thôn Nghi -3002',
      'Thôn Nghi -3003',
    ]);
    await crashMidSend(id, -3001);
    await crashMidSend(id, -3002);
    await arrivedBeforeCrash(-3001, 'Lịch cắt điện (bản gửi trước khi máy dừng)');

    const restarted = worker();
    await restarted.drain();
    await restarted.stop();

    // Only the untouched group was sent to; the two in doubt got nothing more.
    expect(fake.deliveredTo(-3001)).toHaveLength(1);
    expect(fake.deliveredTo(-3002)).toHaveLength(0);
    expect(fake.deliveredTo(-3003)).toHaveLength(1);
    const held = await ledger(id);
    expect(held.totals).toMatchObject({ total: 3, sent: 1, unknown: 2, pending: 0 });
    const byGroup = new Map(held.items.map((i) => [i.group, i]));
    const first = byGroup.get('Thôn Nghi -3001')!;
    const second = byGroup.get('Thôn Nghi -3002')!;
    expect(first).toMatchObject({ state: 'unknown', stateLabel: 'Chưa rõ — kiểm tra nhóm' });
    expect(first.error).toMatch(/kiểm tra trong nhóm/);

    // The officer finds it in the first group, not in the second.
    const there = await h.request('POST', `/api/notices/${id}/deliveries/${first.id}/resolve`, {
      token: officer,
      json: { arrived: true },
    });
    expect(there.status).toBe(200);
    expect(there.body).toMatchObject({ state: 'sent' });
    const resend = await h.request('POST', `/api/notices/${id}/deliveries/${second.id}/resolve`, {
      token: officer,
      json: { arrived: false },
    });
    expect(resend.body).toMatchObject({ state: 'pending' });
    const again = worker();
    await again.drain();
    await again.stop();

    expect(fake.deliveredTo(-3001)).toHaveLength(1);
    expect(fake.deliveredTo(-3002)).toHaveLength(1);
    const settled = await ledger(id);
    expect(settled.totals).toMatchObject({
      sent: 3,
      unknown: 0,
      pending: 0,
      possibleDuplicates: 0,
    });
    expect(settled.items.find((i) => i.group === 'Thôn Nghi -3002')!.messageIds).toEqual([
      String(fake.deliveredTo(-3002)[0]!.messageId),
    ]);

    // Settled rows cannot be settled twice; another commune cannot touch them.
    const twice = await h.request('POST', `/api/notices/${id}/deliveries/${first.id}/resolve`, {
      token: officer,
      json: { arrived: false },
    });
    expect(twice.status).toBe(409);
    const other = await h.officer('15127');
    const foreign = await h.request('POST', `/api/notices/${id}/deliveries/${second.id}/resolve`, {
      token: other,
      json: { arrived: false },
    });
    expect(foreign.status).toBe(404);
    const bad = await h.request('POST', `/api/notices/${id}/deliveries/${second.id}/resolve`, {
      token: officer,
      json: {},
    });
    expect(bad.status).toBe(400);
  });

  it('with the "resend" policy the same crash doubles the message, and the ledger says so', async () => {
    await groups('Thôn Phú ', [-3101]);
    const id = await fannedOut('Tiêm phòng dại', ['Thôn Phú -3101']);
    await crashMidSend(id, -3101);
    await arrivedBeforeCrash(-3101, 'Tiêm phòng dại (bản gửi trước khi máy dừng)');
    const restarted = worker({ afterCrash: 'resend' });
    await restarted.drain();
    await restarted.stop();
    expect(fake.deliveredTo(-3101)).toHaveLength(2);
    const settled = await ledger(id);
    expect(settled.items[0]).toMatchObject({ state: 'sent', possibleDuplicate: true });
  });
});
