/**
 * A fake notification channel: records what would be sent, and can be scripted to fail, so the
 * dispatcher's retries and give-ups can be observed.
 */
import type {
  DeliveryError,
  NotificationSender,
  NotifyChannel,
  OutgoingNotification,
} from '../../common/dossier-contracts.js';

export interface RecordingSender extends NotificationSender {
  sent: OutgoingNotification[];
  attempts: OutgoingNotification[];
  /** Errors thrown by the next attempts, in order (then sends succeed). */
  failures: DeliveryError[];
  /** Resolves once `count` messages have been sent. */
  waitFor(count: number, timeoutMs?: number): Promise<OutgoingNotification[]>;
}

export function createRecordingSender(channel: NotifyChannel): RecordingSender {
  const sent: OutgoingNotification[] = [];
  const attempts: OutgoingNotification[] = [];
  const failures: DeliveryError[] = [];
  return {
    channel,
    sent,
    attempts,
    failures,
    async send(notification) {
      attempts.push(notification);
      const failure = failures.shift();
      if (failure) throw failure;
      sent.push(notification);
      return { messageId: `m${sent.length}` };
    },
    async waitFor(count, timeoutMs = 5000) {
      const start = Date.now();
      while (sent.length < count) {
        if (Date.now() - start > timeoutMs) {
          throw new Error(`expected ${count} notifications, got ${sent.length}`);
        }
        await new Promise((r) => setTimeout(r, 10));
      }
      return sent;
    },
  };
}
