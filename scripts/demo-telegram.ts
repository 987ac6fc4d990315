/*
 * npm run demo:telegram — plays a short resident conversation through the real Telegram adapter and
 * the real conversation core, against a local fake of the Telegram Bot API (no network), and prints
 * the dialogue. The /hoso lookup uses one sample dossier (ABC23DEF, phone ending 1234), since the
 * dossier API is not part of this demo.
 */
import { loadConfig } from '../common/config.js';
import type { PublicStatusLookup } from '../common/dossier-contracts.js';
import { createLogger } from '../common/logger.js';
import { runTelegramDemo } from '../tests/support/telegram-demo-dialogue.js';
import { createAssistant } from './lib/create-assistant.js';
import { exitWithHelpIfAsked } from './lib/help.js';

exitWithHelpIfAsked(
  process.argv.slice(2),
  `Cách dùng / usage: npm run demo:telegram
  Plays a short resident conversation through the real Telegram adapter and conversation core against
  a local fake of the Telegram Bot API (no network) and prints the dialogue.`,
);

const sampleLookup: PublicStatusLookup = async (reference, phoneLast4) => {
  if (reference !== 'ABC23DEF' || phoneLast4 !== '1234') return null;
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString();
  return {
    reference,
    procedureCode: 'mẫu',
    procedureName: 'Đăng ký khai sinh (hồ sơ mẫu của bản demo)',
    status: 'DANG_XU_LY',
    statusLabel: 'Đang xử lý',
    submittedAt: day(-2),
    appointmentDate: day(1),
    updatedAt: day(-1),
  };
};

const config = loadConfig();
const logger = createLogger({ silent: config.server.logSilent });
const { conversation } = await createAssistant(config, logger);
await runTelegramDemo({
  conversation,
  statusLookup: sampleLookup,
  logger,
  write: (text) => process.stdout.write(text),
});
