/**
 * The private subscription dialog (/dangky → commune → village → stored; /huy), on its own with a
 * recording registry, and in a real telegraf bot against the local Telegram-shaped server (options as
 * buttons).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  communeCandidates,
  SubscriptionDialog,
} from '../../../bot/channels/shared/subscription-dialog.js';
import {
  createTelegramBot,
  type TelegramBot,
} from '../../../bot/channels/telegram/create-telegram-bot.js';
import { silentLogger } from '../../../common/logger.js';
import type { GroupRegistryPort, SubscriptionRequest } from '../../../common/notice-contracts.js';
import { FakeTelegramServer, tgUpdates } from '../../support/fake-telegram-server.js';

/** A registry that remembers what it was asked, with two villages in Xã Minh Sơn (15124). */
function recordingRegistry() {
  const subscribed: SubscriptionRequest[] = [];
  const unsubscribed: string[] = [];
  const registry: GroupRegistryPort = {
    membership: async () => undefined,
    migrated: async () => undefined,
    syncConfigured: async () => undefined,
    villages: async (code) => (code === '15124' ? ['Thôn Đông', 'Thôn Tây'] : []),
    async subscribe(request) {
      subscribed.push(request);
      return { ok: true, reply: `Đã đăng ký ${request.communeCode} ${request.village ?? 'cả xã'}` };
    },
    async unsubscribe(_platform, chatId) {
      unsubscribed.push(chatId);
      return { ok: true, reply: 'Đã thôi nhận thông báo.' };
    },
  };
  return { registry, subscribed, unsubscribed };
}

const input = (text: string, chatId = 'c1') => ({
  platform: 'zalo-bot' as const,
  chatId,
  displayName: 'Mai',
  text,
});

describe('subscription dialog', () => {
  it('finds a commune by its pre-2025 name and offers the unit it joined', () => {
    expect(communeCandidates('Hoằng Quỳ')).toEqual([
      { code: expect.any(String), label: 'Xã Hoằng Giang (có Xã Hoằng Quỳ cũ, huyện Hoằng Hóa)' },
    ]);
    expect(communeCandidates('khong co xa nao ten the nay')).toEqual([]);
  });

  it('walks /dangky → commune → village and stores the pick; "0" is the whole commune', async () => {
    const { registry, subscribed } = recordingRegistry();
    const dialog = new SubscriptionDialog(registry);
    expect((await dialog.handle(input('/dangky')))!.text).toMatch(/xã\/phường nào/);
    const communes = (await dialog.handle(input('Minh Son')))!;
    expect(communes.options!.map((o) => o.data)).toEqual(['dk:1', 'dk:2']);
    const villages = (await dialog.handle(input('1')))!;
    expect(villages.text.split('\n').slice(1)).toEqual([
      '1. Thôn Đông',
      '2. Thôn Tây',
      '0. Mọi thông báo của xã (mọi thôn)',
    ]);
    // A number out of range is asked again; a typed name works without accents.
    expect((await dialog.handle(input('7')))!.text).toMatch(/một số trong danh sách/);
    expect((await dialog.handle(input('thon tay')))!.text).toBe('Đã đăng ký 15124 Thôn Tây');
    expect(subscribed.at(-1)).toMatchObject({
      platform: 'zalo-bot',
      chatId: 'c1',
      displayName: 'Mai',
      communeCode: '15124',
      village: 'Thôn Tây',
    });
    // After that, ordinary messages are the assistant's again.
    expect(await dialog.handle(input('thủ tục khai sinh'))).toBeUndefined();

    await dialog.handle(input('/dangky Minh Sơn'));
    await dialog.handle(input('dk:1'));
    expect((await dialog.handle(input('0')))!.text).toBe('Đã đăng ký 15124 cả xã');
  });

  it('subscribes to the whole commune when it has no village list, and /huy stops', async () => {
    const { registry, subscribed, unsubscribed } = recordingRegistry();
    const dialog = new SubscriptionDialog(registry);
    const reply = (await dialog.handle(input('/dangky Hạc Thành', 'c2')))!;
    expect(reply.text).toMatch(/Phường Hạc Thành chưa có danh sách thôn/);
    expect(subscribed.at(-1)).toMatchObject({ chatId: 'c2', village: null });
    expect((await dialog.handle(input('/huy', 'c2')))!.text).toMatch(/thôi nhận/);
    expect(unsubscribed).toEqual(['c2']);
  });

  it('keeps asking for a commune it cannot find, lets another command leave, and forgets after 15 minutes', async () => {
    const { registry } = recordingRegistry();
    let now = 0;
    const dialog = new SubscriptionDialog(registry, { now: () => now });
    await dialog.handle(input('/dangky', 'c3'));
    expect((await dialog.handle(input('Xã Không Tồn Tại', 'c3')))!.text).toMatch(
      /chưa tìm thấy xã\/phường "Xã Không Tồn Tại"/,
    );
    expect(await dialog.handle(input('/thutuc khai sinh', 'c3'))).toBeUndefined();
    expect(await dialog.handle(input('Minh Sơn', 'c3'))).toBeUndefined();
    await dialog.handle(input('/dangky', 'c3'));
    now += 16 * 60_000;
    expect(await dialog.handle(input('Minh Sơn', 'c3'))).toBeUndefined();
  });

  it('tells the resident when the registry fails, without a stack trace', async () => {
    const { registry } = recordingRegistry();
    const dialog = new SubscriptionDialog({
      ...registry,
      villages: async () => {
        throw new Error('database down');
      },
    });
    await dialog.handle(input('/dangky'));
    expect((await dialog.handle(input('Xuân Lập')))!.text).toMatch(/chưa đăng ký được/);
  });
});

describe('subscription dialog on Telegram (buttons)', () => {
  let fake: FakeTelegramServer;
  let bot: TelegramBot;
  const recorded = recordingRegistry();

  beforeAll(async () => {
    fake = await FakeTelegramServer.start();
    bot = createTelegramBot({
      token: fake.token,
      apiRoot: fake.url,
      respond: async () => null,
      logger: silentLogger,
      groups: recorded.registry,
    });
    bot.bot.botInfo = {
      ...fake.botUser,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
    } as never;
  });

  afterAll(async () => {
    await fake?.stop();
  });

  it('offers communes and villages as buttons; a press subscribes', async () => {
    await bot.bot.handleUpdate(tgUpdates.privateText(4242, '/dangky minh son') as never);
    const communes = fake.callsOf('sendMessage').at(-1)!;
    const keyboard = (
      communes.body.reply_markup as {
        inline_keyboard: Array<Array<{ text: string; callback_data: string }>>;
      }
    ).inline_keyboard;
    expect(keyboard.map((row) => row[0]!.text)).toEqual([
      'Xã Minh Sơn',
      'Xã Triệu Sơn (có Xã Minh Sơn cũ, huyện Triệu Sơn)',
    ]);
    const message = { message_id: 1, chat: { id: 4242, type: 'private' }, date: 0, text: 'x' };
    await bot.bot.handleUpdate(
      tgUpdates.callback(4242, keyboard[0]![0]!.callback_data, message) as never,
    );
    const villages = fake.callsOf('sendMessage').at(-1)!;
    expect(String(villages.body.text)).toMatch(/Thôn Đông/);
    await bot.bot.handleUpdate(tgUpdates.callback(4242, 'dk:1', message) as never);
    expect(recorded.subscribed.at(-1)).toMatchObject({
      platform: 'telegram',
      chatId: '4242',
      displayName: 'Lan',
      communeCode: '15124',
      village: 'Thôn Đông',
    });
    expect(String(fake.callsOf('sendMessage').at(-1)!.body.text)).toBe(
      'Đã đăng ký 15124 Thôn Đông',
    );
    expect(fake.callsOf('answerCallbackQuery')).toHaveLength(2);
  });
});
