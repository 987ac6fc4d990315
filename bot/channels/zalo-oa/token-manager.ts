import { z } from 'zod';
import type { Logger } from '../../../common/logger.js';
import { PlatformApiError, PlatformHttpError } from '../shared/errors.js';
import { describeError } from '../shared/scrub.js';
import type { OaTokens, OaTokenStore } from './token-store.js';

/** Options of {@link OaTokenManager}. */
export interface OaTokenManagerOptions {
  appId: string;
  /** Zalo App secret (header `secret_key` of the OAuth call); without it no refresh is possible. */
  appSecret: string | undefined;
  oauthBase: string;
  store: OaTokenStore;
  /** Tokens from config, used when the store has none (or was seeded from another refresh token). */
  seed: { accessToken: string | undefined; refreshToken: string | undefined };
  logger: Logger;
  /** Refresh this long before the access token expires (default 5 min). */
  earlyMs?: number;
  now?: () => number;
}

const RefreshAnswer = z.looseObject({
  access_token: z.string().optional(),
  refresh_token: z.string().optional(),
  expires_in: z.union([z.string(), z.number()]).optional(),
  error: z.union([z.string(), z.number()]).optional(),
  error_name: z.string().optional(),
  error_description: z.string().optional(),
  message: z.string().optional(),
});

/**
 * Hands out a valid OA access token. Zalo's refresh token is single-use and rotates, so exactly one
 * refresh may be in flight: concurrent callers await the same promise, and the new pair is stored
 * (atomically) before anyone uses it.
 */
export class OaTokenManager {
  private tokens: OaTokens = {
    accessToken: undefined,
    accessExpiresAt: undefined,
    refreshToken: undefined,
    seedRefreshToken: undefined,
  };
  private inFlight: Promise<string> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: OaTokenManagerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Loads stored tokens; a config refresh token different from the stored chain's seed wins. */
  async init(): Promise<void> {
    const stored = await this.options.store.load();
    const seed = this.options.seed;
    const reseeded =
      seed.refreshToken !== undefined && stored?.seedRefreshToken !== seed.refreshToken;
    this.tokens =
      stored && !reseeded
        ? stored
        : {
            accessToken: seed.accessToken,
            accessExpiresAt: undefined,
            refreshToken: seed.refreshToken,
            seedRefreshToken: seed.refreshToken,
          };
  }

  /** A token believed valid, refreshing first when it is missing or about to expire. */
  async getAccessToken(): Promise<string> {
    const { accessToken, accessExpiresAt } = this.tokens;
    const early = this.options.earlyMs ?? 5 * 60_000;
    if (accessToken && (accessExpiresAt === undefined || accessExpiresAt - early > this.now())) {
      return accessToken;
    }
    return this.refresh();
  }

  /**
   * Called when Zalo rejected `rejected` as expired or invalid. Refreshes unless another caller has
   * already replaced that token, in which case the newer one is returned.
   */
  async replace(rejected: string): Promise<string> {
    if (this.tokens.accessToken && this.tokens.accessToken !== rejected)
      return this.tokens.accessToken;
    return this.refresh();
  }

  /** Single-flight refresh. */
  refresh(): Promise<string> {
    this.inFlight ??= this.doRefresh().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async doRefresh(): Promise<string> {
    const { appId, appSecret, oauthBase } = this.options;
    const refreshToken = this.tokens.refreshToken;
    if (!appSecret || !refreshToken) {
      throw new PlatformApiError(
        'zalo-oa',
        'refresh',
        0,
        'no refresh token or app secret configured',
      );
    }
    const secrets = [appSecret, refreshToken];
    let answer: z.infer<typeof RefreshAnswer>;
    try {
      const response = await fetch(`${oauthBase.replace(/\/+$/, '')}/v4/oa/access_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: appSecret },
        body: new URLSearchParams({
          app_id: appId,
          grant_type: 'refresh_token',
          refresh_token: refreshToken,
        }),
        signal: AbortSignal.timeout(15_000),
      });
      answer = RefreshAnswer.parse(await response.json());
    } catch (error) {
      throw new PlatformHttpError('zalo-oa', 'refresh', describeError(error, secrets));
    }
    if (!answer.access_token || !answer.refresh_token) {
      const code = Number(answer.error ?? 0);
      const description =
        answer.error_description ?? answer.message ?? answer.error_name ?? 'refresh refused';
      this.options.logger.error(
        'zalo-oa: token refresh refused; re-authorize the OA if this persists',
        {
          code,
        },
      );
      throw new PlatformApiError('zalo-oa', 'refresh', code, description);
    }
    const seconds = Number(answer.expires_in ?? 3600);
    const next: OaTokens = {
      accessToken: answer.access_token,
      accessExpiresAt: this.now() + (Number.isFinite(seconds) ? seconds : 3600) * 1000,
      refreshToken: answer.refresh_token,
      seedRefreshToken: this.tokens.seedRefreshToken,
    };
    // Persist before use: the old refresh token is already spent at Zalo's side.
    await this.options.store.save(next);
    this.tokens = next;
    this.options.logger.info('zalo-oa: access token refreshed');
    return answer.access_token;
  }
}
