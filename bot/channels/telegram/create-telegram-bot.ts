import { Telegraf, type Context } from 'telegraf';
import type { CallbackQuery, ChatMemberUpdated, Message } from 'telegraf/types';
import type { GroupRegistryPort } from '../../../common/notice-contracts.js';
import type { ChatReply } from '../../../common/chat.js';
import type { Logger } from '../../../common/logger.js';
import type { Responder } from '../shared/responder.js';
import { describeError } from '../shared/scrub.js';
import { TEXTS } from '../shared/texts.js';
import { addressedText } from './addressed.js';
import { CallbackCodec } from './callback-data.js';
import { ChatIdMap } from './chat-id-map.js';
import { TelegramOutbox, type OutboxOptions } from './outbox.js';
import { renderTelegram, toHtmlChunks, TELEGRAM_MAX_TEXT } from './render.js';
import { telegramSubscriptions } from './subscriptions.js';

/** Options of {@link createTelegramBot}. */
export interface TelegramBotOptions {
  token: string;
  apiRoot: string;
  respond: Responder;
  logger: Logger;
  outbox?: OutboxOptions;
  /** Longest a single update may take before telegraf gives up on it (default 60 s). */
  handlerTimeoutMs?: number;
  /** The notice group registry: groups the bot joins or leaves, village subscriptions. */
  groups?: GroupRegistryPort;
}

/** A configured bot plus the pieces the webhook route, the sender and tests need. */
export interface TelegramBot {
  bot: Telegraf;
  outbox: TelegramOutbox;
  chatIds: ChatIdMap;
  /** Sends a rendered reply to a chat (buttons on the last message). */
  deliver(chatId: string, reply: ChatReply, replyTo?: number): Promise<void>;
}

const MEDIA_KEYS = [
  'photo',
  'sticker',
  'voice',
  'video',
  'document',
  'audio',
  'animation',
  'video_note',
];
const EXPIRED_CHOICE = 'Lựa chọn này đã cũ. Bạn gõ lại câu hỏi giúp tôi nhé.';

function buttonLabel(message: CallbackQuery['message'], data: string): string | undefined {
  if (!message || !('reply_markup' in message) || !message.reply_markup) return undefined;
  for (const row of message.reply_markup.inline_keyboard) {
    for (const button of row) {
      if ('callback_data' in button && button.callback_data === data) return button.text;
    }
  }
  return undefined;
}

/**
 * Builds the Telegram adapter on telegraf: text and commands in private chats, addressed messages in
 * groups, inline-button picks; every reply goes through the conversation core via `respond`.
 */
export function createTelegramBot(options: TelegramBotOptions): TelegramBot {
  const { respond, logger, token } = options;
  const bot = new Telegraf(token, {
    telegram: { apiRoot: options.apiRoot, webhookReply: false },
    handlerTimeout: options.handlerTimeoutMs ?? 60_000,
  });
  const chatIds = new ChatIdMap();
  const outbox = new TelegramOutbox(bot.telegram, chatIds, logger, options.outbox);
  const codec = new CallbackCodec();
  // Village notices by private message: /dangky … /huy (and the older /nhantin … /huynhantin).
  const subscriptions = options.groups ? telegramSubscriptions(options.groups, outbox) : undefined;

  async function deliver(chatId: string, reply: ChatReply, replyTo?: number): Promise<void> {
    const messages = renderTelegram(reply, codec);
    for (const [i, message] of messages.entries()) {
      const extra =
        i === 0 && replyTo !== undefined
          ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }
          : {};
      await outbox.call('sendMessage', {
        chat_id: chatId,
        text: message.html,
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...extra,
        ...(message.keyboard ? { reply_markup: message.keyboard } : {}),
      });
    }
  }

  function typing(chatId: string): void {
    outbox.call('sendChatAction', { chat_id: chatId, action: 'typing' }).catch(() => undefined);
  }

  async function onMessage(ctx: Context, message: Message): Promise<void> {
    const chatId = String(message.chat.id);
    if ('migrate_to_chat_id' in message) {
      chatIds.record(chatId, String(message.migrate_to_chat_id));
      await options.groups?.migrated('telegram', chatId, String(message.migrate_to_chat_id));
      return;
    }
    const isPrivate = message.chat.type === 'private';
    if (isPrivate && subscriptions && 'text' in message) {
      if (await subscriptions.onText(chatId, message.from, message.text)) return;
    }
    if (!('text' in message)) {
      if (isPrivate && MEDIA_KEYS.some((key) => key in message)) {
        await outbox.sendHtml(chatId, toHtmlChunks(TEXTS.textOnly)[0]!);
      }
      return;
    }
    const text = addressedText(message, ctx.botInfo);
    if (text === undefined) return;
    typing(chatId);
    const reply = await respond({
      channel: 'telegram',
      userId: chatId,
      senderKey: String(message.from?.id ?? chatId),
      text: text || '/help',
    });
    if (reply) await deliver(chatId, reply, isPrivate ? undefined : message.message_id);
  }

  async function markPicked(query: CallbackQuery, label: string): Promise<void> {
    const message = query.message;
    if (!message || !('text' in message)) return;
    const html = `${toHtmlChunks(message.text)[0] ?? ''}\n\n✅ ${toHtmlChunks(label)[0] ?? ''}`;
    const target = { chat_id: String(message.chat.id), message_id: message.message_id };
    if (html.length > TELEGRAM_MAX_TEXT) {
      await outbox.call('editMessageReplyMarkup', {
        ...target,
        reply_markup: { inline_keyboard: [] },
      });
      return;
    }
    await outbox.call('editMessageText', {
      ...target,
      text: html,
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
    });
  }

  async function onCallback(query: CallbackQuery): Promise<void> {
    if (subscriptions && (await subscriptions.onCallback(query))) return;
    const data = 'data' in query ? query.data : undefined;
    const action = data ? codec.decode(data) : undefined;
    await outbox
      .call('answerCallbackQuery', {
        callback_query_id: query.id,
        ...(action ? {} : { text: EXPIRED_CHOICE }),
      })
      .catch((error) => logger.warn('telegram answerCallbackQuery failed', { error }));
    if (!action || !data || !query.message) return;
    const chatId = String(query.message.chat.id);
    const label = buttonLabel(query.message, data) ?? action.code;
    await markPicked(query, label).catch((error) =>
      logger.warn('telegram could not mark the picked choice', { error }),
    );
    typing(chatId);
    const reply = await respond({
      channel: 'telegram',
      userId: chatId,
      senderKey: String(query.from.id),
      text: label,
      action,
    });
    if (reply) await deliver(chatId, reply);
  }

  /** The bot was added to, or removed from, a group: the notice registry records it. */
  async function onMembership(update: ChatMemberUpdated): Promise<void> {
    const chat = update.chat;
    if (!options.groups || (chat.type !== 'group' && chat.type !== 'supergroup')) return;
    const status = update.new_chat_member.status;
    const inside =
      status === 'member' ||
      status === 'administrator' ||
      (status === 'restricted' && update.new_chat_member.is_member);
    await options.groups.membership({
      platform: 'telegram',
      chatId: String(chat.id),
      title: chat.title,
      status: inside ? 'member' : 'left',
    });
  }

  bot.on('my_chat_member', (ctx) => onMembership(ctx.myChatMember));
  bot.on('message', (ctx) => onMessage(ctx, ctx.message));
  bot.on('callback_query', (ctx) => onCallback(ctx.callbackQuery));
  bot.catch((error, ctx) => {
    logger.error('telegram update failed', {
      updateId: ctx.update.update_id,
      error: describeError(error, [token]),
    });
  });

  return { bot, outbox, chatIds, deliver };
}
