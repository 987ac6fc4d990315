import type {
  NotificationSender,
  OutgoingNotification,
} from '../../../common/dossier-contracts.js';
import { BoundedMap } from '../shared/bounded-set.js';
import { toDeliveryError } from '../shared/errors.js';
import type { ZaloBotClient } from './client.js';

/** Lets the dossier API notify residents who talk to the Zalo bot (chat id = their Zalo Bot id). */
export class ZaloBotSender implements NotificationSender {
  readonly channel = 'zalo' as const;
  private readonly delivered = new BoundedMap<string>(10_000);

  constructor(private readonly client: ZaloBotClient) {}

  async send(notification: OutgoingNotification): Promise<{ messageId?: string }> {
    const previous = this.delivered.get(notification.idempotencyKey);
    if (previous !== undefined) return { messageId: previous };
    try {
      const { messageId } = await this.client.sendMessage(
        notification.recipient,
        notification.text,
      );
      this.delivered.set(notification.idempotencyKey, messageId ?? '');
      return messageId ? { messageId } : {};
    } catch (error) {
      throw toDeliveryError(error);
    }
  }
}
