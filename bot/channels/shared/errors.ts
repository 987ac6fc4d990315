import { AppError } from '../../../common/errors.js';
import { DeliveryError } from '../../../common/dossier-contracts.js';

/*
 * The few error kinds a chat platform can give us, modelled on grammY's GrammyError / HttpError split:
 * the platform answered "no" (PlatformApiError), asked us to slow down (RateLimitedError), or could not
 * be reached / answered garbage (PlatformHttpError). Messages never contain a token: callers pass
 * already-scrubbed text (see scrub.ts).
 */

/** Which platform an error came from. */
export type PlatformName = 'telegram' | 'zalo-bot' | 'zalo-oa';

/** The platform answered with an error envelope (`ok:false` or `error != 0`). */
export class PlatformApiError extends AppError {
  constructor(
    readonly platform: PlatformName,
    readonly method: string,
    readonly errorCode: number,
    readonly description: string,
    options?: { cause?: unknown },
  ) {
    super('PLATFORM_API', `${platform} ${method} failed: ${errorCode} ${description}`, options);
  }
}

/** The platform asked us to wait `retryAfterMs` before calling again (HTTP/API code 429). */
export class RateLimitedError extends PlatformApiError {
  constructor(
    platform: PlatformName,
    method: string,
    readonly retryAfterMs: number,
    description = 'Too Many Requests',
  ) {
    super(platform, method, 429, description);
  }
}

/** The platform could not be reached, timed out, or answered something that is not its envelope. */
export class PlatformHttpError extends AppError {
  constructor(
    readonly platform: PlatformName,
    readonly method: string,
    message: string,
    options?: { cause?: unknown; status?: number },
  ) {
    super('PLATFORM_HTTP', `${platform} ${method}: ${message}`, { cause: options?.cause });
    this.status = options?.status;
  }
  readonly status: number | undefined;
}

/**
 * Maps a platform error to the dossier API's {@link DeliveryError}. Blocked bots, unknown chats and
 * bad requests cannot be helped by retrying; rate limits and network trouble can.
 */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof RateLimitedError) {
    return new DeliveryError(error.message, true, error.retryAfterMs);
  }
  if (error instanceof PlatformApiError) {
    // Zalo's Bot API documents 403 as "internal server error" (sic), unlike Telegram's "blocked".
    const zaloInternal = error.platform === 'zalo-bot' && error.errorCode === 403;
    const retryable = error.errorCode >= 500 || error.errorCode === 408 || zaloInternal;
    return new DeliveryError(error.message, retryable);
  }
  if (error instanceof PlatformHttpError) return new DeliveryError(error.message, true);
  return new DeliveryError(error instanceof Error ? error.message : String(error), true);
}
