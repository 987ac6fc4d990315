/**
 * Notices through Zalo, end to end against local fakes shaped like Zalo's APIs: the OA's GMF groups
 * (configured ids → pending groups; group message, a disabled group, throttling, a timeout) and the
 * Zalo Bot Platform (a group recorded when it mentions the bot — behind ZALO_BOT_GROUPS —, a chat that
 * is gone, a 429, and a resident subscribing privately with /dangky). The bots are started from
 * configuration like `npm start` does; the ledger must agree with what the fakes accepted.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryWorker } from '../../../api/notices/delivery-worker.js';
import { startBots, type Bots } from '../../../bot/main.js';
import { loadConfig } from '../../../common/config.js';
import { silentLogger } from '../../../common/logger.js';
import { FakeConversation } from '../../bot/channels/fake-conversation.js';
import { startHarness, type Harness } from '../../support/api-harness.js';
import { FakeZaloBotServer, zaloUpdates } from '../../support/fake-zalo-bot-server.js';
import { FakeZaloOaServer } from '../../support/fake-zalo-oa-server.js';

const COMMUNE = '15124';
const APP_ID = '2553928453557884079';

describe('notices through Zalo (OA GMF groups, Zalo Bot groups and private subscriptions)', () => {
  let oa: FakeZaloOaServer;
  let zbot: FakeZaloBotServer;
  let h: Harness;
  let bots: Bots;
  let officer: string;
  let dataDir: string;

  beforeAll(async () => {
    oa = await FakeZaloOaServer.start({
      appId: APP_ID,
      appSecret: 'app-secret-0123456789',
      refreshToken: 'ref_initial',
      accessTokens: ['acc_initial'],
    });
    zbot = await FakeZaloBotServer.start({ maxHoldMs: 200 });
    dataDir = await mkdtemp(path.join(tmpdir(), 'motcua-zalo-notices-'));
    h = await startHarness({ runtime: { noticeWorker: false } });
    officer = await h.officer(COMMUNE);
    const config = loadConfig({
      DATA_DIR: dataDir,
      ZALO_OA_APP_ID: APP_ID,
      ZALO_OA_SECRET_KEY: 'oa-secret-key-khoa-bi-mat',
      ZALO_APP_SECRET: 'app-secret-0123456789',
      ZALO_OA_ACCESS_TOKEN: 'acc_initial',
      ZALO_OA_REFRESH_TOKEN: 'ref_initial',
      ZALO_OA_API_BASE: oa.url,
      ZALO_OAUTH_BASE: oa.url,
      ZALO_OA_GROUP_IDS: '7001=Nhóm Zalo thôn Đông,7002,7003,7004',
      ZALO_BOT_TOKEN: zbot.token,
      ZALO_BOT_API_BASE: zbot.url,
      ZALO_BOT_GROUPS: 'true',
    });
    bots = await startBots(
      config,
      {
        conversation: new FakeConversation(),
        logger: silentLogger,
        groups: h.runtime.groupRegistry,
      },
      {
        zaloBot: { pollTimeoutSeconds: 1, backoffMs: { min: 10, max: 50 } },
        zaloOa: { throttleWaitMs: 300 },
      },
    );
  });

  afterAll(async () => {
    await bots?.stop();
    await h?.close();
    await oa?.stop();
    await zbot?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Runs a worker until nothing is pending or in flight (waits included: 429, backoff). */
  async function deliverAll(): Promise<void> {
    const worker = createDeliveryWorker({
      db: h.runtime.store.db,
      senders: bots.groupSenders,
      logger: silentLogger,
      pollIntervalMs: 50,
      sendTimeoutMs: 2000,
      backoffMs: () => 50,
    });
    worker.start();
    try {
      const deadline = Date.now() + 20_000;
      for (;;) {
        await worker.drain();
        const [row] = await h.runtime.store.db.query<{ open: number }>(
          `SELECT count(*)::int AS open FROM notice_deliveries WHERE state IN ('pending', 'sending')`,
        );
        if (Number(row!.open) === 0) return;
        if (Date.now() > deadline) throw new Error('deliveries still open');
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await worker.stop();
    }
  }

  async function pendingGroup(title: string): Promise<{ id: string; platform: string }> {
    const res = await h.request('GET', '/api/notice-groups?status=pending', { token: officer });
    const group = res.body.items.find((g: { title: string }) => g.title === title);
    expect(group, `pending group "${title}"`).toBeDefined();
    return group;
  }

  async function approve(id: string, village: string, tags: string[]): Promise<void> {
    const res = await h.request('POST', `/api/notice-groups/${id}/approve`, {
      token: officer,
      json: { village, tags },
    });
    expect(res.status).toBe(200);
  }

  async function send(title: string, targets: object): Promise<string> {
    const res = await h.request('POST', '/api/notices', {
      token: officer,
      json: { title, body: 'Kính mời bà con theo dõi thông báo.', targets },
    });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  async function ledger(id: string) {
    const res = await h.request('GET', `/api/notices/${id}`, { token: officer });
    return res.body as {
      totals: Record<string, number>;
      items: Array<{
        group: string;
        state: string;
        messageIds: string[];
        error: string | null;
        possibleDuplicate: boolean;
      }>;
    };
  }

  it('posts into configured GMF groups; a disabled group becomes inactive, throttling waits, a timeout is retried and flagged', async () => {
    oa.addGroup('7001');
    oa.addGroup('7002', 'disabled');
    oa.addGroup('7003');
    oa.addGroup('7004');
    const dong = await pendingGroup('Nhóm Zalo thôn Đông');
    expect(dong.platform).toBe('zalo-oa');
    const others = await Promise.all(
      ['7002', '7003', '7004'].map((id) => pendingGroup(`Nhóm Zalo OA ${id}`)),
    );
    await approve(dong.id, 'Thôn Đông', ['gmf']);
    for (const [i, g] of others.entries()) await approve(g.id, `Thôn OA ${i + 2}`, ['gmf']);
    oa.failGroupNext('7003', 2001, 'Application has been throttled');
    oa.stallGroupNext('7004', { deliver: true, holdMs: 4000 });

    const id = await send('Lịch tiêm chủng tháng 12', { tags: ['gmf'] });
    await deliverAll();
    const result = await ledger(id);
    expect(result.totals).toMatchObject({ total: 4, sent: 3, failed: 1, pending: 0 });
    const byGroup = new Map(result.items.map((i) => [i.group, i]));
    expect(byGroup.get('Nhóm Zalo OA 7002')!.error).toMatch(/bị xoá|bị chặn/);
    const inactive = await h.request('GET', '/api/notice-groups?status=inactive', {
      token: officer,
    });
    expect(inactive.body.items.map((g: { title: string }) => g.title)).toContain(
      'Nhóm Zalo OA 7002',
    );
    // Ledger ⇔ the fake's log: each recorded id is a message the group shows.
    for (const [groupId, title] of [
      ['7001', 'Nhóm Zalo thôn Đông'],
      ['7003', 'Nhóm Zalo OA 7003'],
      ['7004', 'Nhóm Zalo OA 7004'],
    ] as const) {
      const shown = oa.groupMessages.filter((m) => m.groupId === groupId).map((m) => m.messageId);
      expect(shown).toContain(byGroup.get(title)!.messageIds[0]);
    }
    expect(oa.groupTexts('7001')).toHaveLength(1);
    expect(oa.groupTexts('7001')[0]).toMatch(/^LỊCH TIÊM CHỦNG THÁNG 12/);
    expect(oa.groupTexts('7002')).toHaveLength(0);
    expect(oa.groupTexts('7003')).toHaveLength(1);
    // Timed out but posted: Zalo cannot de-duplicate, so the retry doubled it — and the ledger says so.
    expect(oa.groupTexts('7004')).toHaveLength(2);
    expect(byGroup.get('Nhóm Zalo OA 7004')).toMatchObject({ possibleDuplicate: true });
    expect(byGroup.get('Nhóm Zalo thôn Đông')).toMatchObject({ possibleDuplicate: false });

    // A group dropped from ZALO_OA_GROUP_IDS stops receiving.
    await h.runtime.groupRegistry.syncConfigured('zalo-oa', [
      { chatId: '7001', title: 'Nhóm Zalo thôn Đông' },
    ]);
    const after = await h.request('GET', '/api/notice-groups?status=inactive', { token: officer });
    expect(after.body.items.map((g: { title: string }) => g.title)).toContain('Nhóm Zalo OA 7003');
  });

  it('records a Zalo Bot group when it mentions the bot, posts into it, and obeys 429 and a gone chat', async () => {
    // Zalo's ids are opaque hex strings; a group with no name is titled by the end of its id.
    const tay = 'e4ea2cd5189df1c3a8a1';
    const bac = 'e4ea2cd5189df1c3a8b2';
    zbot.pushUpdate(
      zaloUpdates.text('u-hung', '@bot xin chào', { chatType: 'GROUP', chatId: tay }),
    );
    zbot.pushUpdate(zaloUpdates.text('u-lan', '@bot chào', { chatType: 'GROUP', chatId: bac }));
    await zbot.waitFor(() => zbot.callsOf('getUpdates').length >= 3, 10_000);
    const deadline = Date.now() + 10_000;
    let groups: Array<{ id: string; title: string; platform: string }> = [];
    while (groups.length < 2 && Date.now() < deadline) {
      const res = await h.request('GET', '/api/notice-groups?status=pending', { token: officer });
      groups = res.body.items.filter((g: { platform: string }) => g.platform === 'zalo-bot');
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(groups.map((g) => g.title).sort()).toEqual(['Nhóm Zalo c3a8a1', 'Nhóm Zalo c3a8b2']);
    const byTitle = new Map(groups.map((g) => [g.title, g.id]));
    await approve(byTitle.get('Nhóm Zalo c3a8a1')!, 'Thôn Tây', ['zb', 'zb-tay']);
    await approve(byTitle.get('Nhóm Zalo c3a8b2')!, 'Thôn Tây', ['zb']);
    // The bot answered both mentions in the groups before the scripted failures below.
    await zbot.waitFor(() => zbot.textsTo(tay).length > 0 && zbot.textsTo(bac).length > 0);

    zbot.rateLimitNext('sendMessage', 1);
    const first = await send('Họp thôn Tây', { tags: ['zb-tay'] });
    await deliverAll();
    expect((await ledger(first)).totals).toMatchObject({ total: 1, sent: 1 });
    const tries = zbot
      .callsOf('sendMessage')
      .filter((c) => c.body.chat_id === tay && String(c.body.text).startsWith('HỌP'));
    // The first try met the 429; the one after the wait went through.
    expect(tries).toHaveLength(2);
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(900);

    zbot.failChat(bac, 404, 'Chat not found');
    const second = await send('Họp cả hai thôn', { tags: ['zb'] });
    await deliverAll();
    expect((await ledger(second)).totals).toMatchObject({ total: 2, sent: 1, failed: 1 });
    expect(zbot.textsTo(bac).filter((t) => t.startsWith('HỌP'))).toEqual([
      expect.stringMatching(/^HỌP CẢ HAI THÔN/),
    ]);
    const inactive = await h.request('GET', '/api/notice-groups?status=inactive', {
      token: officer,
    });
    expect(inactive.body.items.map((g: { title: string }) => g.title)).toContain(
      'Nhóm Zalo c3a8b2',
    );
  });

  it('a resident subscribes in the Zalo Bot chat with /dangky (commune by name, village by number) and gets the village notices', async () => {
    const say = async (text: string) => {
      const before = zbot.textsTo('u-mai').length;
      zbot.pushUpdate(zaloUpdates.text('u-mai', text));
      await zbot.waitFor(() => zbot.textsTo('u-mai').length > before, 10_000);
      return zbot.textsTo('u-mai').at(-1)!;
    };
    expect(await say('/dangky')).toMatch(/xã\/phường nào/);
    // Accents optional; the old Minh Sơn of Triệu Sơn district now lies in Xã Triệu Sơn.
    const communes = await say('minh son');
    expect(communes.split('\n').slice(1)).toEqual([
      '1. Xã Minh Sơn',
      '2. Xã Triệu Sơn (có Xã Minh Sơn cũ, huyện Triệu Sơn)',
    ]);
    const villages = await say('1');
    expect(villages).toMatch(/thôn\/tổ dân phố nào của Xã Minh Sơn/);
    const lines = villages.split('\n');
    const dong = lines.find((l) => l.endsWith('. Thôn Đông'))!;
    expect(lines.at(-1)).toBe('0. Mọi thông báo của xã (mọi thôn)');
    expect(await say(dong.split('.')[0]!)).toMatch(
      /Đã đăng ký nhận thông báo của Thôn Đông, Xã Minh Sơn/,
    );

    const id = await send('Thu gom rác thôn Đông', { villages: ['Thôn Đông'] });
    await deliverAll();
    const result = await ledger(id);
    expect(result.items.map((i) => i.state).sort()).toEqual(['sent', 'sent']);
    expect(zbot.textsTo('u-mai').at(-1)).toMatch(/^THU GOM RÁC THÔN ĐÔNG/);

    expect(await say('/huy')).toMatch(/Đã thôi nhận thông báo/);
    const next = await send('Thu gom rác lần 2', { villages: ['Thôn Đông'] });
    await deliverAll();
    expect((await ledger(next)).totals.total).toBe(1);
  });
});
