import type { Router } from 'express';
import type { NotificationSender } from '../../../common/dossier-contracts.js';
import type { GroupSender } from '../../../common/notice-contracts.js';

/** What starting one channel yields to the composition root. */
export interface StartedChannel {
  /** Shown at start-up, e.g. "telegram (polling)". */
  label: string;
  /** Webhook route to mount on the app before any JSON body parser. */
  router?: Router;
  senders: NotificationSender[];
  /** Adapters that post notices into groups, when the channel can. */
  groupSenders?: GroupSender[];
  stop(): Promise<void>;
}
