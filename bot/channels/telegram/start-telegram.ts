import type { Config } from '../../../common/config.js';
import type { ReplayGuard } from '../../../common/dossier-contracts.js';
import type { Logger } from '../../../common/logger.js';
import type { GroupRegistryPort } from '../../../common/notice-contracts.js';
import type { Responder } from '../shared/responder.js';
import type { StartedChannel } from '../shared/started-channel.js';
import { createTelegramBot, type TelegramBot } from './create-telegram-bot.js';
import type { OutboxOptions } from './outbox.js';
import { TelegramGroupSender } from './telegram-group-sender.js';
import { TelegramSender } from './telegram-sender.js';
import { telegramWebhookRouter } from './webhook-router.js';

const COMMANDS = [
  { command: 'thutuc', description: 'Hỏi về một thủ tục hành chính' },
  { command: 'hoso', description: 'Xem tình trạng hồ sơ: /hoso <mã hồ sơ> <4 số cuối SĐT>' },
  { command: 'dangky', description: 'Nhận thông báo của thôn/xã qua tin nhắn riêng' },
  { command: 'huy', description: 'Thôi nhận thông báo của thôn/xã' },
  { command: 'lienket', description: 'Nhận thông báo hồ sơ tại đây: /lienket <mã trong ứng dụng>' },
  { command: 'help', description: 'Hướng dẫn sử dụng' },
];
const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

/** Test and bench knobs; production uses the defaults. */
export interface TelegramStartOptions {
  outbox?: OutboxOptions;
  handlerTimeoutMs?: number;
  /** The notice group registry (the API's), for my_chat_member and /dangky … /huy. */
  groups?: GroupRegistryPort;
}

/**
 * Starts the Telegram bot from config: checks the token with getMe, then long polling or the webhook
 * route (registering the webhook when PUBLIC_BASE_URL is known).
 */
export async function startTelegram(
  config: Config,
  deps: { respond: Responder; logger: Logger; replay?: ReplayGuard },
  options: TelegramStartOptions = {},
): Promise<StartedChannel & { telegram: TelegramBot }> {
  const { token, apiRoot, mode, webhookSecret, webhookPath } = config.telegram;
  if (!token) throw new Error('startTelegram needs config.telegram.token');
  const telegram = createTelegramBot({ token, apiRoot, ...deps, ...options });
  const { bot, outbox } = telegram;
  bot.botInfo = (await outbox.call('getMe', {})) as NonNullable<typeof bot.botInfo>;
  const senders = [new TelegramSender(outbox)];
  const groupSenders = [new TelegramGroupSender(bot.telegram)];
  // The command menu residents see when they type "/"; cosmetic, so a failure only warns.
  await outbox.call('setMyCommands', { commands: COMMANDS }).catch((error: unknown) => {
    deps.logger.warn('telegram setMyCommands failed', { error });
  });

  if (mode === 'webhook') {
    const router = telegramWebhookRouter({
      bot,
      path: webhookPath,
      secret: webhookSecret ?? '',
      logger: deps.logger,
      ...(deps.replay ? { replay: deps.replay } : {}),
    });
    const base = config.server.publicBaseUrl;
    if (base) {
      await outbox.call('setWebhook', {
        url: new URL(webhookPath, base).toString(),
        secret_token: webhookSecret,
        allowed_updates: ALLOWED_UPDATES,
      });
    } else {
      deps.logger.warn('telegram webhook: PUBLIC_BASE_URL is not set, webhook not registered');
    }
    return {
      label: 'telegram (webhook)',
      router,
      senders,
      groupSenders,
      telegram,
      stop: async () => {},
    };
  }

  const running = bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }).catch((error: unknown) => {
    deps.logger.error('telegram polling stopped', { error });
  });
  return {
    label: 'telegram (polling)',
    senders,
    groupSenders,
    telegram,
    stop: async () => {
      let settled = false;
      void running.finally(() => (settled = true));
      while (!settled) {
        try {
          bot.stop('shutdown');
          break;
        } catch {
          // launch() is still between getMe/deleteWebhook and polling: try again in a moment.
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
      await running;
    },
  };
}
