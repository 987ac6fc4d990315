/**
 * Defect 10 of the security probe: `notify: {channel: "telegram", recipient: "424242"}` made the bot
 * send the receipt (and later the officers' notes) to any chat. A notification chat must now be proved:
 * the resident gets a one-time code from the API, the code comes back from the chat (Telegram deep
 * link `/start <code>`, or `/lienket <code>`), and only then do notices go there. Driven over HTTP and
 * through a REAL telegraf bot talking to the local Telegram-shaped server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResponder } from '../../../bot/channels/shared/responder.js';
import {
  createTelegramBot,
  type TelegramBot,
} from '../../../bot/channels/telegram/create-telegram-bot.js';
import { TelegramSender } from '../../../bot/channels/telegram/telegram-sender.js';
import { silentLogger } from '../../../common/logger.js';
import { newKey, startHarness, type Harness } from '../../support/api-harness.js';
import {
  COMMUNE_X,
  inlineBirthCertificate,
  khaiSinhPayload,
} from '../../support/dossier-fixtures.js';
import { FakeTelegramServer, tgUpdates, visibleText } from '../../support/fake-telegram-server.js';
import { FakeConversation } from '../../bot/channels/fake-conversation.js';

let fake: FakeTelegramServer;
let bot: TelegramBot;
let h: Harness;
let officer: string;

beforeAll(async () => {
  fake = await FakeTelegramServer.start();
  bot = createTelegramBot({
    token: fake.token,
    apiRoot: fake.url,
    respond: createResponder({
      conversation: new FakeConversation(),
      logger: silentLogger,
      rateLimit: { burst: 100, perMinute: 100 },
      // The API's port, as scripts/start.ts wires it (the harness starts after the bot).
      links: { link: (request) => h.runtime.chatLinks.link(request) },
    }),
    logger: silentLogger,
  });
  bot.bot.botInfo = {
    ...fake.botUser,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  } as never;
  h = await startHarness({
    runtime: {
      senders: [new TelegramSender(bot.outbox)],
      telegramBotUsername: fake.botUser.username,
    },
  });
  officer = await h.officer(COMMUNE_X); // the commune must have an officer to accept dossiers
});

afterAll(async () => {
  await h?.close();
  await fake?.stop();
});

/** What the chat shows, as plain text. */
const chatText = (chatId: number) =>
  fake
    .deliveredTo(chatId)
    .map((m) => visibleText(m.text))
    .join('\n---\n');

/** A resident types `text` in a private chat with the bot. */
async function say(chatId: number, text: string): Promise<string> {
  const before = fake.deliveredTo(chatId).length;
  await bot.bot.handleUpdate(tgUpdates.privateText(chatId, text) as never);
  const mine = fake.deliveredTo(chatId).slice(before);
  return mine.map((m) => visibleText(m.text)).join('\n');
}

async function submit(token: string, notify: Record<string, unknown>) {
  return h.request('POST', '/api/dossiers', {
    token,
    json: { ...khaiSinhPayload({ notify } as never), attachments: [inlineBirthCertificate()] },
    headers: { 'idempotency-key': newKey() },
  });
}

async function linkCode(token: string) {
  const res = await h.request('POST', '/api/me/notify-links', {
    token,
    json: { channel: 'telegram' },
  });
  expect(res.status).toBe(201);
  return res.body as { code: string; url: string; command: string; expiresAt: string };
}

describe('notification chats must be proved (defect 10)', () => {
  it('refuses a typed recipient with a Vietnamese 400, and the bot messages nobody', async () => {
    const resident = await h.resident('Người thử');
    const typed = await submit(resident, { channel: 'telegram', recipient: '424242' });
    expect(typed.status).toBe(400);
    expect(typed.body.error.code).toBe('NOTIFY_NOT_PROVEN');
    expect(typed.body.error.message).toMatch(/Không gửi thông báo tới mã người nhận nhập tay/);
    expect(typed.body.error.fields['notify.recipient']).toBeTruthy();

    // A channel chosen but never linked: refused too, saying what to do.
    const unlinked = await submit(resident, { channel: 'telegram' });
    expect(unlinked.status).toBe(400);
    expect(unlinked.body.error.fields['notify.channel']).toMatch(/chưa liên kết Telegram/);

    // Older clients that send `none` keep working.
    const none = await submit(resident, { channel: 'none' });
    expect(none.status).toBe(201);

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.deliveredTo(424242)).toEqual([]);
    expect(fake.callsOf('sendMessage').filter((c) => String(c.body.chat_id) === '424242')).toEqual(
      [],
    );
  });

  it('links a chat through the Telegram deep link, then sends the receipt and officers’ notes there', async () => {
    const resident = await h.resident('Lê Văn An');
    const before = await h.request('GET', '/api/me/notify-channels', { token: resident });
    expect(before.body.items).toEqual([
      expect.objectContaining({ channel: 'telegram', available: true, linked: false }),
    ]);

    const issued = await linkCode(resident);
    expect(issued.code).toMatch(/^[A-Z2-9]{12}$/);
    expect(issued.url).toBe(`https://t.me/${fake.botUser.username}?start=${issued.code}`);
    // Opening the deep link makes Telegram send `/start <code>` from the resident's chat.
    const start = new URL(issued.url).searchParams.get('start');
    expect(await say(5151, `/start ${start}`)).toMatch(/^Đã liên kết cuộc trò chuyện này/);

    const after = await h.request('GET', '/api/me/notify-channels', { token: resident });
    expect(after.body.items[0]).toMatchObject({ channel: 'telegram', linked: true });

    const filed = await submit(resident, { channel: 'telegram' });
    expect(filed.status).toBe(201);
    const reference = filed.body.dossier.reference as string;
    expect(filed.body.dossier.notify).toEqual({ channel: 'telegram', recipient: '5151' });
    await fake.waitFor(() => chatText(5151).includes(reference));

    const moved = await h.request('POST', `/api/dossiers/${reference}/transitions`, {
      token: officer,
      json: { to: 'DUOC_TIEP_NHAN', note: 'Hồ sơ đủ, hẹn trả đúng ngày.' },
    });
    expect(moved.status).toBe(200);
    await fake.waitFor(() => chatText(5151).includes('đã được tiếp nhận'));

    // Echoing the proved chat back (an older client) is accepted; any other id is not.
    expect((await submit(resident, { channel: 'telegram', recipient: '5151' })).status).toBe(201);
    expect((await submit(resident, { channel: 'telegram', recipient: '5152' })).status).toBe(400);
  });

  it('refuses a reused, expired, unknown or group-chat code, and a chat that keeps guessing', async () => {
    const resident = await h.resident('Trần Thị Bình');
    const { code } = await linkCode(resident);
    expect(await say(6161, `/lienket ${code.toLowerCase().replace(/(.{4})/g, '$1 ')}`)).toMatch(
      /^Đã liên kết/,
    );
    // The same code again, from another chat: used once, never again.
    expect(await say(6262, `/lienket ${code}`)).toMatch(/đã được dùng/);
    const view = await h.request('GET', '/api/me/notify-channels', { token: resident });
    expect(view.body.items[0].linked).toBe(true);
    const filed = await submit(resident, { channel: 'telegram' });
    expect(filed.body.dossier.notify.recipient).toBe('6161');

    // A code past its 15 minutes is refused.
    const late = await linkCode(resident);
    h.clock.offsetMs += 16 * 60_000;
    try {
      expect(await say(6363, `/start ${late.code}`)).toMatch(/đã hết hạn/);
    } finally {
      h.clock.offsetMs -= 16 * 60_000;
    }

    // A group chat cannot be linked: dossier notices carry personal data.
    const group = await linkCode(resident);
    expect(
      (
        await h.runtime.chatLinks.link({
          channel: 'telegram',
          chatId: '-100777',
          senderKey: '77',
          code: group.code,
        })
      ).reply,
    ).toMatch(/cuộc trò chuyện riêng/);

    expect(await say(6464, '/lienket')).toMatch(/lấy mã liên kết trong Mini App/);
    for (let i = 0; i < 10; i++) {
      expect(await say(6464, `/lienket ABCDEFGHJKMN`)).toMatch(/Mã liên kết không đúng/);
    }
    // Past ten wrong codes the chat is told to wait, even with a right code.
    const right = await linkCode(resident);
    expect(await say(6464, `/lienket ${right.code}`)).toMatch(/nhập sai mã liên kết nhiều lần/);

    // Nothing was ever sent to a chat that did not prove itself, except the bot's own replies.
    for (const chat of [6262, 6363, 6464])
      expect(chatText(chat)).not.toMatch(/Mã hồ sơ|biên nhận/i);

    // Unlinking stops notices on that chat.
    const removed = await h.request('DELETE', '/api/me/notify-channels/telegram', {
      token: resident,
    });
    expect(removed.status).toBe(204);
    expect((await submit(resident, { channel: 'telegram' })).status).toBe(400);
  });

  it('asks for a sign-in to get a code, and says when a channel is not running', async () => {
    expect(
      (await h.request('POST', '/api/me/notify-links', { json: { channel: 'telegram' } })).status,
    ).toBe(401);
    const resident = await h.resident();
    const zalo = await h.request('POST', '/api/me/notify-links', {
      token: resident,
      json: { channel: 'zalo' },
    });
    expect(zalo.status).toBe(400);
    expect(zalo.body.error.code).toBe('CHANNEL_UNAVAILABLE');
  });
});
