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
  data: z
    .looseObject({
      message_id: z.union([z.string(), z.number()]).optional(),
      status: z.string().optional(),
    })
    .optional(),
});

/** Zalo's answer to an OA call: `error` 0 on success, else Zalo's code and message. */
export type OaAnswer = z.infer<typeof SendAnswer>;

/**
 * Calls the OA Open API v3 (`openapi.zalo.me`, header `access_token`): consultation ("tư vấn")
 * messages `POST /v3.0/oa/message/cs`, and for GMF groups `POST /v3.0/oa/group/message` and
 * `GET /v3.0/oa/group/getgroup`.
 */
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
    const answer = await this.call('POST', '/v3.0/oa/message/cs', {
      recipient: { user_id: userId },
      message: { text },
    });
    if (answer.error === 0) {
      const id = answer.data?.message_id;
      return id === undefined ? undefined : String(id);
    }
    const description = answer.message ?? 'error';
    if (THROTTLED.has(answer.error))
      throw new RateLimitedError('zalo-oa', 'message/cs', 60_000, description);
    throw new PlatformApiError('zalo-oa', 'message/cs', answer.error, description);
  }

  /**
   * One authorised call; a token Zalo calls bad is replaced once and the call repeated. Returns
   * Zalo's answer whatever its `error`; throws {@link PlatformHttpError} (with the network error as
   * `cause`) when Zalo could not be reached or did not answer in time.
   */
  async call(
    method: 'GET' | 'POST',
    path: string,
    body: object,
    options: { signal?: AbortSignal | undefined } = {},
  ): Promise<OaAnswer> {
    let token = await this.tokens.getAccessToken();
    for (let attempt = 1; ; attempt++) {
      const answer = await this.send(token, method, path, body, options.signal);
      if (TOKEN_ERRORS.has(answer.error) && attempt === 1) {
        token = await this.tokens.replace(token);
        continue;
      }
      return answer;
    }
  }

  private async send(
    token: string,
    method: 'GET' | 'POST',
    path: string,
    body: object,
    signal: AbortSignal | undefined,
  ): Promise<OaAnswer> {
    const url = new URL(`${this.apiBase.replace(/\/+$/, '')}${path}`);
    if (method === 'GET') {
      for (const [k, v] of Object.entries(body)) url.searchParams.set(k, String(v));
    }
    const timeout = AbortSignal.timeout(this.timeoutMs);
    try {
      const response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', access_token: token },
        ...(method === 'POST' ? { body: JSON.stringify(body) } : {}),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      if (response.status >= 500) {
        throw new PlatformHttpError('zalo-oa', path, `HTTP ${response.status}`, {
          status: response.status,
        });
      }
      return SendAnswer.parse(await response.json());
    } catch (error) {
      if (error instanceof PlatformHttpError) throw error;
      throw new PlatformHttpError('zalo-oa', path, describeError(error, [token]), {
        cause: error,
      });
    }
  }
}
