import {
  GroupSendError,
  type GroupSend,
  type GroupSender,
} from '../../../common/notice-contracts.js';
import { PlatformApiError, PlatformHttpError, RateLimitedError } from '../shared/errors.js';
import { networkFailure } from '../shared/network-failure.js';
import { ZALO_MAX_TEXT, type ZaloBotClient } from './client.js';

/**
 * Posts notice parts for the delivery worker through the Zalo Bot Platform: to residents subscribed
 * in a private chat with the bot, and — only with ZALO_BOT_GROUPS on — into group chats (Zalo's group
 * bots are still in internal testing, platforms.md §1.4). One `sendMessage` per part, no retry in
 * here: a 429 is handed to the worker, which holds the chat for the wait Zalo asks (or the client's
 * default: Zalo's 429 carries no retry_after in the docs).
 *
 * Zalo's Bot API documents its error codes loosely: 403 is "internal server error" (sic) and 408 a
 * timeout — both may have posted, so they count as uncertain; 404 (chat not found) means the chat is
 * gone; any other 4xx refused the message. No idempotency key: `deduplicates` is false.
 */
export class ZaloBotGroupSender implements GroupSender {
  readonly platform = 'zalo-bot' as const;
  readonly deduplicates = false;

  constructor(
    private readonly client: ZaloBotClient,
    /** ZALO_BOT_GROUPS: group chats may be posted into. */
    private readonly groups: boolean,
  ) {}

  async send(message: GroupSend, signal?: AbortSignal): Promise<{ messageId: string | null }> {
    if (message.target !== 'subscriber' && !this.groups) {
      throw new GroupSendError(
        'rejected',
        'Nhóm Zalo Bot chưa được bật (ZALO_BOT_GROUPS=false): Zalo còn đang thử nghiệm tính năng nhóm.',
      );
    }
    try {
      const sent = (await this.client.call(
        'sendMessage',
        { chat_id: message.chatId, text: message.part.text.slice(0, ZALO_MAX_TEXT) },
        { signal },
      )) as { message_id?: unknown } | undefined;
      const id = sent?.message_id;
      return { messageId: id === undefined || id === null ? null : String(id) };
    } catch (error) {
      throw classify(error);
    }
  }
}

function classify(error: unknown): GroupSendError {
  if (error instanceof RateLimitedError) {
    return new GroupSendError('rate-limited', error.description, {
      retryAfterMs: error.retryAfterMs,
    });
  }
  if (error instanceof PlatformApiError) {
    const code = error.errorCode;
    if (code === 403 || code === 408 || code >= 500)
      return new GroupSendError('uncertain', error.message);
    if (code === 404) return new GroupSendError('gone', error.description);
    return new GroupSendError('rejected', error.description);
  }
  if (error instanceof PlatformHttpError) {
    // No envelope: an HTTP status means Zalo answered (maybe after posting); none means no answer.
    return error.status !== undefined
      ? new GroupSendError('uncertain', error.message)
      : networkFailure(error.cause, error.message);
  }
  return new GroupSendError('uncertain', error instanceof Error ? error.message : String(error));
}
