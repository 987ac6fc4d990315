import { TelegramError, type Telegram } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { Logger } from '../../../common/logger.js';
import { PlatformApiError, PlatformHttpError, RateLimitedError } from '../shared/errors.js';
import { describeError } from '../shared/scrub.js';
import type { ChatIdMap } from './chat-id-map.js';

/** Retry policy for sends; tests shrink the units to keep the suite fast. */
export interface OutboxOptions {
  /** Attempts per call when Telegram answers 429 (default 3). */
  maxAttempts?: number;
  /** Longest `retry_after` we wait in-line; longer ones surface as RateLimitedError (default 30 s). */
  maxWaitMs?: number;
  /** Milliseconds per `retry_after` second (default 1000). */
  secondMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Every Telegram API call we make goes through here: 429 → wait `retry_after` and retry (bounded);
 * `migrate_to_chat_id` → remember the new id and resend there; everything else → our error classes,
 * with the token scrubbed from messages.
 */
export class TelegramOutbox {
  private readonly maxAttempts: number;
  private readonly maxWaitMs: number;
  private readonly secondMs: number;

  constructor(
    private readonly telegram: Telegram,
    private readonly chatIds: ChatIdMap,
    private readonly logger: Logger,
    options: OutboxOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 3;
    this.maxWaitMs = options.maxWaitMs ?? 30_000;
    this.secondMs = options.secondMs ?? 1000;
  }

  /** Sends one HTML message; returns its message id. */
  async sendHtml(chatId: string, html: string, keyboard?: InlineKeyboardMarkup): Promise<number> {
    const message = (await this.call('sendMessage', {
      chat_id: chatId,
      text: html,
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(keyboard ? { reply_markup: keyboard } : {}),
    })) as { message_id: number };
    return message.message_id;
  }

  /** Calls a Bot API method with retries and error mapping; `chat_id` follows migrations. */
  async call(method: string, payload: Record<string, unknown>): Promise<unknown> {
    let body = this.withCurrentChat(payload);
    for (let attempt = 1; ; attempt++) {
      try {
        const callApi = this.telegram.callApi.bind(this.telegram) as (
          m: string,
          p: Record<string, unknown>,
        ) => Promise<unknown>;
        return await callApi(method, body);
      } catch (error) {
        if (!(error instanceof TelegramError)) {
          const token = this.telegram.token;
          throw new PlatformHttpError('telegram', method, describeError(error, [token]));
        }
        const migrateTo = error.parameters?.migrate_to_chat_id;
        if (migrateTo !== undefined && typeof body.chat_id !== 'undefined' && attempt < 3) {
          this.chatIds.record(String(body.chat_id), String(migrateTo));
          this.logger.info('telegram chat migrated', { method });
          body = this.withCurrentChat(body);
          continue;
        }
        if (error.code === 429) {
          const waitMs = (error.parameters?.retry_after ?? 1) * this.secondMs;
          if (attempt >= this.maxAttempts || waitMs > this.maxWaitMs) {
            throw new RateLimitedError('telegram', method, waitMs, error.description);
          }
          this.logger.warn('telegram rate limited, waiting', { method, waitMs });
          await sleep(waitMs);
          continue;
        }
        throw new PlatformApiError('telegram', method, error.code, error.description);
      }
    }
  }

  private withCurrentChat(payload: Record<string, unknown>): Record<string, unknown> {
    if (payload.chat_id === undefined) return payload;
    return { ...payload, chat_id: this.chatIds.resolve(String(payload.chat_id)) };
  }
}
