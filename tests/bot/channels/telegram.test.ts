import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../common/config.js';
import { DeliveryError, type PublicStatusLookup } from '../../../common/dossier-contracts.js';
import { createLogger } from '../../../common/logger.js';
import { startBots, type Bots } from '../../../bot/main.js';
import {
  FakeTelegramServer,
  tgUpdates,
  visibleText,
  type TelegramCall,
} from '../../support/fake-telegram-server.js';
import { BIRTH_CHOICES, FakeConversation, LONG_TEXT } from './fake-conversation.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Setup {
  fake: FakeTelegramServer;
  bots: Bots;
  conversation: FakeConversation;
  logs: string[];
}

async function setup(
  env: Record<string, string> = {},
  statusLookup?: PublicStatusLookup,
): Promise<Setup> {
  const fake = await FakeTelegramServer.start({ maxHoldMs: 2000 });
  cleanups.push(() => fake.stop());
  const conversation = new FakeConversation();
  const logs: string[] = [];
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.url,
    ...env,
  });
  const bots = await startBots(
    config,
    {
      conversation,
      logger: createLogger({ write: (line) => logs.push(line) }),
      ...(statusLookup ? { statusLookup } : {}),
    },
    { telegram: { outbox: { secondMs: 30 } } },
  );
  cleanups.push(() => bots.stop());
  return { fake, bots, conversation, logs };
}

const sends = (fake: FakeTelegramServer, chatId?: number | string) =>
  fake
    .callsOf('sendMessage')
    .filter((c) => chatId === undefined || String(c.body.chat_id) === String(chatId));

async function nextReply(
  fake: FakeTelegramServer,
  chatId: number,
  count = 1,
): Promise<TelegramCall[]> {
  const before = sends(fake, chatId).length;
  await fake.waitFor(() => sends(fake, chatId).length >= before + count);
  return sends(fake, chatId).slice(before);
}

/** The message object the fake returned for a sendMessage call, as Telegram would show it. */
function sentMessage(call: TelegramCall, id: number) {
  return {
    message_id: id,
    date: 0,
    chat: { id: Number(call.body.chat_id), type: 'private' },
    text: visibleText(String(call.body.text)),
    reply_markup: call.body.reply_markup,
  };
}

describe('Telegram bot (long polling against a fake Bot API)', () => {
  it('says which bot is on and greets a new resident on /start', async () => {
    const { fake, bots } = await setup();
    expect(bots.active).toEqual(['telegram (polling)']);
    await fake.waitFor((calls) => calls.some((c) => c.method === 'deleteWebhook'));
    const commands = fake.callsOf('setMyCommands')[0]!.body.commands;
    expect(commands).toContainEqual(expect.objectContaining({ command: 'hoso' }));
    // A resident who got a link code in the mini-app finds how to use it in the menu.
    expect(commands).toContainEqual(expect.objectContaining({ command: 'lienket' }));
    const pending = nextReply(fake, 501);
    fake.pushUpdate(tgUpdates.privateText(501, '/start'));
    const [reply] = await pending;
    expect(reply!.body.parse_mode).toBe('HTML');
    expect(reply!.body.text).toMatch(/^Xin chào! Tôi là Trợ lý Một cửa/);
  });

  it('offers clarifying choices as buttons and follows a press through to "Xem thêm"', async () => {
    const { fake, conversation } = await setup();
    let pending = nextReply(fake, 502);
    fake.pushUpdate(tgUpdates.privateText(502, 'làm giấy khai sinh cho con'));
    const [question] = await pending;
    expect(question!.body.text).toBe('Bạn muốn hỏi thủ tục nào dưới đây?');
    expect(question!.body.reply_markup).toEqual({
      inline_keyboard: BIRTH_CHOICES.map((c) => [{ text: c.label, callback_data: `p:${c.code}` }]),
    });

    pending = nextReply(fake, 502);
    const data = `p:${BIRTH_CHOICES[0]!.code}`;
    fake.pushUpdate(tgUpdates.callback(502, data, sentMessage(question!, 1000)));
    const [answer] = await pending;
    expect(fake.callsOf('answerCallbackQuery')).toHaveLength(1);
    expect(conversation.received.at(-1)).toMatchObject({
      channel: 'telegram',
      userId: '502',
      clientKey: expect.stringMatching(/^telegram:\d+$/),
      text: 'Đăng ký khai sinh',
      action: { type: 'pick', code: BIRTH_CHOICES[0]!.code },
    });
    // The picked option is marked on the question and its buttons go away.
    const edit = fake.callsOf('editMessageText')[0]!;
    expect(edit.body).toMatchObject({
      message_id: 1000,
      text: expect.stringMatching(/✅ Đăng ký khai sinh$/),
    });
    expect(edit.body.reply_markup).toBeUndefined();
    // The answer carries its source link and a "Xem thêm" button.
    expect(answer!.body.text).toContain(
      `Nguồn: <a href="https://dichvucong.gov.vn/p/${BIRTH_CHOICES[0]!.code}">`,
    );
    expect(answer!.body.reply_markup).toEqual({
      inline_keyboard: [[{ text: 'Xem thêm', callback_data: `m:${BIRTH_CHOICES[0]!.code}` }]],
    });

    pending = nextReply(fake, 502, 3);
    fake.pushUpdate(
      tgUpdates.callback(502, `m:${BIRTH_CHOICES[0]!.code}`, sentMessage(answer!, 1001)),
    );
    await pending;
    expect(conversation.received.at(-1)?.action).toEqual({
      type: 'more',
      code: BIRTH_CHOICES[0]!.code,
    });
  });

  it.each([
    [
      { PUBLIC_BASE_URL: 'https://motcua.example/' },
      'https://motcua.example/miniapp/#/apply/1.001193',
    ],
    [
      { PUBLIC_BASE_URL: 'https://motcua.example', ZALO_MINI_APP_ID: '1234567890' },
      'https://zalo.me/s/1234567890/?apply=1.001193',
    ],
  ])('an answer with an online form has a "Nộp hồ sơ" URL button (%o)', async (env, url) => {
    const { fake } = await setup(env);
    const pending = nextReply(fake, 506);
    fake.pushUpdate(tgUpdates.privateText(506, 'nộp hồ sơ khai sinh'));
    const [answer] = await pending;
    expect(answer!.body.reply_markup).toEqual({
      inline_keyboard: [
        [{ text: 'Nộp hồ sơ', url }],
        [{ text: 'Xem thêm', callback_data: 'm:1.001193' }],
      ],
    });
  });

  it('shows no "Nộp hồ sơ" button when no address of the mini-app is configured', async () => {
    const { fake } = await setup();
    const pending = nextReply(fake, 507);
    fake.pushUpdate(tgUpdates.privateText(507, 'nộp hồ sơ khai sinh'));
    const [answer] = await pending;
    expect(answer!.body.reply_markup).toEqual({
      inline_keyboard: [[{ text: 'Xem thêm', callback_data: 'm:1.001193' }]],
    });
  });

  it('escapes <, > and & in HTML mode so the text arrives exactly as written', async () => {
    const { fake } = await setup();
    const pending = nextReply(fake, 503);
    fake.pushUpdate(tgUpdates.privateText(503, 'ký tự đặc biệt'));
    const [reply] = await pending;
    expect(reply!.body.text).toBe(
      'Lệ phí &lt;10.000đ&gt; &amp; "miễn" cho hộ nghèo; &lt;script&gt;x&lt;/script&gt;',
    );
  });

  it('splits a long answer under 4,096 characters at paragraph breaks, losing nothing', async () => {
    const { fake } = await setup();
    const pending = nextReply(fake, 504, 3);
    fake.pushUpdate(tgUpdates.privateText(504, 'câu trả lời dài'));
    const parts = (await pending).map((c) => visibleText(String(c.body.text)));
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(4096);
      expect(part).toMatch(/^Đoạn \d+\./);
      expect(part).toMatch(/giấy chứng sinh\.$/);
    }
    expect(parts.join('\n\n')).toBe(LONG_TEXT);
  });

  it('in a group answers only when mentioned, replied to, or given a command', async () => {
    const { fake, bots, conversation } = await setup();
    const me = `@${fake.botUser.username}`;
    fake.pushUpdate(tgUpdates.groupText(-600, 7, 'hôm nay ai trực xã?'));
    fake.pushUpdate(tgUpdates.groupText(-600, 7, '/help@some_other_bot'));
    let pending = nextReply(fake, -600);
    fake.pushUpdate(tgUpdates.groupText(-600, 7, `${me} đăng ký kết hôn cần gì`));
    const [mentioned] = await pending;
    expect(mentioned!.body.text).toBe('Bạn hỏi: đăng ký kết hôn cần gì');
    expect(mentioned!.body.reply_parameters).toMatchObject({ allow_sending_without_reply: true });

    pending = nextReply(fake, -600);
    fake.pushUpdate(
      tgUpdates.groupText(-600, 8, 'còn lệ phí?', {
        reply_to_message: {
          message_id: 1,
          date: 0,
          chat: { id: -600, type: 'group' },
          from: fake.botUser,
          text: 'x',
        },
      }),
    );
    expect((await pending)[0]!.body.text).toBe('Bạn hỏi: còn lệ phí?');

    pending = nextReply(fake, -600);
    fake.pushUpdate(tgUpdates.groupText(-600, 9, `/help@${fake.botUser.username}`));
    expect((await pending)[0]!.body.text).toMatch(/^Cách dùng trợ lý/);

    expect(sends(fake, -600)).toHaveLength(3);
    expect(conversation.received.map((m) => m.text)).toEqual([
      'đăng ký kết hôn cần gì',
      'còn lệ phí?',
    ]);
    expect(bots.active).toHaveLength(1);
  });

  it('waits out a 429 retry_after and then delivers the reply', async () => {
    const { fake } = await setup();
    fake.rateLimitNext('sendMessage', 2);
    const pending = nextReply(fake, 505, 2);
    fake.pushUpdate(tgUpdates.privateText(505, 'xin chào'));
    const [refused, delivered] = await pending;
    expect(delivered!.body.text).toBe('Bạn hỏi: xin chào');
    expect(delivered!.at - refused!.at).toBeGreaterThanOrEqual(2 * 30 - 5);
  });

  it('follows migrate_to_chat_id to the new supergroup and remembers it', async () => {
    const { fake, bots } = await setup();
    fake.migrateChat(-700, -1000700);
    const pending = nextReply(fake, -1000700);
    fake.pushUpdate(tgUpdates.groupText(-700, 7, '/help'));
    await pending;
    expect(sends(fake, -700)).toHaveLength(1);
    expect(bots.telegram?.chatIds.entries()).toEqual({ '-700': '-1000700' });
    // A notification addressed to the old id goes straight to the new one.
    const sender = bots.senders.find((s) => s.channel === 'telegram')!;
    await sender.send({
      channel: 'telegram',
      recipient: '-700',
      text: 'Hồ sơ đã có kết quả',
      idempotencyKey: 'n1',
    });
    expect(sends(fake, -700)).toHaveLength(1);
    expect(sends(fake, -1000700).at(-1)!.body.text).toBe('Hồ sơ đã có kết quả');
  });

  it('answers /hoso from the injected status lookup, and says so when there is none', async () => {
    const lookup: PublicStatusLookup = async (reference, last4) =>
      reference === 'ABC23DEF' && last4 === '1234'
        ? {
            reference,
            procedureCode: '1.001193',
            procedureName: 'Đăng ký khai sinh',
            status: 'DANG_XU_LY',
            statusLabel: 'Đang xử lý',
            submittedAt: '2026-03-02T02:00:00Z',
            appointmentDate: '2026-03-05T02:00:00Z',
            updatedAt: '2026-03-03T09:00:00Z',
          }
        : null;
    const { fake } = await setup({}, lookup);
    let pending = nextReply(fake, 506);
    fake.pushUpdate(tgUpdates.privateText(506, '/hoso abc23def 1234'));
    expect((await pending)[0]!.body.text).toBe(
      'Hồ sơ ABC23DEF: Đăng ký khai sinh\nTình trạng: Đang xử lý\nNgày nộp: 02/03/2026\nNgày hẹn trả kết quả: 05/03/2026\nCập nhật lần cuối: 03/03/2026',
    );
    pending = nextReply(fake, 506);
    fake.pushUpdate(tgUpdates.privateText(506, '/hoso ABC23DEF 9999'));
    expect((await pending)[0]!.body.text).toMatch(/^Không tìm thấy hồ sơ/);

    const other = await setup();
    pending = nextReply(other.fake, 507);
    other.fake.pushUpdate(tgUpdates.privateText(507, '/hoso ABC23DEF 1234'));
    expect((await pending)[0]!.body.text).toMatch(/chưa tra cứu được tình trạng hồ sơ/);
  });

  it('answers once "bạn gửi nhanh quá" when flooded, then stays quiet', async () => {
    const { fake, conversation } = await setup({
      BOT_RATE_LIMIT_BURST: '2',
      BOT_RATE_LIMIT_PER_MINUTE: '1',
    });
    for (const text of ['một', 'hai', 'ba', 'bốn', 'năm'])
      fake.pushUpdate(tgUpdates.privateText(508, text));
    await fake.waitFor(() => sends(fake, 508).length >= 3);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const texts = sends(fake, 508).map((c) => c.body.text);
    // Updates of one poll are handled concurrently, so only the set of replies is fixed, not its order.
    expect(texts).toHaveLength(3);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Bạn hỏi: một',
        'Bạn hỏi: hai',
        expect.stringMatching(/^Bạn gửi nhanh quá/),
      ]),
    );
    expect(conversation.received).toHaveLength(2);
  });
});

describe('Telegram webhook route', () => {
  async function webhookSetup() {
    const secret = 'wh_secret-0123456789';
    const s = await setup({
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_SECRET: secret,
      PUBLIC_BASE_URL: 'https://motcua.example.vn',
    });
    const app = express();
    for (const router of s.bots.routers) app.use(router);
    app.use(express.json());
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/telegram`;
    const post = (update: unknown, header: string | undefined) =>
      fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(header === undefined ? {} : { 'x-telegram-bot-api-secret-token': header }),
        },
        body: JSON.stringify(update),
      });
    return { ...s, post, secret };
  }

  it('registers the webhook with its secret and processes an update carrying it', async () => {
    const { fake, bots, post, secret } = await webhookSetup();
    expect(bots.active).toEqual(['telegram (webhook)']);
    expect(fake.callsOf('setWebhook')[0]!.body).toMatchObject({
      url: 'https://motcua.example.vn/webhooks/telegram',
      secret_token: secret,
    });
    const response = await post(tgUpdates.privateText(601, 'làm giấy khai sinh'), secret);
    expect(response.status).toBe(200);
    // Handled before the 200: the reply is already at Telegram.
    expect(sends(fake, 601)[0]!.body.reply_markup).toBeDefined();
  });

  it('rejects a wrong or missing secret with 401 and processes nothing', async () => {
    const { fake, conversation, post, secret } = await webhookSetup();
    expect((await post(tgUpdates.privateText(602, 'xin chào'), 'wrong')).status).toBe(401);
    expect((await post(tgUpdates.privateText(602, 'xin chào'), undefined)).status).toBe(401);
    expect((await post(tgUpdates.privateText(602, 'xin chào'), `${secret}x`)).status).toBe(401);
    expect(conversation.received).toHaveLength(0);
    expect(sends(fake)).toHaveLength(0);
  });

  it('processes a redelivered update once and refuses bodies that are not updates', async () => {
    const { fake, post, secret } = await webhookSetup();
    const update = tgUpdates.privateText(603, 'xin chào');
    expect((await post(update, secret)).status).toBe(200);
    expect((await post(update, secret)).status).toBe(200);
    expect(sends(fake, 603)).toHaveLength(1);
    expect((await post({ hello: 1 }, secret)).status).toBe(400);
  });
});

describe('Telegram notifications and errors', () => {
  it('reports a blocked resident as a non-retryable delivery error', async () => {
    const { fake, bots } = await setup();
    fake.blockChat(901);
    const sender = bots.senders.find((s) => s.channel === 'telegram')!;
    const failure = await sender
      .send({ channel: 'telegram', recipient: '901', text: 'x', idempotencyKey: 'k' })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect((failure as DeliveryError).retryable).toBe(false);
  });

  it('sends a notice once per idempotency key', async () => {
    const { fake, bots } = await setup();
    const sender = bots.senders.find((s) => s.channel === 'telegram')!;
    const notice = {
      channel: 'telegram' as const,
      recipient: '902',
      text: 'Có kết quả',
      idempotencyKey: 'same',
    };
    const first = await sender.send(notice);
    expect(await sender.send(notice)).toEqual(first);
    expect(sends(fake, 902)).toHaveLength(1);
  });

  it('never writes the token into logs or errors when Telegram is unreachable', async () => {
    const token = '987654321:SECRET_token_ZYXWVUTSRQPONMLKJIHGFEDCBA';
    const logs: string[] = [];
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: token,
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
    });
    const bots = await startBots(config, {
      conversation: new FakeConversation(),
      logger: createLogger({ write: (line) => logs.push(line) }),
    });
    expect(bots.active).toEqual([]);
    expect(logs.join('\n')).toMatch(/telegram bot did not start/);
    expect(logs.join('\n')).not.toContain('SECRET_token');
    expect(logs.join('\n')).not.toContain(token.split(':')[1]);
  });

  it('starts nothing and touches no network without tokens', async () => {
    const bots = await startBots(loadConfig({}), {
      conversation: new FakeConversation(),
      logger: createLogger({ silent: true }),
    });
    expect(bots).toMatchObject({ routers: [], senders: [], active: [] });
    await bots.stop();
  });
});
