import type { Config } from '../../../common/config.js';
import type { ReplayGuard } from '../../../common/dossier-contracts.js';
import type { Logger } from '../../../common/logger.js';
import type { GroupRegistryPort } from '../../../common/notice-contracts.js';
import type { Responder } from '../shared/responder.js';
import type { StartedChannel } from '../shared/started-channel.js';
import { ZaloBotClient } from './client.js';
import { createZaloUpdateHandler } from './handle-update.js';
import { startZaloPolling } from './polling.js';
import { zaloBotWebhookRouter } from './webhook-router.js';
import { ZaloBotGroupSender } from './zalo-bot-group-sender.js';
import { ZaloBotSender } from './zalo-bot-sender.js';

/** Test knobs; production uses the defaults. */
export interface ZaloBotStartOptions {
  pollTimeoutSeconds?: number;
  backoffMs?: { min: number; max: number };
  rateLimitWaitMs?: number;
}

/**
 * Starts the Zalo Bot Platform adapter: getMe (checks the token, learns our id for echo filtering),
 * then long polling (after deleteWebhook, which polling needs) or the webhook route.
 */
export async function startZaloBot(
  config: Config,
  deps: { respond: Responder; logger: Logger; replay?: ReplayGuard; registry?: GroupRegistryPort },
  options: ZaloBotStartOptions = {},
): Promise<StartedChannel> {
  const { token, apiBase, mode, webhookSecret, webhookPath, groups } = config.zaloBot;
  if (!token) throw new Error('startZaloBot needs config.zaloBot.token');
  const client = new ZaloBotClient({
    token,
    apiBase,
    ...(options.rateLimitWaitMs !== undefined ? { rateLimitWaitMs: options.rateLimitWaitMs } : {}),
  });
  const me = await client.getMe();
  const handle = createZaloUpdateHandler({ client, groups, botId: me.id, ...deps });
  const senders = [new ZaloBotSender(client)];
  const groupSenders = [new ZaloBotGroupSender(client, groups)];

  if (mode === 'webhook') {
    const secret = webhookSecret ?? '';
    const router = zaloBotWebhookRouter({ path: webhookPath, secret, handle, logger: deps.logger });
    const base = config.server.publicBaseUrl;
    if (base) await client.setWebhook(new URL(webhookPath, base).toString(), secret);
    else deps.logger.warn('zalo webhook: PUBLIC_BASE_URL is not set, webhook not registered');
    return { label: 'zalo (webhook)', router, senders, groupSenders, stop: async () => {} };
  }

  await client.deleteWebhook();
  const polling = startZaloPolling({
    client,
    handle,
    logger: deps.logger,
    ...(options.pollTimeoutSeconds !== undefined
      ? { timeoutSeconds: options.pollTimeoutSeconds }
      : {}),
    ...(options.backoffMs ? { backoffMs: options.backoffMs } : {}),
  });
  return { label: 'zalo (polling)', senders, groupSenders, stop: () => polling.stop() };
}
