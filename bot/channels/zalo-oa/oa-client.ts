import { z } from 'zod';
import { PlatformApiError, PlatformHttpError, RateLimitedError } from '../shared/errors.js';
import { describeError } from '../shared/scrub.js';
import { splitText } from '../shared/split-text.js';
import type { OaTokenManager } from './token-manager.js';

/** Text limit we keep to for OA consultation messages. */
export const OA_MAX_TEXT = 2000;
/** OA error codes that mean "this access token is no good" (worth one refresh and retry). */
const TOKEN_ERRORS = new Set([-216, -217, -124]);
/** Zalo app throttling codes (platforms.md §2.4). */
const THROTTLED = new Set([2000, 2001, 2002, 2003, 2004]);

const SendAnswer = z.looseObject({
  error: z.coerce.number(),
  message: z.string().optional(),
  data: z.looseObject({ message_id: z.union([z.string(), z.number()]).optional() }).optional(),
});

/** Sends OA customer-service ("tư vấn") messages: `POST /v3.0/oa/message/cs`, header `access_token`. */
export class OaClient {
  constructor(
    private readonly apiBase: string,
    private readonly tokens: OaTokenManager,
    private readonly timeoutMs = 15_000,
  ) {}

  /** Sends text to an OA-scoped user id, split at 2,000 characters. Returns the last message id. */
  async sendText(userId: string, text: string): Promise<string | undefined> {
    let messageId: string | undefined;
    for (const chunk of splitText(text, OA_MAX_TEXT)) {
      messageId = await this.sendOnce(userId, chunk);
    }
    return messageId;
  }

  private async sendOnce(userId: string, text: string): Promise<string | undefined> {
    let token = await this.tokens.getAccessToken();
    for (let attempt = 1; ; attempt++) {
      const answer = await this.post(token, userId, text);
      if (answer.error === 0) {
        const id = answer.data?.message_id;
        return id === undefined ? undefined : String(id);
      }
      if (TOKEN_ERRORS.has(answer.error) && attempt === 1) {
        token = await this.tokens.replace(token);
        continue;
      }
      const description = answer.message ?? 'error';
      if (THROTTLED.has(answer.error))
        throw new RateLimitedError('zalo-oa', 'message/cs', 60_000, description);
      throw new PlatformApiError('zalo-oa', 'message/cs', answer.error, description);
    }
  }

  private async post(
    token: string,
    userId: string,
    text: string,
  ): Promise<z.infer<typeof SendAnswer>> {
    try {
      const response = await fetch(`${this.apiBase.replace(/\/+$/, '')}/v3.0/oa/message/cs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', access_token: token },
        body: JSON.stringify({ recipient: { user_id: userId }, message: { text } }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      return SendAnswer.parse(await response.json());
    } catch (error) {
      throw new PlatformHttpError('zalo-oa', 'message/cs', describeError(error, [token]));
    }
  }
}
