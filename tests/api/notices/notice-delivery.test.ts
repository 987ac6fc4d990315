/**
 * Notices to village groups, end to end over HTTP: a REAL telegraf bot reports the groups it joins
 * (my_chat_member) into the registry, an officer approves them, sends a notice, and the delivery
 * worker posts it through the Telegram group adapter into the local Telegram-shaped server, which is
 * scripted to answer 429 retry_after, 403, migrate_to_chat_id and timeouts. The ledger and the
 * server's log of delivered messages must agree message for message.
 */
import { Telegraf } from 'telegraf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelegramGroupSender } from '../../../bot/channels/telegram/telegram-group-sender.js';
import {
  createTelegramBot,
  type TelegramBot,
} from '../../../bot/channels/telegram/create-telegram-bot.js';
import { silentLogger } from '../../../common/logger.js';
import { startHarness, type Harness } from '../../support/api-harness.js';
import { FakeTelegramServer, tgUpdates } from '../../support/fake-telegram-server.js';

const COMMUNE = '15124';

describe('notices to village groups (Telegram)', () => {
  let fake: FakeTelegramServer;
  let h: Harness;
  let bot: TelegramBot;
  let officer: string;

  beforeAll(async () => {
    fake = await FakeTelegramServer.start();
    const telegraf = new Telegraf(fake.token, { telegram: { apiRoot: fake.url } });
    h = await startHarness({
      env: { PUBLIC_BASE_URL: 'https://motcua.example.vn' },
      runtime: {
        groupSenders: [new TelegramGroupSender(telegraf.telegram)],
        noticeWorkerOptions: {
          pollIntervalMs: 50,
          sendTimeoutMs: 2000,
          leaseMs: 3000,
          backoffMs: () => 100,
        },
      },
    });
    bot = createTelegramBot({
      token: fake.token,
      apiRoot: fake.url,
      respond: async () => null,
      logger: silentLogger,
      groups: h.runtime.groupRegistry,
    });
    bot.bot.botInfo = {
      ...fake.botUser,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
    } as never;
    officer = await h.officer(COMMUNE);
  });

  afterAll(async () => {
    await h?.close();
    await fake?.stop();
  });

  async function join(chatId: number, title: string) {
    await bot.bot.handleUpdate(tgUpdates.myChatMember(chatId, title, 'member') as never);
    const groups = await h.request('GET', '/api/notice-groups?status=pending', { token: officer });
    const group = groups.body.items.find((g: { title: string }) => g.title === title);
    expect(group, `pending group ${title}`).toBeDefined();
    return group.id as string;
  }

  async function approve(id: string, village: string, tags: string[] = []) {
    const res = await h.request('POST', `/api/notice-groups/${id}/approve`, {
      token: officer,
      json: { village, tags },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'approved', communeCode: COMMUNE, village });
  }

  async function settled(noticeId: string, timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await h.request('GET', `/api/notices/${noticeId}`, { token: officer });
      if (res.body.totals.pending === 0) return res.body;
      if (Date.now() > deadline)
        throw new Error(`ledger not settled: ${JSON.stringify(res.body.totals)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('records a group the bot is added to as pending, with its title, and marks it inactive when kicked', async () => {
    const id = await join(-501, 'Nhóm thôn Bắc');
    await approve(id, 'Thôn Bắc');
    await bot.bot.handleUpdate(tgUpdates.myChatMember(-501, 'Nhóm thôn Bắc', 'kicked') as never);
    const res = await h.request('GET', '/api/notice-groups?status=inactive', { token: officer });
    expect(res.body.items.map((g: { id: string }) => g.id)).toContain(id);
    // Re-added later: back to approved in the same village, no new approval needed.
    await bot.bot.handleUpdate(tgUpdates.myChatMember(-501, 'Nhóm thôn Bắc', 'member') as never);
    const again = await h.request('GET', '/api/notice-groups?status=approved', { token: officer });
    expect(again.body.items.find((g: { id: string }) => g.id === id)).toMatchObject({
      village: 'Thôn Bắc',
    });
    // Another commune's officer sees pending groups but not this commune's approved ones.
    const other = await h.officer('15127');
    const theirs = await h.request('GET', '/api/notice-groups', { token: other });
    expect(theirs.body.items.map((g: { id: string }) => g.id)).not.toContain(id);
  });

  it('delivers through 429, 403, a supergroup migration and timeouts; the ledger matches what the groups received', async () => {
    const plain = await join(-601, 'Thôn Đông');
    const limited = await join(-602, 'Thôn Tây');
    const removed = await join(-603, 'Thôn Nam');
    const migrating = await join(-604, 'Thôn Trung');
    const lostInTransit = await join(-605, 'Thôn Thượng');
    const acceptedSlow = await join(-606, 'Thôn Hạ');
    for (const [id, village] of [
      [plain, 'Thôn Đông'],
      [limited, 'Thôn Tây'],
      [removed, 'Thôn Nam'],
      [migrating, 'Thôn Trung'],
      [lostInTransit, 'Thôn Thượng'],
      [acceptedSlow, 'Thôn Hạ'],
    ] as const) {
      await approve(id, village, ['ca-xa']);
    }
    fake.rateLimitChat(-602, 1);
    fake.blockChat(-603);
    fake.migrateChat(-604, -1009990604);
    fake.stallNext({ chatId: -605, deliver: false, holdMs: 3000 });
    fake.stallNext({ chatId: -606, deliver: true, holdMs: 3000 });

    const started = Date.now();
    const created = await h.request('POST', '/api/notices', {
      token: officer,
      json: {
        title: 'Họp thôn tháng 12',
        body: 'Kính mời đại diện các hộ dự họp lúc 19h30 tối thứ Sáu tại nhà văn hoá thôn.',
        targets: { tags: ['ca-xa'] },
      },
    });
    expect(created.status).toBe(201);
    const ledger = await settled(created.body.id);
    const byGroup = new Map(ledger.items.map((i: { groupId: string }) => [i.groupId, i]));

    expect(ledger.totals).toMatchObject({ total: 6, sent: 5, failed: 1, pending: 0 });
    expect(byGroup.get(removed)).toMatchObject({ state: 'failed', stateLabel: 'Không gửi được' });
    expect(String((byGroup.get(removed) as { error: string }).error)).toMatch(/bị xoá|bị chặn/);
    const groups = await h.request('GET', '/api/notice-groups?status=inactive', { token: officer });
    expect(groups.body.items.map((g: { id: string }) => g.id)).toContain(removed);

    // 429: the group waited its retry_after before the message went through.
    const tay = fake.deliveredTo(-602);
    expect(tay).toHaveLength(1);
    expect(tay[0]!.at - started).toBeGreaterThanOrEqual(1000);

    // Migration: stored under the new id and delivered there, nothing to the old id.
    expect(fake.deliveredTo(-604)).toHaveLength(0);
    expect(fake.deliveredTo(-1009990604)).toHaveLength(1);
    const [row] = await h.runtime.store.db.query<{ chat_id: string }>(
      'SELECT chat_id FROM notice_groups WHERE id = $1',
      [migrating],
    );
    expect(row!.chat_id).toBe('-1009990604');

    // Timeouts: from our side a send that timed out may or may not have arrived, and Telegram cannot
    // de-duplicate a resend. Both are retried (never lost) and flagged in the ledger; the server's
    // log shows one really arrived once and the other twice.
    expect(fake.deliveredTo(-605)).toHaveLength(1);
    expect(byGroup.get(lostInTransit)).toMatchObject({ state: 'sent', possibleDuplicate: true });
    expect(fake.deliveredTo(-606)).toHaveLength(2);
    expect(byGroup.get(acceptedSlow)).toMatchObject({ state: 'sent', possibleDuplicate: true });
    expect(byGroup.get(plain)).toMatchObject({ state: 'sent', possibleDuplicate: false });
    expect(ledger.totals.possibleDuplicates).toBe(2);

    // Ledger ⇔ server log: every message id in the ledger is a message the group shows, in that group.
    for (const item of ledger.items as Array<{
      groupId: string;
      state: string;
      messageIds: string[];
    }>) {
      const [g] = await h.runtime.store.db.query<{ chat_id: string }>(
        'SELECT chat_id FROM notice_groups WHERE id = $1',
        [item.groupId],
      );
      const shown = fake.deliveredTo(g!.chat_id).map((m) => String(m.messageId));
      if (item.state === 'sent') {
        expect(item.messageIds).toHaveLength(1);
        expect(shown).toContain(item.messageIds[0]);
        // The last message a group shows is the one recorded (an unrecorded earlier copy is the flagged duplicate).
        expect(shown.at(-1)).toBe(item.messageIds[0]);
      } else {
        expect(shown).toHaveLength(0);
      }
    }
    // The message as the group sees it: title in bold, the public page linked.
    const shownText = fake.deliveredTo(-601)[0]!.text;
    expect(shownText).toContain('Họp thôn tháng 12');
    expect(shownText).toContain(`https://motcua.example.vn/n/${created.body.publicId}`);
    const call = fake.callsOf('sendMessage').find((c) => c.body.chat_id === '-601');
    expect(String(call!.body.text)).toMatch(/^<b>Họp thôn tháng 12<\/b>/);
  });

  it('keeps Telegram under 20 messages a minute per group: the 21st waits for the next minute', async () => {
    const id = await join(-901, 'Thôn Bận');
    await approve(id, 'Thôn Bận', ['ban']);
    const ids: string[] = [];
    for (let i = 1; i <= 21; i++) {
      const res = await h.request('POST', '/api/notices', {
        token: officer,
        json: { title: `Tin số ${i}`, body: `Nội dung tin số ${i}.`, targets: { tags: ['ban'] } },
      });
      ids.push(res.body.id);
    }
    await fake.waitFor(() => fake.deliveredTo(-901).length >= 20, 90_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(fake.deliveredTo(-901)).toHaveLength(20);
    const pending = [];
    for (const noticeId of ids) {
      const res = await h.request('GET', `/api/notices/${noticeId}`, { token: officer });
      if (res.body.totals.pending > 0) pending.push(noticeId);
    }
    expect(pending).toHaveLength(1);
  }, 180_000);

  it('previews each platform within its limits, splitting long notices', async () => {
    const id = await join(-701, 'Thôn Dài');
    await approve(id, 'Thôn Dài', ['dai']);
    const long = Array.from(
      { length: 6 },
      (_, i) => `Đoạn ${i + 1}: ${'thông tin chi tiết '.repeat(28)}`,
    ).join('\n\n');
    const preview = await h.request('POST', '/api/notices/preview', {
      token: officer,
      json: { title: 'Thông báo dài', body: long, targets: { tags: ['dai'] } },
    });
    expect(preview.status).toBe(200);
    const tg = preview.body.platforms.find((p: { target: string }) => p.target === 'telegram');
    expect(tg.parts.length).toBe(1);
    const zalo = preview.body.platforms.find((p: { target: string }) => p.target === 'zalo-oa');
    expect(zalo.parts.length).toBeGreaterThan(1);
    expect(Math.max(...zalo.lengths)).toBeLessThanOrEqual(2000);
    expect(zalo.notes.join(' ')).toMatch(/tin nhắn liên tiếp/);
    expect(preview.body.recipients).toMatchObject({ total: 1, byPlatform: { telegram: 1 } });
  });

  it('schedules, cancels before it goes, and refuses to cancel after', async () => {
    const id = await join(-801, 'Thôn Hẹn');
    await approve(id, 'Thôn Hẹn');
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await h.request('POST', '/api/notices', {
      token: officer,
      json: {
        title: 'Tiêm chủng',
        body: 'Sáng thứ Hai tiêm chủng tại trạm y tế.',
        targets: { villages: ['Thôn Hẹn'] },
        sendAt: later,
      },
    });
    expect(scheduled.status).toBe(201);
    expect(scheduled.body.status).toBe('scheduled');
    // Not public and not sent before its time.
    expect((await h.request('GET', `/n/${scheduled.body.publicId}`)).status).toBe(404);
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.deliveredTo(-801)).toHaveLength(0);
    const cancel = await h.request('POST', `/api/notices/${scheduled.body.id}/cancel`, {
      token: officer,
    });
    expect(cancel.status).toBe(200);
    expect(cancel.body.status).toBe('cancelled');

    const now = await h.request('POST', '/api/notices', {
      token: officer,
      json: { title: 'Gửi ngay', body: 'Nội dung gửi ngay.', targets: { villages: ['Thôn Hẹn'] } },
    });
    await settled(now.body.id);
    const late = await h.request('POST', `/api/notices/${now.body.id}/cancel`, { token: officer });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/không thể huỷ/);
    expect(fake.deliveredTo(-801)).toHaveLength(1);
  });

  it('refuses bad input with Vietnamese field errors and is idempotent per key', async () => {
    const bad = await h.request('POST', '/api/notices', {
      token: officer,
      json: { title: '', body: 'x', targets: {}, linkUrl: 'javascript:alert(1)' },
    });
    expect(bad.status).toBe(400);
    expect(Object.values(bad.body.error.fields).join(' ')).toMatch(/tiêu đề|nơi nhận|liên kết/i);
    const body = {
      title: 'Một lần',
      body: 'Chỉ một lần.',
      targets: { villages: ['Không có thôn này'] },
    };
    const a = await h.request('POST', '/api/notices', {
      token: officer,
      json: body,
      headers: { 'idempotency-key': 'khoa-12345678' },
    });
    const b = await h.request('POST', '/api/notices', {
      token: officer,
      json: body,
      headers: { 'idempotency-key': 'khoa-12345678' },
    });
    expect(a.status).toBe(201);
    expect(b.status).toBe(200);
    expect(b.body.id).toBe(a.body.id);
    const resident = await h.resident();
    expect((await h.request('POST', '/api/notices', { token: resident, json: body })).status).toBe(
      403,
    );
  });

  it('share kit: public page, QR code, CSV ledger, and the team lead marks it shared', async () => {
    const kit = await h.request('POST', '/api/notice-groups/share-kit', {
      token: officer,
      json: { title: 'Zalo Thôn Xuân <b>', adminName: 'Lê Thị Hoa', village: 'Thôn Xuân' },
    });
    expect(kit.status).toBe(201);
    const created = await h.request('POST', '/api/notices', {
      token: officer,
      json: {
        title: 'Nộp thuế đất',
        body: 'Hạn nộp thuế sử dụng đất phi nông nghiệp là 31/12. <script>x</script>',
        targets: { villages: ['Thôn Xuân'] },
      },
    });
    const ledger = await settled(created.body.id);
    expect(ledger.totals).toMatchObject({ total: 1, shareKit: 1 });
    const item = ledger.items[0];
    expect(item).toMatchObject({ state: 'share-kit', adminName: 'Lê Thị Hoa' });

    const pageRes = await h.request('GET', `/n/${created.body.publicId}`);
    expect(pageRes.status).toBe(200);
    expect(pageRes.text).toContain('Nộp thuế đất');
    expect(pageRes.text).toContain('&lt;script&gt;');
    expect(pageRes.text).not.toContain('<script>x');
    const qr = await fetch(`${h.baseUrl}/n/${created.body.publicId}/qr.png`);
    expect(qr.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await qr.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    const id: string = created.body.publicId;
    const wrong = `${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}`;
    expect((await h.request('GET', `/n/${wrong}`)).status).toBe(404);

    const link = new URL(item.shareLink);
    const lead = await h.request('GET', link.pathname);
    expect(lead.text).toContain('Tôi đã chia sẻ vào nhóm');
    expect(lead.text).toContain(`/n/${created.body.publicId}`);
    await h.request('POST', link.pathname);
    const after = await h.request('GET', `/api/notices/${created.body.id}`, { token: officer });
    expect(after.body.items[0]).toMatchObject({
      state: 'shared',
      stateLabel: 'Đã chia sẻ',
      sharedBy: 'Lê Thị Hoa',
    });

    const csv = await h.request('GET', `/api/notices/${created.body.id}/ledger.csv`, {
      token: officer,
    });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.text).toContain('Trạng thái');
    expect(csv.text).toContain('Đã chia sẻ');
  });

  it('a resident subscribes in a private chat and gets the village notices', async () => {
    await bot.bot.handleUpdate(
      tgUpdates.privateText(90001, `/nhantin ${COMMUNE} Thôn Sen`) as never,
    );
    const reply = fake.callsOf('sendMessage').at(-1)!;
    expect(reply.body.chat_id).toBe('90001');
    expect(String(reply.body.text)).toMatch(/Đã đăng ký nhận thông báo của Thôn Sen/);
    const created = await h.request('POST', '/api/notices', {
      token: officer,
      json: {
        title: 'Lịch thu gom rác',
        body: 'Thu gom rác vào sáng thứ Ba hằng tuần.',
        targets: { villages: ['Thôn Sen'] },
      },
    });
    await settled(created.body.id);
    expect(
      fake
        .deliveredTo(90001)
        .map((m) => m.text)
        .join(),
    ).toContain('Lịch thu gom rác');
    await bot.bot.handleUpdate(tgUpdates.privateText(90001, '/huynhantin') as never);
    expect(String(fake.callsOf('sendMessage').at(-1)!.body.text)).toMatch(/thôi nhận/);
  });
});
