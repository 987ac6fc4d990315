/**
 * @module
 * Starts the dossier API's moving parts: store (PGlite under DATA_DIR, or PostgreSQL), migrations,
 * session secret, orphan sweep, notification dispatcher and late-dossier check. The entry point
 * (scripts/start.ts) calls {@link createApiRuntime} and then listens on `app`.
 */
import type express from 'express';
import type { Router } from 'express';
import type { Config } from '../common/config.js';
import type { NotificationSender, PublicStatusLookup } from '../common/dossier-contracts.js';
import type { Logger } from '../common/logger.js';
import { loadCommuneDirectory } from '../knowledge/index.js';
import { createApp } from './app.js';
import { loadSessionSecret } from './auth/session-secret.js';
import type { ZaloUserVerifier } from './auth/zalo-verifier.js';
import { createDossierContext } from './dossiers/context.js';
import { runLateCheck } from './dossiers/late-dossiers.js';
import { createCounters, type Counters } from './guard/counters.js';
import { createGuardedStatusLookup } from './guard/status-guard.js';
import { createDispatcher, type NotificationDispatcher } from './notifications/dispatcher.js';
import { createInAppSender } from './notifications/in-app-sender.js';
import type { ProcedureLookup } from './procedure-lookup.js';
import type { ChatHandler } from './routes/chat.js';
import type { ProcedureDirectory } from './routes/procedures.js';
import type { GroupRegistryPort, GroupSender } from '../common/notice-contracts.js';
import { communeCheckOf } from './notices/communes.js';
import {
  createDeliveryWorker,
  type DeliveryWorker,
  type DeliveryWorkerOptions,
} from './notices/delivery-worker.js';
import { createGroupRegistry } from './notices/group-registry.js';
import { createChatLinker } from './notifications/notify-links.js';
import type { ChatLinkPort, LinkableChannel } from '../common/notify-link-contracts.js';
import { sweepLinkCodes } from './store/notify-link-repository.js';
import { openStore, storeOptionsFrom, type Store } from './store/store.js';

export interface ApiRuntimeOptions {
  logger: Logger;
  /**
   * The store, when the entry point opened it first (it wires store → conversation → channels → API);
   * otherwise the runtime opens one from the configuration. Either way the runtime closes it.
   */
  store?: Store;
  /** The public status lookup the conversation core already uses; defaults to one over the store. */
  statusLookup?: PublicStatusLookup;
  catalogue: ProcedureLookup;
  senders?: NotificationSender[];
  chat?: ChatHandler;
  /** Catalogue and retriever behind /api/procedures (the mini-app's search). */
  procedures?: ProcedureDirectory;
  extraRouters?: Router[];
  /** Overrides for tests: Zalo token check and clock. */
  verifyZalo?: ZaloUserVerifier;
  now?: () => Date;
  /** Dispatcher poll interval (default 2 s). */
  dispatcherPollMs?: number;
  /** Retry backoff for notifications (default 30 s doubling, capped at 1 h). */
  notificationBackoffMs?: (attempts: number) => number;
  /** Channel adapters that post notices into groups (from the bots). */
  groupSenders?: GroupSender[];
  /** Run the notice delivery worker in this process (default true). */
  noticeWorker?: boolean;
  /** The Telegram bot's username (getMe), for the link deep link `https://t.me/<bot>?start=<code>`. */
  telegramBotUsername?: string;
  /** Test and bench knobs of the notice delivery worker. */
  noticeWorkerOptions?: Partial<Omit<DeliveryWorkerOptions, 'db' | 'senders' | 'logger'>>;
}

export interface ApiRuntime {
  app: express.Express;
  store: Store;
  /** The guarded status lookup (per-reference lock, per-client limits) for the bots and the chat. */
  statusLookup: PublicStatusLookup;
  /** Database counters (limits, locks, replay windows). */
  counters: Counters;
  dispatcher: NotificationDispatcher;
  /** Delivers notices to village groups. */
  noticeWorker: DeliveryWorker;
  /** What the bots report about groups and subscriptions, written to the registry. */
  groupRegistry: GroupRegistryPort;
  /** Binds a chat to a resident when a link code comes back from it (the bots' /start, /lienket). */
  chatLinks: ChatLinkPort;
  /** Runs the late-dossier check now; resolves with the number of apologies drafted. */
  runLateCheck(): Promise<number>;
  close(): Promise<void>;
}

const SWEEP_INTERVAL_MS = 10 * 60_000;

export async function createApiRuntime(
  config: Config,
  options: ApiRuntimeOptions,
): Promise<ApiRuntime> {
  const { logger } = options;
  const store = options.store ?? (await openStore(storeOptionsFrom(config)));
  const now = options.now ?? (() => new Date());
  const sessionSecret = await loadSessionSecret(
    config.dossiers.sessionSecret,
    config.storage.dataDir,
  );
  const dispatcher = createDispatcher({
    db: store.db,
    // The in-app notice list is always on, so every status change reaches the resident in the mini-app.
    senders: [createInAppSender(store.db, now), ...(options.senders ?? [])],
    logger,
    now,
    ...(options.dispatcherPollMs ? { pollIntervalMs: options.dispatcherPollMs } : {}),
    ...(options.notificationBackoffMs ? { backoffMs: options.notificationBackoffMs } : {}),
  });
  const counters = createCounters(store.db, now);
  const statusLookup =
    options.statusLookup ?? createGuardedStatusLookup(store.db, counters, config);
  const communes = loadCommuneDirectory();
  const noticeWorker = createDeliveryWorker({
    db: store.db,
    senders: options.groupSenders ?? [],
    logger,
    publicBaseUrl: config.server.publicBaseUrl,
    now,
    ...options.noticeWorkerOptions,
  });
  const groupRegistry = createGroupRegistry({
    db: store.db,
    logger,
    communes: communeCheckOf(communes),
    now,
  });
  const chatLinks = createChatLinker({ db: store.db, counters, now, logger });
  // Residents may link a chat only on channels a sender runs for (the in-app list needs no link).
  const linkable = (options.senders ?? [])
    .map((s) => s.channel)
    .filter((c): c is LinkableChannel => c !== 'app');
  const dossiers = createDossierContext({
    store,
    catalogue: options.catalogue,
    communes,
    logger,
    deskName: config.desk.name,
    now,
    notified: () => dispatcher.poke(),
  });
  const app = createApp({
    dossiers,
    notifyChannels: {
      channels: [...new Set(linkable)],
      ...(options.telegramBotUsername ? { telegramBotUsername: options.telegramBotUsername } : {}),
    },
    onNoticeQueued: () => noticeWorker.poke(),
    config,
    publicStatusLookup: statusLookup,
    counters,
    sessionSecret,
    ...(options.chat ? { chat: options.chat } : {}),
    ...(options.procedures ? { procedures: options.procedures } : {}),
    ...(options.extraRouters ? { extraRouters: options.extraRouters } : {}),
    ...(options.verifyZalo ? { verifyZalo: options.verifyZalo } : {}),
  });

  const lateCheck = async () => {
    try {
      const drafted = await runLateCheck(dossiers);
      if (drafted > 0) logger.info('late dossiers: apologies drafted', { count: drafted });
      return drafted;
    } catch (error) {
      logger.error('late-dossier check failed', { error });
      return 0;
    }
  };
  const sweep = async () => {
    try {
      const removed = await store.sweepOrphans();
      if (removed > 0) logger.warn('removed orphaned attachment files', { count: removed });
      await counters.sweep();
      await sweepLinkCodes(store.db, now());
    } catch (error) {
      logger.error('attachment sweep failed', { error });
    }
  };

  dispatcher.start();
  if (options.noticeWorker !== false) noticeWorker.start();
  void sweep();
  void lateCheck();
  const timers = [
    setInterval(() => void lateCheck(), config.dossiers.lateCheckIntervalMinutes * 60_000),
    setInterval(() => void sweep(), SWEEP_INTERVAL_MS),
  ];
  for (const t of timers) t.unref();

  let closing: Promise<void> | undefined;
  return {
    app,
    store,
    statusLookup,
    counters,
    dispatcher,
    noticeWorker,
    groupRegistry,
    chatLinks,
    runLateCheck: lateCheck,
    close() {
      closing ??= (async () => {
        for (const t of timers) clearInterval(t);
        await dispatcher.stop();
        await noticeWorker.stop();
        await store.close();
      })();
      return closing;
    },
  };
}
