import type {
  NotificationSender,
  OutgoingNotification,
} from '../../../common/dossier-contracts.js';
import { BoundedMap } from '../shared/bounded-set.js';
import { toDeliveryError } from '../shared/errors.js';
import type { TelegramOutbox } from './outbox.js';
import { toHtmlChunks } from './render.js';

/**
 * Lets the dossier API notify residents on Telegram. A notice already delivered under the same
 * idempotency key is not sent twice (the dispatcher may retry after a timeout).
 */
export class TelegramSender implements NotificationSender {
  readonly channel = 'telegram' as const;
  private readonly delivered = new BoundedMap<string>(10_000);

  constructor(private readonly outbox: TelegramOutbox) {}

  async send(notification: OutgoingNotification): Promise<{ messageId?: string }> {
    const previous = this.delivered.get(notification.idempotencyKey);
    if (previous !== undefined) return { messageId: previous };
    try {
      let messageId = '';
      for (const html of toHtmlChunks(notification.text)) {
        messageId = String(await this.outbox.sendHtml(notification.recipient, html));
      }
      this.delivered.set(notification.idempotencyKey, messageId);
      return { messageId };
    } catch (error) {
      throw toDeliveryError(error);
    }
  }
}
