import { Router } from 'express';
import type { Logger } from '../../../common/logger.js';
import { readSecretWebhook } from '../shared/secret-webhook.js';

/** Options of {@link zaloBotWebhookRouter}. */
export interface ZaloBotWebhookOptions {
  path: string;
  /** The `secret_token` given to setWebhook (Zalo echoes it in `X-Bot-Api-Secret-Token`). */
  secret: string;
  handle: (update: unknown) => Promise<void>;
  logger: Logger;
}

const SECRET_HEADER = 'x-bot-api-secret-token';

/**
 * Express route receiving Zalo Bot updates. Wrong or missing secret → 401, nothing processed.
 * Otherwise it answers 200 at once and processes afterwards, as Zalo expects a quick answer;
 * redeliveries are dropped by the handler's message-id de-duplication.
 */
export function zaloBotWebhookRouter(options: ZaloBotWebhookOptions): Router {
  const router = Router();
  router.post(options.path, async (req, res) => {
    const read = await readSecretWebhook(req, res, {
      header: SECRET_HEADER,
      secret: options.secret,
      logger: options.logger,
      label: 'zalo',
    });
    if (!read.ok) return;
    res.status(200).json({ ok: true });
    if (read.body !== undefined) void options.handle(read.body);
  });
  return router;
}
