import type { Server } from 'node:http';
import { loadConfig, type Config } from '../common/config.js';
import { ConfigError, isAppError } from '../common/errors.js';
import { createLogger } from '../common/logger.js';
import { communeCheckOf } from '../api/notices/communes.js';
import { loadCommuneDirectory } from '../knowledge/communes/directory.js';
import { createGroupRegistry } from '../api/notices/group-registry.js';
import { listenEarly } from './lib/early-server.js';
import { exitWithHelpIfAsked } from './lib/help.js';
import { conversationWhenReady } from './lib/ready-conversation.js';
import { webChatHandler } from './lib/web-chat-handler.js';

exitWithHelpIfAsked(
  process.argv.slice(2),
  `Cách dùng / usage: npm start
  Runs the assistant: web chat at /, mini-app at /miniapp, officer console at /officer, the API under
  /api, /healthz, and every bot whose token is set. Settings come from the environment or .env
  (see .env.example): PORT, HOST, DATA_DIR, DATABASE_URL, TELEGRAM_BOT_TOKEN, ZALO_BOT_TOKEN, …`,
);

/*
 * Composition root of `npm start`: the store, the assistant (catalogue → index → answers → conversation),
 * every bot whose token is configured, and the dossier API with the web chat. The port opens first and
 * the search index is prepared in the background (lib/prepare-index.ts), so the server answers within
 * seconds of launch; until the index is there the chat says politely that it is getting ready.
 */

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(
        `Cấu hình không hợp lệ / invalid configuration:\n  - ${error.problems.join('\n  - ')}\n`,
      );
      process.exit(1);
    }
    throw error;
  }
}

const config = readConfig();
const logger = createLogger({ silent: config.server.logSilent });

// The port opens first: /healthz answers while the database opens; other requests wait for the app.
const early = await listenEarly(config.server.port, config.server.host);
const server: Server = early.server;

// The rest loads after the port is open: compiling it and loading the search and database libraries
// takes seconds on a busy machine.
const [
  { startBots },
  { createApiRuntime },
  { createCounters },
  { createGuardedStatusLookup },
  { createChatLinker },
  { createDbGapLog },
  { openStore, storeOptionsFrom },
  { procedureLookupFromCatalogue },
  { createAssistant, loadBundledOrConfiguredCatalogue },
  { prepareIndex },
] = await Promise.all([
  import('../bot/main.js'),
  import('../api/runtime.js'),
  import('../api/guard/counters.js'),
  import('../api/guard/status-guard.js'),
  import('../api/notifications/notify-links.js'),
  import('../api/gaps/gap-store.js'),
  import('../api/store/store.js'),
  import('../api/procedure-lookup.js'),
  import('./lib/create-assistant.js'),
  import('./lib/prepare-index.js'),
]).catch((error: unknown) => {
  early.fail();
  throw error;
});

// Wiring runs one way: store → status lookup → conversation core → channels (bots, web chat, API).
// The index check (or its background build) starts now, alongside opening the database.
const indexReady = prepareIndex(config.knowledge, logger);
indexReady.catch(() => undefined); // reported below, once the assistant is wired
const store = await openStore(storeOptionsFrom(config)).catch((error: unknown) => {
  early.fail();
  // A known refusal (e.g. a second server on the same PGlite folder): one clear line, no stack trace.
  if (isAppError(error) && error.userMessage) {
    process.stderr.write(`Không khởi động được: ${error.userMessage}\n`);
    process.exit(1);
  }
  throw error;
});
// One guarded lookup (per-reference lock, per-client limits in the database) for chat, bots and API.
const counters = createCounters(store.db);
const statusLookup = createGuardedStatusLookup(store.db, counters, config);

// The catalogue loads in well under a second. The search index is found or built in the background
// (in another process when it must be built); until the assistant is ready every channel gets a
// polite "getting ready" reply instead of waiting.
const catalogue = loadBundledOrConfiguredCatalogue(config);
const assistantReady = indexReady.then(async (prepared) => {
  const assistant = await createAssistant(
    { ...config, knowledge: { ...config.knowledge, indexDir: prepared.indexDir } },
    logger,
    {
      catalogue,
      statusLookup,
      // Unanswered questions go to the database: redacted, de-duplicated, capped per client and day.
      gapLog: createDbGapLog(store.db, counters, { logger }),
    },
  );
  logger.info('assistant ready', {
    index: prepared.source,
    indexDir: prepared.indexDir,
    ms: prepared.ms,
  });
  return assistant;
});
assistantReady.catch((error: unknown) => {
  logger.error('assistant failed to start', { error });
  process.exit(1);
});
const conversation = conversationWhenReady(assistantReady.then((a) => a.conversation));

// Groups the bots join or leave, and residents' village subscriptions, go straight to the registry.
const groups = createGroupRegistry({
  db: store.db,
  logger,
  communes: communeCheckOf(loadCommuneDirectory()),
});
// A link code sent from a chat proves the chat is the resident's: only such chats get dossier notices.
const links = createChatLinker({ db: store.db, counters, now: () => new Date(), logger });
// Webhook delivery ids are remembered in the database: a replay after a restart is still caught.
const bots = await startBots(config, {
  conversation,
  statusLookup,
  groups,
  links,
  logger,
  replay: counters,
});

const runtime = await createApiRuntime(config, {
  logger,
  store,
  statusLookup,
  chat: webChatHandler(conversation),
  senders: bots.senders,
  ...(bots.telegram?.bot.botInfo?.username
    ? { telegramBotUsername: bots.telegram.bot.botInfo.username }
    : {}),
  groupSenders: bots.groupSenders,
  extraRouters: bots.routers,
  catalogue: procedureLookupFromCatalogue(catalogue),
  procedures: {
    catalogue: () => Promise.resolve(catalogue),
    retriever: async () => (await assistantReady).retriever,
  },
});

function botsLine(): string {
  // [name, prefix of its label in bots.active]
  const configured = (
    [
      [config.telegram.token, 'telegram', 'telegram ('],
      [config.zaloBot.token, 'zalo', 'zalo ('],
      [config.zaloOa.appId, 'zalo-oa', 'zalo-oa ('],
    ] as const
  ).filter(([set]) => set);
  if (configured.length === 0) return 'chưa bật (đặt TELEGRAM_BOT_TOKEN / ZALO_BOT_TOKEN để bật)';
  const failed = configured
    .filter(([, , prefix]) => !bots.active.some((a) => a.startsWith(prefix)))
    .map(([, name]) => name);
  const on = bots.active.length > 0 ? bots.active.join(', ') : 'không có';
  return failed.length > 0 ? `${on}; KHÔNG khởi động được: ${failed.join(', ')} (xem log)` : on;
}

early.ready(runtime.app);
const url = `http://localhost:${config.server.port}`;
process.stderr.write(
  [
    '',
    `  Trợ lý Một cửa đang chạy: ${url}  (web chat tại ${url}/ , API tại ${url}/api/openapi.json)`,
    `  Cơ sở dữ liệu: ${config.storage.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite nhúng tại ${config.storage.dataDir}`}`,
    `  Bot: ${botsLine()}`,
    `  Mô hình ngôn ngữ: ${config.knowledge.llm.provider === 'none' ? 'tắt (trả lời theo mẫu, ngoại tuyến)' : `${config.knowledge.llm.provider}${config.knowledge.llm.rewriteLetters ? ', kèm tóm thư dài thành một câu hỏi trước khi tìm' : ''}`}`,
    '',
  ].join('\n'),
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info('shutting down', { signal });
  server.close();
  await Promise.allSettled([bots.stop(), runtime.close()]);
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
