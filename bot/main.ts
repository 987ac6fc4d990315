import type { Router } from 'express';
import type { Config } from '../common/config.js';
import type {
  NotificationSender,
  PublicStatusLookup,
  ReplayGuard,
} from '../common/dossier-contracts.js';
import type { Logger } from '../common/logger.js';
import { miniAppFormUrl } from '../common/mini-app-link.js';
import type { GroupRegistryPort, GroupSender } from '../common/notice-contracts.js';
import type { ChatLinkPort } from '../common/notify-link-contracts.js';
import type { Conversation } from '../conversation/types.js';
import { createResponder } from './channels/shared/responder.js';
import { scrubbingLogger } from './channels/shared/scrub.js';
import type { StartedChannel } from './channels/shared/started-channel.js';
import type { TelegramBot } from './channels/telegram/create-telegram-bot.js';
import { startTelegram, type TelegramStartOptions } from './channels/telegram/start-telegram.js';
import { startZaloBot, type ZaloBotStartOptions } from './channels/zalo-bot/start-zalo-bot.js';
import { startZaloOa, type ZaloOaStartOptions } from './channels/zalo-oa/start-zalo-oa.js';

/** What the composition root gives the bots. */
export interface StartBotsDeps {
  conversation: Conversation;
  /** The dossier API's public status lookup, for /hoso. Absent → a polite "not available yet". */
  statusLookup?: PublicStatusLookup;
  /** The notice group registry: groups the bots join or leave, village subscriptions. */
  groups?: GroupRegistryPort;
  logger: Logger;
  /** Seen delivery ids (the API's database-backed one under `npm start`); in memory when absent. */
  replay?: ReplayGuard;
  /** The API's chat linking, for `/start <code>` and `/lienket <code>` (proving a notification chat). */
  links?: ChatLinkPort;
}

/** Test and bench knobs (short backoffs); production passes nothing. */
export interface StartBotsOptions {
  telegram?: TelegramStartOptions;
  zaloBot?: ZaloBotStartOptions;
  zaloOa?: ZaloOaStartOptions;
}

/** The running bots. */
export interface Bots {
  /** Webhook routes; mount at the app root BEFORE any JSON body parser (they need raw bodies). */
  routers: Router[];
  /** Notification senders for the dossier API's dispatcher. */
  senders: NotificationSender[];
  /** Adapters that post notices into groups, for the API's notice delivery worker. */
  groupSenders: GroupSender[];
  /** What is on, e.g. ["telegram (polling)", "zalo-oa (webhook)"]. */
  active: string[];
  /** The Telegram adapter when it runs (chat-id migrations: `telegram.chatIds.entries()`). */
  telegram?: TelegramBot;
  stop(): Promise<void>;
}

/**
 * Starts every bot whose credentials are configured: Telegram (polling or webhook), the Zalo Bot
 * Platform (polling or webhook) and the Zalo OA webhook. Without tokens nothing starts and no network
 * is touched. A bot that fails to start (bad token, platform unreachable) is logged and left off; the
 * others and the rest of the server keep running.
 */
export async function startBots(
  config: Config,
  deps: StartBotsDeps,
  options: StartBotsOptions = {},
): Promise<Bots> {
  const logger = scrubbingLogger(deps.logger, [
    config.telegram.token,
    config.telegram.webhookSecret,
    config.zaloBot.token,
    config.zaloBot.webhookSecret,
    config.zaloOa.secretKey,
    config.zaloOa.appSecret,
    config.zaloOa.accessToken,
    config.zaloOa.refreshToken,
  ]);
  const respond = createResponder({
    conversation: deps.conversation,
    ...(deps.statusLookup ? { statusLookup: deps.statusLookup } : {}),
    ...(deps.links ? { links: deps.links } : {}),
    logger,
    rateLimit: config.bots.rateLimit,
    formUrl: (code) =>
      miniAppFormUrl(code, {
        zaloMiniAppId: config.zaloMiniApp.appId,
        publicBaseUrl: config.server.publicBaseUrl,
      }),
  });
  const channelDeps = { respond, logger, ...(deps.replay ? { replay: deps.replay } : {}) };
  const started: StartedChannel[] = [];
  let telegram: TelegramBot | undefined;

  async function attempt(name: string, start: () => Promise<StartedChannel>): Promise<void> {
    try {
      const channel = await start();
      started.push(channel);
      logger.info(`${channel.label} started`);
    } catch (error) {
      logger.error(`${name} bot did not start`, { error });
    }
  }

  if (config.telegram.token) {
    await attempt('telegram', async () => {
      const channel = await startTelegram(config, channelDeps, {
        ...options.telegram,
        ...(deps.groups ? { groups: deps.groups } : {}),
      });
      telegram = channel.telegram;
      return channel;
    });
  }
  // Zalo chats take village subscriptions too; Zalo Bot groups (behind ZALO_BOT_GROUPS) and the OA's
  // configured GMF groups are reported to the notice registry.
  const zaloDeps = { ...channelDeps, ...(deps.groups ? { registry: deps.groups } : {}) };
  if (config.zaloBot.token) {
    await attempt('zalo', () => startZaloBot(config, zaloDeps, options.zaloBot));
  }
  if (config.zaloOa.appId) {
    await attempt('zalo-oa', () => startZaloOa(config, zaloDeps, options.zaloOa));
  }

  return {
    routers: started.flatMap((c) => (c.router ? [c.router] : [])),
    senders: started.flatMap((c) => c.senders),
    groupSenders: started.flatMap((c) => c.groupSenders ?? []),
    active: started.map((c) => c.label),
    ...(telegram ? { telegram } : {}),
    stop: async () => {
      await Promise.allSettled(started.map((c) => c.stop()));
    },
  };
}
