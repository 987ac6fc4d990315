import type { AddressInfo } from 'node:net';
import express from 'express';
import type { PublicStatusLookup } from '../../common/dossier-contracts.js';
import { loadConfig } from '../../common/config.js';
import type { Logger } from '../../common/logger.js';
import type { Conversation } from '../../conversation/types.js';
import { startBots } from '../../bot/main.js';
import { FakeTelegramServer, visibleText, type TelegramCall } from './fake-telegram-server.js';

/*
 * A scripted Telegram conversation for `npm run demo:telegram`: the real adapter (telegraf, webhook
 * route with its secret) talks to a local fake of the Bot API, and a resident's turns are played as
 * webhook updates. Each turn is handled completely before the webhook answers, so the transcript is
 * deterministic.
 */

/** One step a resident takes: type text, or press the first choice button (else "Xem thêm"). */
export type DemoStep = { say: string } | { press: 'first-choice' };

/** The default script: the flow a new resident might follow. */
export const DEFAULT_DEMO_STEPS: DemoStep[] = [
  { say: '/start' },
  { say: 'làm giấy khai sinh cho con' },
  { press: 'first-choice' },
  { say: 'lệ phí bao nhiêu' },
  { say: 'giá vàng hôm nay' },
  { say: '/hoso ABC23DEF 1234' },
];

/** Options of {@link runTelegramDemo}. */
export interface TelegramDemoOptions {
  conversation: Conversation;
  statusLookup?: PublicStatusLookup;
  logger: Logger;
  steps?: DemoStep[];
  /** Where the transcript goes (stdout in the script). */
  write: (text: string) => void;
}

const RESIDENT = 20_260_101;
const SECRET = 'demo-webhook-secret';

type Button = { text: string; callback_data?: string };

function buttonsOf(call: TelegramCall): Button[] {
  const markup = call.body.reply_markup as { inline_keyboard?: Button[][] } | undefined;
  return (markup?.inline_keyboard ?? []).flat();
}

function show(call: TelegramCall): string {
  const lines = visibleText(String(call.body.text))
    .split('\n')
    .map((line) => (line ? `   ${line}` : ''));
  const buttons = buttonsOf(call).map((b) => `   [ ${b.text} ]`);
  return ['🤖 Trợ lý:', ...lines, ...buttons].join('\n');
}

/** Plays `steps` against the real Telegram adapter and writes a readable transcript. */
export async function runTelegramDemo(options: TelegramDemoOptions): Promise<TelegramCall[]> {
  const fake = await FakeTelegramServer.start();
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.url,
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    PUBLIC_BASE_URL: 'https://motcua.example.vn',
  });
  const bots = await startBots(config, {
    conversation: options.conversation,
    logger: options.logger,
    ...(options.statusLookup ? { statusLookup: options.statusLookup } : {}),
  });
  const app = express();
  for (const router of bots.routers) app.use(router);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${config.telegram.webhookPath}`;
  let updateId = 1;
  let lastReplies: TelegramCall[] = [];
  let messageId = 1;

  async function deliver(update: Record<string, unknown>): Promise<void> {
    const before = fake.callsOf('sendMessage').length;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify({ update_id: updateId++, ...update }),
    });
    if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
    lastReplies = fake.callsOf('sendMessage').slice(before);
    for (const reply of lastReplies) options.write(`${show(reply)}\n\n`);
  }

  const chat = { id: RESIDENT, type: 'private', first_name: 'Lan' };
  const from = { id: RESIDENT, is_bot: false, first_name: 'Lan', language_code: 'vi' };
  try {
    options.write(
      '— Demo Telegram: trợ lý Một cửa trả lời qua webhook (máy chủ Telegram giả lập cục bộ) —\n\n',
    );
    for (const step of options.steps ?? DEFAULT_DEMO_STEPS) {
      if ('say' in step) {
        options.write(`👤 Bạn: ${step.say}\n\n`);
        const command = /^\/\S+/.exec(step.say);
        const entities = command
          ? [{ type: 'bot_command', offset: 0, length: command[0].length }]
          : undefined;
        await deliver({
          message: {
            message_id: messageId++,
            date: Math.floor(Date.now() / 1000),
            chat,
            from,
            text: step.say,
            ...(entities ? { entities } : {}),
          },
        });
        continue;
      }
      const withButtons = [...lastReplies].reverse().find((c) => buttonsOf(c).length > 0);
      const button = withButtons && buttonsOf(withButtons).find((b) => b.callback_data);
      if (!withButtons || !button) {
        options.write('(Không có nút nào để bấm ở lượt này.)\n\n');
        continue;
      }
      options.write(`👆 Bạn bấm: ${button.text}\n\n`);
      await deliver({
        callback_query: {
          id: `demo-${updateId}`,
          from,
          chat_instance: 'demo',
          data: button.callback_data,
          message: {
            message_id: messageId++,
            date: 0,
            chat,
            text: visibleText(String(withButtons.body.text)),
            reply_markup: withButtons.body.reply_markup,
          },
        },
      });
    }
    return fake.calls;
  } finally {
    await new Promise((resolve) => server.close(() => resolve(undefined)));
    await bots.stop();
    await fake.stop();
  }
}
