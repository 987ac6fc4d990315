import path from 'node:path';
import type { Config } from '../../../common/config.js';
import type { ReplayGuard } from '../../../common/dossier-contracts.js';
import type { Logger } from '../../../common/logger.js';
import type { GroupRegistryPort } from '../../../common/notice-contracts.js';
import type { Responder } from '../shared/responder.js';
import type { StartedChannel } from '../shared/started-channel.js';
import { createOaEventHandler } from './handle-event.js';
import { OaClient } from './oa-client.js';
import { OaGroupSender } from './oa-group-sender.js';
import { OaSender } from './oa-sender.js';
import { OaTokenManager } from './token-manager.js';
import { OaTokenStore } from './token-store.js';
import { zaloOaWebhookRouter } from './webhook-router.js';

/** Test knobs; production uses the defaults. */
export interface ZaloOaStartOptions {
  now?: () => number;
  /** How long a throttled OA waits before posting notices again (default 60 s). */
  throttleWaitMs?: number;
}

/** File under the data directory holding the rotating OA token pair. */
export const OA_TOKEN_FILE = 'zalo-oa-tokens.json';

/**
 * Starts the Zalo OA webhook adapter. Touches no network at start: tokens are loaded from the data
 * directory (or config) and refreshed on first need.
 */
export async function startZaloOa(
  config: Config,
  deps: { respond: Responder; logger: Logger; replay?: ReplayGuard; registry?: GroupRegistryPort },
  options: ZaloOaStartOptions = {},
): Promise<StartedChannel> {
  const oa = config.zaloOa;
  if (!oa.appId || !oa.secretKey)
    throw new Error('startZaloOa needs ZALO_OA_APP_ID and ZALO_OA_SECRET_KEY');
  const tokens = new OaTokenManager({
    appId: oa.appId,
    appSecret: oa.appSecret,
    oauthBase: oa.oauthBase,
    store: new OaTokenStore(path.join(config.storage.dataDir, OA_TOKEN_FILE)),
    seed: { accessToken: oa.accessToken, refreshToken: oa.refreshToken },
    logger: deps.logger,
    ...(options.now ? { now: options.now } : {}),
  });
  await tokens.init();
  if (!oa.accessToken && !oa.refreshToken) {
    deps.logger.warn('zalo-oa: no access or refresh token configured; replies cannot be sent yet');
  }
  const client = new OaClient(oa.apiBase, tokens);
  // GMF groups come from configuration (the OA API lists none we can rely on): recorded for an
  // officer to approve; one dropped from the list stops receiving.
  await deps.registry?.syncConfigured(
    'zalo-oa',
    oa.groups.map((g) => ({ chatId: g.id, title: g.title ?? `Nhóm Zalo OA ${g.id.slice(-6)}` })),
  );
  const router = zaloOaWebhookRouter({
    path: oa.webhookPath,
    appId: oa.appId,
    secretKey: oa.secretKey,
    replayWindowSeconds: oa.replayWindowSeconds,
    handle: createOaEventHandler({
      client,
      respond: deps.respond,
      logger: deps.logger,
      ...(deps.registry ? { registry: deps.registry } : {}),
    }),
    logger: deps.logger,
    ...(deps.replay ? { replay: deps.replay } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    label: 'zalo-oa (webhook)',
    router,
    senders: [new OaSender(client)],
    groupSenders: [new OaGroupSender(client, options.throttleWaitMs)],
    stop: async () => {},
  };
}
