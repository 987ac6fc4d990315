import { Router } from 'express';
import type { Logger } from '../../../common/logger.js';
import { secretsEqual } from '../shared/constant-time.js';
import { BodyTooLargeError, parseJson, readRawBody } from '../shared/raw-body.js';

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
    if (!secretsEqual(req.get(SECRET_HEADER), options.secret)) {
      options.logger.warn('zalo webhook: bad secret token', { ip: req.ip });
      res.status(401).json({ ok: false });
      return;
    }
    let update: unknown;
    try {
      update = parseJson(await readRawBody(req));
    } catch (error) {
      res.status(error instanceof BodyTooLargeError ? 413 : 400).end();
      return;
    }
    res.status(200).json({ ok: true });
    if (update !== undefined) void options.handle(update);
  });
  return router;
}
