/**
 * @module
 * The in-app channel (`app`): "delivering" a notice means recording it in the resident's notice list
 * (resident_notices), read by the mini-app through `GET /api/me/notices`. It runs through the same
 * outbox and dispatcher as the bots, so a status notice is queued in the transaction of the status
 * change and recorded exactly once (the notice row is keyed by the outbox row's idempotency key).
 */
import { DeliveryError, type NotificationSender } from '../../common/dossier-contracts.js';
import type { Queryable } from '../store/database.js';
import { recordNoticeFromOutbox } from '../store/notice-repository.js';

export function createInAppSender(
  db: Queryable,
  now: () => Date = () => new Date(),
): NotificationSender {
  return {
    channel: 'app',
    async send(n) {
      const ok = await recordNoticeFromOutbox(db, n.idempotencyKey, n.recipient, n.text, now());
      if (!ok) throw new DeliveryError('outbox row not found for in-app notice', false);
      return { messageId: n.idempotencyKey };
    },
  };
}
