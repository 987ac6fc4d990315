import { Router } from 'express';
import type { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Logger } from '../../../common/logger.js';
import type { ReplayGuard } from '../../../common/dossier-contracts.js';
import { memoryReplayGuard } from '../shared/memory-replay-guard.js';
import { readSecretWebhook } from '../shared/secret-webhook.js';

/** Options of {@link telegramWebhookRouter}. */
export interface TelegramWebhookOptions {
  bot: Telegraf;
  /** Full path Telegram posts to (mount the router at the app root). */
  path: string;
  /** Must equal the `secret_token` given to setWebhook. */
  secret: string;
  logger: Logger;
  /** Seen update ids; database-backed under `npm start` so replays after a restart are caught. */
  replay?: ReplayGuard;
}

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

const DAY_MS = 86_400_000;

function isUpdate(value: unknown): value is Update {
  return (
    typeof value === 'object' &&
    value !== null &&
    Number.isInteger((value as { update_id?: unknown }).update_id)
  );
}

/**
 * Express route receiving Telegram updates. A wrong or missing secret header gets 401 and nothing is
 * processed. The update is handled before answering 200, so Telegram redelivers it if we crash midway;
 * redeliveries of an update already seen are acknowledged without processing.
 */
export function telegramWebhookRouter(options: TelegramWebhookOptions): Router {
  const router = Router();
  const replay = options.replay ?? memoryReplayGuard();
  router.post(options.path, async (req, res) => {
    const read = await readSecretWebhook(req, res, {
      header: SECRET_HEADER,
      secret: options.secret,
      logger: options.logger,
      label: 'telegram',
    });
    if (!read.ok) return;
    const update = read.body;
    if (!isUpdate(update)) {
      res.status(400).json({ ok: false });
      return;
    }
    // Telegram keeps undelivered updates for 24 hours, so ids are remembered that long.
    const key = `telegram:${options.bot.botInfo?.id ?? ''}:${update.update_id}`;
    if (await replay.firstSeen(key, DAY_MS)) await options.bot.handleUpdate(update);
    res.status(200).json({ ok: true });
  });
  return router;
}
