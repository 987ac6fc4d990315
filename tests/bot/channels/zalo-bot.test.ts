import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../common/config.js';
import { DeliveryError } from '../../../common/dossier-contracts.js';
import { createLogger } from '../../../common/logger.js';
import { startBots, type Bots } from '../../../bot/main.js';
import { ZaloBotClient } from '../../../bot/channels/zalo-bot/client.js';
import { FakeZaloBotServer, zaloUpdates } from '../../support/fake-zalo-bot-server.js';
import { BIRTH_CHOICES, FakeConversation, LONG_TEXT } from './fake-conversation.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(env: Record<string, string> = {}) {
  const fake = await FakeZaloBotServer.start({ maxHoldMs: 2000 });
  cleanups.push(() => fake.stop());
  const conversation = new FakeConversation();
  const logs: string[] = [];
  const config = loadConfig({ ZALO_BOT_TOKEN: fake.token, ZALO_BOT_API_BASE: fake.url, ...env });
  const bots: Bots = await startBots(
    config,
    { conversation, logger: createLogger({ write: (line) => logs.push(line) }) },
    { zaloBot: { pollTimeoutSeconds: 2, backoffMs: { min: 10, max: 50 }, rateLimitWaitMs: 20 } },
  );
  cleanups.push(() => bots.stop());
  return { fake, bots, conversation, logs };
}

async function replyTo(fake: FakeZaloBotServer, chatId: string, deliver: () => unknown, count = 1) {
  const before = fake.textsTo(chatId).length;
  deliver();
  await fake.waitFor(() => fake.textsTo(chatId).length >= before + count);
  return fake.textsTo(chatId).slice(before);
}

describe('Zalo bot (long polling against a fake Bot Platform)', () => {
  it('deletes any webhook, then answers a text message in the same chat', async () => {
    const { fake, bots } = await setup();
    expect(bots.active).toEqual(['zalo (polling)']);
    expect(fake.callsOf('deleteWebhook')).toHaveLength(1);
    const [reply] = await replyTo(fake, 'u1', () =>
      fake.pushUpdate(zaloUpdates.text('u1', 'xin chào')),
    );
    expect(reply).toBe('Bạn hỏi: xin chào');
  });

  it('adds the "Nộp hồ sơ trực tuyến" link of an answer with an online form', async () => {
    const { fake } = await setup({ PUBLIC_BASE_URL: 'https://motcua.example' });
    const [answer] = await replyTo(fake, 'u9', () =>
      fake.pushUpdate(zaloUpdates.text('u9', 'nộp hồ sơ khai sinh')),
    );
    expect(answer).toContain(
      '\n\nNộp hồ sơ trực tuyến: https://motcua.example/miniapp/#/apply/1.001193\n\n',
    );
  });

  it('shows choices as numbered lines and reads "2" then "xem thêm" as picks', async () => {
    const { fake, conversation } = await setup();
    const [question] = await replyTo(fake, 'u2', () =>
      fake.pushUpdate(zaloUpdates.text('u2', 'lam giay khai sinh')),
    );
    expect(question).toBe(
      'Bạn muốn hỏi thủ tục nào dưới đây?\n\nBạn trả lời bằng số để chọn:\n1. Đăng ký khai sinh\n2. Đăng ký khai sinh có yếu tố nước ngoài',
    );
    const [answer] = await replyTo(fake, 'u2', () => fake.pushUpdate(zaloUpdates.text('u2', '2')));
    expect(conversation.received.at(-1)).toEqual({
      channel: 'zalo',
      userId: 'u2',
      clientKey: 'zalo:u2',
      text: BIRTH_CHOICES[1]!.label,
      action: { type: 'pick', code: BIRTH_CHOICES[1]!.code },
    });
    expect(answer).toContain(`Nguồn: https://dichvucong.gov.vn/p/${BIRTH_CHOICES[1]!.code}`);
    expect(answer).toMatch(/Gõ “xem thêm” để xem đầy đủ thông tin về thủ tục này\.$/);

    const before = fake.textsTo('u2').length;
    fake.pushUpdate(zaloUpdates.text('u2', 'Xem thêm'));
    await fake.waitFor(() => fake.textsTo('u2').some((t) => t.includes('Đoạn 13.')));
    const parts = fake.textsTo('u2').slice(before);
    expect(conversation.received.at(-1)?.action).toEqual({
      type: 'more',
      code: BIRTH_CHOICES[1]!.code,
    });
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(2000);
    expect(parts.join('\n\n')).toBe(LONG_TEXT);

    // The offer is used up: a later bare number is ordinary text.
    await replyTo(fake, 'u2', () => fake.pushUpdate(zaloUpdates.text('u2', '1')));
    expect(conversation.received.at(-1)).toEqual({
      channel: 'zalo',
      userId: 'u2',
      clientKey: 'zalo:u2',
      text: '1',
    });
  });

  it('ignores group messages unless groups are enabled, and answers the group when they are', async () => {
    const off = await setup();
    off.fake.pushUpdate(zaloUpdates.text('u3', 'xin chào', { chatType: 'GROUP', chatId: 'g1' }));
    await replyTo(off.fake, 'u3', () => off.fake.pushUpdate(zaloUpdates.text('u3', 'riêng tư')));
    expect(off.fake.textsTo('g1')).toEqual([]);
    expect(off.conversation.received.map((m) => m.text)).toEqual(['riêng tư']);

    const on = await setup({ ZALO_BOT_GROUPS: 'true' });
    const [reply] = await replyTo(on.fake, 'g2', () =>
      on.fake.pushUpdate(zaloUpdates.text('u4', 'xin chào', { chatType: 'GROUP', chatId: 'g2' })),
    );
    expect(reply).toBe('Bạn hỏi: xin chào');
    expect(on.conversation.received[0]!.userId).toBe('g2');
  });

  it('asks for text when sent a picture, and survives odd updates', async () => {
    const { fake } = await setup();
    const [reply] = await replyTo(fake, 'u5', () => fake.pushUpdate(zaloUpdates.image('u5')));
    expect(reply).toMatch(/chỉ đọc được tin nhắn chữ/);
    fake.pushUpdate({ event_name: 'message.text.received' });
    fake.pushUpdate({ message: { chat: { id: 12345 }, date: 'yesterday', text: 'số' } });
    fake.pushUpdate('not even an object');
    const [after] = await replyTo(fake, 'u5', () =>
      fake.pushUpdate(zaloUpdates.text('u5', 'còn đó không')),
    );
    expect(fake.textsTo('12345')).toEqual(['Bạn hỏi: số']);
    expect(after).toBe('Bạn hỏi: còn đó không');
  });
});

describe('Zalo bot webhook route', () => {
  async function webhookSetup() {
    const secret = 'zalo-webhook-secret';
    const s = await setup({
      ZALO_BOT_MODE: 'webhook',
      ZALO_BOT_WEBHOOK_SECRET: secret,
      PUBLIC_BASE_URL: 'https://motcua.example.vn',
    });
    const app = express();
    for (const router of s.bots.routers) app.use(router);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/zalo-bot`;
    const post = (body: unknown, header: string | undefined) =>
      fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(header === undefined ? {} : { 'x-bot-api-secret-token': header }),
        },
        body: JSON.stringify(body),
      });
    return { ...s, post, secret };
  }

  it('registers the webhook and answers flat and wrapped deliveries', async () => {
    const { fake, bots, post, secret } = await webhookSetup();
    expect(bots.active).toEqual(['zalo (webhook)']);
    expect(fake.callsOf('setWebhook')[0]!.body).toEqual({
      url: 'https://motcua.example.vn/webhooks/zalo-bot',
      secret_token: secret,
    });
    const flat = await replyTo(fake, 'w1', async () => {
      expect((await post(zaloUpdates.text('w1', 'một'), secret)).status).toBe(200);
    });
    const wrapped = await replyTo(fake, 'w1', async () => {
      expect((await post({ ok: true, result: zaloUpdates.text('w1', 'hai') }, secret)).status).toBe(
        200,
      );
    });
    expect([...flat, ...wrapped]).toEqual(['Bạn hỏi: một', 'Bạn hỏi: hai']);
  });

  it('rejects a wrong or missing secret with 401 and processes nothing', async () => {
    const { fake, conversation, post, secret } = await webhookSetup();
    expect((await post(zaloUpdates.text('w2', 'x'), 'nope')).status).toBe(401);
    expect((await post(zaloUpdates.text('w2', 'x'), undefined)).status).toBe(401);
    expect((await post(zaloUpdates.text('w2', 'x'), secret.toUpperCase())).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(conversation.received).toHaveLength(0);
    expect(fake.callsOf('sendMessage')).toHaveLength(0);
  });

  it('processes a redelivered message once and drops echoes of its own sends', async () => {
    const { fake, conversation, post, secret } = await webhookSetup();
    const update = zaloUpdates.text('w3', 'một lần thôi');
    const echo = zaloUpdates.text(fake.botId, 'tin của bot');
    await replyTo(fake, 'w3', async () => {
      await post(update, secret);
      await post(update, secret);
      await post(echo, secret);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.textsTo('w3')).toHaveLength(1);
    expect(conversation.received).toHaveLength(1);
  });
});

describe('Zalo bot client and notifications', () => {
  it('retries a 429 send and reports the message id', async () => {
    const { fake, bots } = await setup();
    fake.rateLimitNext('sendMessage');
    const sender = bots.senders.find((s) => s.channel === 'zalo')!;
    const result = await sender.send({
      channel: 'zalo',
      recipient: 'n1',
      text: 'Hồ sơ đã có kết quả',
      idempotencyKey: 'k1',
    });
    expect(result.messageId).toMatch(/^[0-9a-f]{20}$/);
    expect(fake.callsOf('sendMessage')).toHaveLength(2);
  });

  it('maps refused sends to delivery errors, retryable only when retrying can help', async () => {
    const { fake, bots } = await setup();
    fake.failChat('n2', 400, 'Bad request');
    // Zalo documents 403 as "internal server error" (not "blocked" as on Telegram).
    fake.failChat('n3', 403, 'Internal server error');
    const sender = bots.senders.find((s) => s.channel === 'zalo')!;
    const send = (recipient: string): Promise<DeliveryError> =>
      sender.send({ channel: 'zalo', recipient, text: 'x', idempotencyKey: recipient }).then(
        () => expect.unreachable(),
        (e: unknown) => e as DeliveryError,
      );
    const [refused, internal] = [await send('n2'), await send('n3')];
    expect(refused).toBeInstanceOf(DeliveryError);
    expect(refused.retryable).toBe(false);
    expect(internal.retryable).toBe(true);
  });

  it('speaks the documented methods: photo by URL, typing, webhook info', async () => {
    const fake = await FakeZaloBotServer.start();
    cleanups.push(() => fake.stop());
    const client = new ZaloBotClient({ token: fake.token, apiBase: fake.url });
    await client.sendPhoto('p1', 'https://example.com/mau-to-khai.png', 'Mẫu tờ khai');
    await client.sendChatAction('p1');
    await client.setWebhook('https://motcua.example.vn/webhooks/zalo-bot', 'secret-123');
    expect((await client.getWebhookInfo()).url).toBe('https://motcua.example.vn/webhooks/zalo-bot');
    await client.deleteWebhook();
    expect((await client.getWebhookInfo()).url).toBe('');
    expect(fake.callsOf('sendPhoto')[0]!.body).toEqual({
      chat_id: 'p1',
      photo: 'https://example.com/mau-to-khai.png',
      caption: 'Mẫu tờ khai',
    });
    expect(fake.callsOf('sendChatAction')[0]!.body).toEqual({ chat_id: 'p1', action: 'typing' });
  });

  it('never puts the token in an error message', async () => {
    const token = '42:very-secret-zalo-token';
    const unreachable = new ZaloBotClient({ token, apiBase: 'http://127.0.0.1:9', timeoutMs: 500 });
    const refused = new ZaloBotClient({
      token,
      apiBase: (await FakeZaloBotServer.start().then((f) => (cleanups.push(() => f.stop()), f)))
        .url,
    });
    for (const client of [unreachable, refused]) {
      const error = await client.getMe().catch((e: unknown) => e as Error);
      expect(error.message).toMatch(/zalo-bot getMe/);
      expect(`${error.message} ${String(error.cause ?? '')}`).not.toContain('very-secret');
    }
  });
});
