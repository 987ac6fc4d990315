/**
 * `npm run notice:worker [-- --until-idle]`: the notice delivery worker on its own, without the API —
 * for a deployment that runs it as a separate process on PostgreSQL (DATABASE_URL), and for the
 * broadcast benchmark, which kills it with SIGKILL mid-way. It posts through the Telegram group
 * adapter (TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT) and the Zalo Bot one (ZALO_BOT_TOKEN; groups with
 * ZALO_BOT_GROUPS) and sends no chat replies. Zalo OA notices stay with `npm start`: the OA's rotating
 * refresh token must have a single refresher.
 *
 * `--until-idle`: exits once no delivery is pending or in flight, printing `{"idle":true}`.
 * Run one worker per bot token: Telegram's 30 messages/s is per bot.
 */
import { parseArgs } from 'node:util';
import { Telegraf } from 'telegraf';
import { TelegramGroupSender } from '../bot/channels/telegram/telegram-group-sender.js';
import { ZaloBotClient } from '../bot/channels/zalo-bot/client.js';
import { ZaloBotGroupSender } from '../bot/channels/zalo-bot/zalo-bot-group-sender.js';
import { createDeliveryWorker } from '../api/notices/delivery-worker.js';
import { openStore, storeOptionsFrom } from '../api/store/store.js';
import { loadConfig } from '../common/config.js';
import { createLogger } from '../common/logger.js';
import type { GroupSender } from '../common/notice-contracts.js';
import { exitWithHelpIfAsked } from './lib/help.js';

exitWithHelpIfAsked(
  process.argv.slice(2),
  `Cách dùng: npm run notice:worker [-- --until-idle]

Chạy riêng tiến trình gửi thông báo tới các nhóm (không có API), dùng TELEGRAM_BOT_TOKEN,
TELEGRAM_API_ROOT, ZALO_BOT_TOKEN (nếu có) và cơ sở dữ liệu đã cấu hình (DATABASE_URL hoặc
PGlite trong DATA_DIR). Tin qua Zalo OA do tiến trình chính (npm start) gửi.
Chỉ chạy một tiến trình cho mỗi bot: giới hạn 30 tin/giây của Telegram tính theo bot.

  --until-idle   dừng khi không còn tin nào chờ gửi hoặc đang gửi (in {"idle":true})
  -h, --help     in hướng dẫn này`,
);
const { values } = parseArgs({ options: { 'until-idle': { type: 'boolean', default: false } } });
const config = loadConfig();
const logger = createLogger({ silent: config.server.logSilent });
const senders: GroupSender[] = [];
if (config.telegram.token) {
  const telegraf = new Telegraf(config.telegram.token, {
    telegram: { apiRoot: config.telegram.apiRoot },
  });
  senders.push(new TelegramGroupSender(telegraf.telegram));
}
if (config.zaloBot.token) {
  const client = new ZaloBotClient({
    token: config.zaloBot.token,
    apiBase: config.zaloBot.apiBase,
  });
  senders.push(new ZaloBotGroupSender(client, config.zaloBot.groups));
}
if (senders.length === 0) {
  process.stderr.write(
    'Chưa cấu hình TELEGRAM_BOT_TOKEN hay ZALO_BOT_TOKEN: không có kênh nào để gửi thông báo.\n',
  );
  process.exit(2);
}
const store = await openStore(storeOptionsFrom(config));
const worker = createDeliveryWorker({
  db: store.db,
  senders,
  logger,
  publicBaseUrl: config.server.publicBaseUrl,
  pollIntervalMs: 200,
});
worker.start();
// How long a restart costs before the first send (the broadcast bench reads it).
process.stderr.write(
  `notice worker started ${Math.round(process.uptime() * 1000)} ms after launch\n`,
);

async function stop(code: number): Promise<never> {
  await worker.stop();
  await store.close();
  process.exit(code);
}
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));

if (values['until-idle']) {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [row] = await store.db.query<{ open: number }>(
      `SELECT (SELECT count(*) FROM notice_deliveries WHERE state IN ('pending', 'sending'))
            + (SELECT count(*) FROM notices WHERE status = 'scheduled' AND send_at <= now()) AS open`,
    );
    if (Number(row?.open ?? 1) === 0) {
      process.stdout.write(`${JSON.stringify({ idle: true })}\n`);
      await stop(0);
    }
  }
}
