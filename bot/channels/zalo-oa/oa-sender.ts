import type {
  NotificationSender,
  OutgoingNotification,
} from '../../../common/dossier-contracts.js';
import { BoundedMap } from '../shared/bounded-set.js';
import { toDeliveryError } from '../shared/errors.js';
import type { OaClient } from './oa-client.js';

/**
 * Notifies residents through the OA (recipient = OA-scoped user id). Zalo only accepts consultation
 * messages within its interaction window; outside it the send fails and is not retried.
 */
export class OaSender implements NotificationSender {
  readonly channel = 'zalo-oa' as const;
  private readonly delivered = new BoundedMap<string>(10_000);

  constructor(private readonly client: OaClient) {}

  async send(notification: OutgoingNotification): Promise<{ messageId?: string }> {
    const previous = this.delivered.get(notification.idempotencyKey);
    if (previous !== undefined) return { messageId: previous };
    try {
      const messageId = await this.client.sendText(notification.recipient, notification.text);
      this.delivered.set(notification.idempotencyKey, messageId ?? '');
      return messageId ? { messageId } : {};
    } catch (error) {
      throw toDeliveryError(error);
    }
  }
}
