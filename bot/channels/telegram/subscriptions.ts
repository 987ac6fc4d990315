import type { CallbackQuery, User } from 'telegraf/types';
import type { GroupRegistryPort } from '../../../common/notice-contracts.js';
import { SubscriptionDialog, type DialogReply } from '../shared/subscription-dialog.js';
import type { TelegramOutbox } from './outbox.js';
import { toHtmlChunks } from './render.js';

/** The subscription dialog in private Telegram chats: numbered options also come as buttons. */
export interface TelegramSubscriptions {
  /** Handles a private text message when it belongs to the dialog; false otherwise. */
  onText(chatId: string, from: User | undefined, text: string): Promise<boolean>;
  /** Handles a press on one of the dialog's buttons; false for any other button. */
  onCallback(query: CallbackQuery): Promise<boolean>;
}

const nameOf = (from: User | undefined) =>
  [from?.first_name, from?.last_name].filter(Boolean).join(' ');

export function telegramSubscriptions(
  registry: GroupRegistryPort,
  outbox: TelegramOutbox,
): TelegramSubscriptions {
  const dialog = new SubscriptionDialog(registry);

  async function send(chatId: string, reply: DialogReply): Promise<void> {
    const keyboard = reply.options?.length
      ? {
          inline_keyboard: reply.options.map((o) => [
            { text: o.label.slice(0, 64), callback_data: o.data },
          ]),
        }
      : undefined;
    await outbox.sendHtml(chatId, toHtmlChunks(reply.text)[0]!, keyboard);
  }

  return {
    async onText(chatId, from, text) {
      const reply = await dialog.handle({
        platform: 'telegram',
        chatId,
        displayName: nameOf(from),
        text,
      });
      if (!reply) return false;
      await send(chatId, reply);
      return true;
    },
    async onCallback(query) {
      const data = 'data' in query ? query.data : undefined;
      if (!data || !SubscriptionDialog.isCallback(data) || !query.message) return false;
      await outbox
        .call('answerCallbackQuery', { callback_query_id: query.id })
        .catch(() => undefined);
      const chatId = String(query.message.chat.id);
      const reply = await dialog.handle({
        platform: 'telegram',
        chatId,
        displayName: nameOf(query.from),
        text: data,
      });
      if (reply) await send(chatId, reply);
      return true;
    },
  };
}
