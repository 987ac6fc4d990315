import type { Router } from 'express';
import type { NotificationSender } from '../../../common/dossier-contracts.js';

/** What starting one channel yields to the composition root. */
export interface StartedChannel {
  /** Shown at start-up, e.g. "telegram (polling)". */
  label: string;
  /** Webhook route to mount on the app before any JSON body parser. */
  router?: Router;
  senders: NotificationSender[];
  stop(): Promise<void>;
}
