/**
 * @module
 * Delivers outbox rows through the channel senders the bots provide. A row is claimed with a lease
 * (`FOR UPDATE SKIP LOCKED`), sent once, and marked sent only if the claim still holds; failures are
 * retried with exponential backoff (or after the channel's `retryAfterMs`), non-retryable ones are
 * marked failed. Each send carries the row's idempotency key so a channel adapter can drop a repeat
 * in the one unavoidable window: a crash after the channel accepted the message but before the row
 * was marked sent.
 */
import {
  DeliveryError,
  type NotificationSender,
  type NotifyChannel,
} from '../../common/dossier-contracts.js';
import type { Logger } from '../../common/logger.js';
import type { Database } from '../store/database.js';
import {
  claimDue,
  markFailed,
  markRetry,
  markSent,
  type OutboxRow,
} from '../store/outbox-repository.js';

export interface DispatcherOptions {
  db: Database;
  senders: readonly NotificationSender[];
  logger: Logger;
  now?: () => Date;
  /** How often due rows are looked for when nobody pokes. */
  pollIntervalMs?: number;
  batchSize?: number;
  /** How long a claim holds before another dispatcher may retry the row. */
  leaseMs?: number;
  /** Attempts before a row is given up (GOV.UK Forms: 10 over about 4.5 hours). */
  maxAttempts?: number;
  /** Delay before attempt `n + 1` after `n` failed attempts. */
  backoffMs?: (attempts: number) => number;
}

export interface NotificationDispatcher {
  /** Starts polling. */
  start(): void;
  /** Asks for a run soon (after a commit that enqueued something). */
  poke(): void;
  /** Delivers everything due now; resolves with the number of rows handled. */
  runOnce(): Promise<number>;
  /** Stops polling and waits for the run in progress. */
  stop(): Promise<void>;
}

/** 30 s, 1 min, 2 min … capped at 1 h. */
export const defaultBackoff = (attempts: number) =>
  Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

export function createDispatcher(options: DispatcherOptions): NotificationDispatcher {
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? 20;
  const leaseMs = options.leaseMs ?? 120_000;
  const maxAttempts = options.maxAttempts ?? 10;
  const backoff = options.backoffMs ?? defaultBackoff;
  const senders = new Map<NotifyChannel, NotificationSender>(
    options.senders.map((s) => [s.channel, s]),
  );
  const log = options.logger;

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let again = false;
  let stopped = false;

  async function deliver(row: OutboxRow): Promise<void> {
    const sender = senders.get(row.channel);
    if (!sender) {
      await markFailed(
        options.db,
        row.id,
        row.attempts,
        `no sender configured for channel ${row.channel}`,
      );
      log.warn('notification dropped: channel not configured', {
        outboxId: row.id,
        channel: row.channel,
      });
      return;
    }
    try {
      const result = await sender.send({
        channel: row.channel,
        recipient: row.recipient,
        text: row.body,
        idempotencyKey: row.idempotency_key,
      });
      const kept = await markSent(
        options.db,
        row.id,
        row.attempts,
        result.messageId ?? null,
        now(),
      );
      if (!kept) log.warn('notification sent after its claim expired', { outboxId: row.id });
    } catch (error) {
      const retryable = error instanceof DeliveryError ? error.retryable : true;
      const message = error instanceof Error ? error.message : String(error);
      if (retryable && row.attempts < maxAttempts) {
        const wait = Math.max(
          backoff(row.attempts),
          error instanceof DeliveryError ? (error.retryAfterMs ?? 0) : 0,
        );
        await markRetry(
          options.db,
          row.id,
          row.attempts,
          message,
          new Date(now().getTime() + wait),
        );
        log.warn('notification failed, will retry', {
          outboxId: row.id,
          attempts: row.attempts,
          waitMs: wait,
          error: message,
        });
      } else {
        await markFailed(options.db, row.id, row.attempts, message);
        log.error('notification failed permanently', {
          outboxId: row.id,
          attempts: row.attempts,
          error: message,
        });
      }
    }
  }

  async function drain(): Promise<number> {
    let handled = 0;
    for (;;) {
      const rows = await claimDue(options.db, batchSize, leaseMs, now());
      for (const row of rows) await deliver(row);
      handled += rows.length;
      if (rows.length < batchSize || stopped) return handled;
    }
  }

  function runOnce(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      try {
        do {
          again = false;
          total += await drain();
        } while (again && !stopped);
      } catch (error) {
        log.error('notification dispatcher run failed', { error });
      } finally {
        running = undefined;
      }
      return total;
    })();
    return running;
  }

  return {
    start() {
      stopped = false;
      timer ??= setInterval(() => void runOnce(), options.pollIntervalMs ?? 2000);
      timer.unref();
      void runOnce();
    },
    poke() {
      if (!stopped) void runOnce();
    },
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
