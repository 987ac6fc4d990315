import { z } from 'zod';
import { PlatformApiError, PlatformHttpError, RateLimitedError } from '../shared/errors.js';
import { describeError } from '../shared/scrub.js';
import { sleep } from '../shared/sleep.js';
import { splitText } from '../shared/split-text.js';

/*
 * Thin typed client for the Zalo Bot Platform (`<apiBase>/bot<TOKEN>/<method>`, POST JSON, envelope
 * `{ok, result}` / `{ok:false, error_code, description}`). Zalo's shapes still move, so results are
 * parsed leniently and ids are kept as strings. The token never appears in an error message.
 */

/** Zalo's limit on `sendMessage.text` and `sendPhoto.caption`. */
export const ZALO_MAX_TEXT = 2000;

const id = z.union([z.string(), z.number()]).transform(String);
const Envelope = z.looseObject({
  ok: z.boolean(),
  result: z.unknown().optional(),
  error_code: z.number().optional(),
  description: z.string().optional(),
  parameters: z.looseObject({ retry_after: z.number().optional() }).optional(),
});
const SentSchema = z.looseObject({ message_id: id.optional(), date: z.number().optional() });
const MeSchema = z.looseObject({
  id,
  account_name: z.string().optional(),
  display_name: z.string().optional(),
  can_join_groups: z.boolean().optional(),
});
const WebhookInfoSchema = z.looseObject({
  url: z.string().optional(),
  updated_at: z.number().optional(),
});

/** The bot's own account. */
export type ZaloMe = z.infer<typeof MeSchema>;

/** Options of {@link ZaloBotClient}. */
export interface ZaloBotClientOptions {
  token: string;
  apiBase: string;
  /** Per-request timeout for ordinary calls (default 15 s). */
  timeoutMs?: number;
  /** Attempts per send when Zalo answers 429 (default 3). */
  maxAttempts?: number;
  /** Wait after a 429 that carries no retry_after (default 1 s). */
  rateLimitWaitMs?: number;
}

/** Typed client for the Zalo Bot Platform API. */
export class ZaloBotClient {
  private readonly timeoutMs: number;

  constructor(private readonly options: ZaloBotClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  async getMe(): Promise<ZaloMe> {
    return MeSchema.parse(await this.call('getMe', {}));
  }

  /**
   * Long-polls for ONE update (Zalo returns a single update per call). Resolves to undefined when the
   * poll timed out with nothing new (Zalo answers 408 for that).
   */
  async getUpdates(timeoutSeconds: number, signal?: AbortSignal): Promise<unknown> {
    try {
      return await this.call(
        'getUpdates',
        { timeout: String(timeoutSeconds) },
        { signal, timeoutMs: timeoutSeconds * 1000 + this.timeoutMs },
      );
    } catch (error) {
      if (error instanceof PlatformApiError && error.errorCode === 408) return undefined;
      throw error;
    }
  }

  async setWebhook(url: string, secretToken: string): Promise<void> {
    await this.call('setWebhook', { url, secret_token: secretToken });
  }

  async deleteWebhook(): Promise<void> {
    await this.call('deleteWebhook', {});
  }

  async getWebhookInfo(): Promise<z.infer<typeof WebhookInfoSchema>> {
    return WebhookInfoSchema.parse(await this.call('getWebhookInfo', {}));
  }

  /** Sends text, split into several messages when longer than Zalo's 2,000 characters. */
  async sendMessage(chatId: string, text: string): Promise<{ messageId: string | undefined }> {
    let messageId: string | undefined;
    for (const chunk of splitText(text, ZALO_MAX_TEXT)) {
      const sent = SentSchema.parse(
        (await this.withRetry('sendMessage', { chat_id: chatId, text: chunk })) ?? {},
      );
      messageId = sent.message_id;
    }
    return { messageId };
  }

  /** Sends a photo by URL (Zalo takes no uploads), with an optional caption. */
  async sendPhoto(chatId: string, photoUrl: string, caption?: string): Promise<void> {
    const body = caption
      ? { chat_id: chatId, photo: photoUrl, caption: caption.slice(0, ZALO_MAX_TEXT) }
      : { chat_id: chatId, photo: photoUrl };
    await this.withRetry('sendPhoto', body);
  }

  async sendChatAction(chatId: string, action: 'typing' = 'typing'): Promise<void> {
    await this.call('sendChatAction', { chat_id: chatId, action });
  }

  private async withRetry(method: string, body: object): Promise<unknown> {
    const attempts = this.options.maxAttempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.call(method, body);
      } catch (error) {
        if (!(error instanceof RateLimitedError) || attempt >= attempts) throw error;
        await sleep(error.retryAfterMs);
      }
    }
  }

  /** One POST; returns `result` or throws a platform error. */
  async call(
    method: string,
    body: object,
    options: { signal?: AbortSignal | undefined; timeoutMs?: number } = {},
  ): Promise<unknown> {
    const url = `${this.options.apiBase.replace(/\/+$/, '')}/bot${this.options.token}/${method}`;
    const timeout = AbortSignal.timeout(options.timeoutMs ?? this.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal,
      });
      text = await response.text();
    } catch (error) {
      throw new PlatformHttpError('zalo-bot', method, describeError(error, [this.options.token]), {
        cause: error,
      });
    }
    let parsed: z.infer<typeof Envelope>;
    try {
      parsed = Envelope.parse(JSON.parse(text));
    } catch {
      throw new PlatformHttpError(
        'zalo-bot',
        method,
        `unexpected answer (HTTP ${response.status})`,
        {
          status: response.status,
        },
      );
    }
    if (parsed.ok) return parsed.result;
    const code = parsed.error_code ?? response.status;
    const description = parsed.description ?? 'unknown error';
    if (code === 429) {
      const retryAfter = parsed.parameters?.retry_after;
      const waitMs =
        retryAfter !== undefined ? retryAfter * 1000 : (this.options.rateLimitWaitMs ?? 1000);
      throw new RateLimitedError('zalo-bot', method, waitMs, description);
    }
    throw new PlatformApiError('zalo-bot', method, code, description);
  }
}
