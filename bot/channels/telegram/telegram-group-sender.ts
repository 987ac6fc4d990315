import { TelegramError, type Telegram } from 'telegraf';
import {
  GroupSendError,
  type GroupSend,
  type GroupSender,
} from '../../../common/notice-contracts.js';
import { networkFailure } from '../shared/network-failure.js';
import { describeError } from '../shared/scrub.js';

/**
 * Posts notice parts into Telegram groups for the delivery worker. Unlike the resident notifications
 * (TelegramOutbox), it never waits in-line: a 429, a migration or a removal is reported to the worker
 * as a {@link GroupSendError} so the ledger, not this process's memory, decides what happens next.
 * Telegram has no idempotency key on sendMessage: `deduplicates` is false.
 */
export class TelegramGroupSender implements GroupSender {
  readonly platform = 'telegram' as const;
  readonly deduplicates = false;

  constructor(private readonly telegram: Telegram) {}

  async send(message: GroupSend, signal?: AbortSignal): Promise<{ messageId: string | null }> {
    const { part, chatId } = message;
    const method = part.photoUrl ? 'sendPhoto' : 'sendMessage';
    const payload = part.photoUrl
      ? { chat_id: chatId, photo: part.photoUrl, caption: part.text, parse_mode: 'HTML' }
      : {
          chat_id: chatId,
          text: part.text,
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
        };
    const callApi = this.telegram.callApi.bind(this.telegram) as (
      m: string,
      p: Record<string, unknown>,
      o: { signal?: AbortSignal },
    ) => Promise<{ message_id?: number }>;
    try {
      const sent = await callApi(method, payload, signal ? { signal } : {});
      return { messageId: sent.message_id === undefined ? null : String(sent.message_id) };
    } catch (error) {
      throw this.classify(error);
    }
  }

  private classify(error: unknown): GroupSendError {
    if (error instanceof TelegramError) {
      const description = error.description ?? `error ${error.code}`;
      const migrateTo = error.parameters?.migrate_to_chat_id;
      if (migrateTo !== undefined) {
        return new GroupSendError('migrated', description, { newChatId: String(migrateTo) });
      }
      if (error.code === 429) {
        const seconds = error.parameters?.retry_after ?? 1;
        return new GroupSendError('rate-limited', description, { retryAfterMs: seconds * 1000 });
      }
      if (error.code === 403 || /chat not found/i.test(description)) {
        return new GroupSendError('gone', description);
      }
      if (error.code >= 500) return new GroupSendError('uncertain', description);
      return new GroupSendError('rejected', description);
    }
    return networkFailure(error, describeError(error, [this.telegram.token]));
  }
}
