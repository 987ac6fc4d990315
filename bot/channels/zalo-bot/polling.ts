import type { Logger } from '../../../common/logger.js';
import { PlatformApiError } from '../shared/errors.js';
import { sleep } from '../shared/sleep.js';
import type { ZaloBotClient } from './client.js';

/** Options of {@link startZaloPolling}. */
export interface ZaloPollingOptions {
  client: ZaloBotClient;
  handle: (update: unknown) => Promise<void>;
  logger: Logger;
  /** Long-poll length asked of Zalo, in seconds (default 30). */
  timeoutSeconds?: number;
  /** First and longest wait after a failed poll (default 1 s and 60 s, doubling in between). */
  backoffMs?: { min: number; max: number };
}

/**
 * Long-polls getUpdates until stopped. Failures back off exponentially (bounded) instead of spinning;
 * a 401 (bad token) stops polling for good. Returns `stop`, which resolves once the loop has ended.
 */
export function startZaloPolling(options: ZaloPollingOptions): { stop(): Promise<void> } {
  const controller = new AbortController();
  const { min, max } = options.backoffMs ?? { min: 1000, max: 60_000 };
  const loop = (async () => {
    let wait = min;
    while (!controller.signal.aborted) {
      try {
        const update = await options.client.getUpdates(
          options.timeoutSeconds ?? 30,
          controller.signal,
        );
        wait = min;
        if (update !== undefined) await options.handle(update);
      } catch (error) {
        if (controller.signal.aborted) break;
        if (error instanceof PlatformApiError && error.errorCode === 401) {
          options.logger.error('zalo polling stopped: token rejected', { error });
          break;
        }
        options.logger.warn('zalo polling failed, retrying', { error, waitMs: wait });
        await sleep(wait, controller.signal);
        wait = Math.min(wait * 2, max);
      }
    }
  })();
  return {
    stop: async () => {
      controller.abort();
      await loop;
    },
  };
}
