/**
 * @module
 * The whole server of `npm start`, in this process, for probes and benchmarks: a temp embedded
 * database (PGlite), the real conversation core over the installed search index, the guarded status
 * lookup, the Telegram bot (webhook mode) talking to the local Telegram-shaped fake, a local fake of
 * Zalo's Graph API for resident sign-in, and the API listening on an ephemeral loopback port. No
 * network beyond 127.0.0.1.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hashPassword } from '../../api/auth/password.js';
import { createDbGapLog } from '../../api/gaps/gap-store.js';
import { createCounters, type Counters } from '../../api/guard/counters.js';
import { guardStatusLookup } from '../../api/guard/status-guard.js';
import { createPublicStatusLookup } from '../../api/dossiers/public-status.js';
import { createChatLinker } from '../../api/notifications/notify-links.js';
import { procedureLookupFromCatalogue } from '../../api/procedure-lookup.js';
import type { ChatHandler } from '../../api/routes/chat.js';
import { createApiRuntime, type ApiRuntime } from '../../api/runtime.js';
import { upsertOfficer } from '../../api/store/officer-repository.js';
import { openStore, storeOptionsFrom } from '../../api/store/store.js';
import { startBots, type Bots } from '../../bot/main.js';
import { loadConfig, type Config } from '../../common/config.js';
import type { PublicStatusLookup } from '../../common/dossier-contracts.js';
import { silentLogger } from '../../common/logger.js';
import {
  COMMUNE_X,
  inlineBirthCertificate,
  khaiSinhPayload,
} from '../../tests/support/dossier-fixtures.js';
import { FakeTelegramServer } from '../../tests/support/fake-telegram-server.js';
import { startFakeZaloGraph, type FakeZaloGraph } from '../../tests/support/fake-zalo-graph.js';
import { createAssistant, loadBundledOrConfiguredCatalogue } from './create-assistant.js';
import { prepareIndex } from './prepare-index.js';
import { webChatHandler } from './web-chat-handler.js';

/** The Telegram webhook secret of the local stack (the fake posts nothing by itself). */
export const LOCAL_TELEGRAM_SECRET = 'local-stack-webhook-secret';

export interface LocalStack {
  baseUrl: string;
  config: Config;
  runtime: ApiRuntime;
  bots: Bots;
  telegram: FakeTelegramServer;
  counters: Counters;
  /** The web chat handler behind POST /api/chat (the real conversation core). */
  chat: ChatHandler;
  /** Phone-digit comparisons the status lookup actually made, per reference (ground truth). */
  evaluated: Map<string, number>;
  /** Signs a fresh Zalo user in; returns the session token. */
  resident(name: string): Promise<string>;
  /** Creates an officer of `communeCode` (so the commune accepts online dossiers). */
  officer(communeCode: string): Promise<void>;
  /** Files a birth registration with this phone (its commune gets an officer); returns its reference. */
  fileDossier(phone: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts the stack. `env` overrides the configuration (e.g. `CHAT_REQUESTS_PER_MINUTE`, `INDEX_DIR`);
 * everything else is the configured default, which is the point of a probe.
 */
export async function startLocalStack(env: Record<string, string> = {}): Promise<LocalStack> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'motcua-local-'));
  const telegram = await FakeTelegramServer.start({ record: true, maxHoldMs: 200 });
  const zalo: FakeZaloGraph = await startFakeZaloGraph();
  // Only what is given here: the configured defaults, not this machine's .env or environment.
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_SILENT: 'true',
    // Many simulated clients come from 127.0.0.1 with X-Forwarded-For, as behind a reverse proxy.
    TRUST_PROXY: 'loopback',
    ZALO_GRAPH_BASE: zalo.url,
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.url,
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: LOCAL_TELEGRAM_SECRET,
    ...env,
  });
  const store = await openStore(storeOptionsFrom(config));
  const counters = createCounters(store.db);
  // The guarded lookup of `npm start`, with a counter on the inner lookup: how many guesses were
  // really compared with the phone digits, whatever the clients saw.
  const evaluated = new Map<string, number>();
  const inner = createPublicStatusLookup(store.db);
  const counted: PublicStatusLookup = (reference, phone4, client) => {
    evaluated.set(reference, (evaluated.get(reference) ?? 0) + 1);
    return inner(reference, phone4, client);
  };
  const statusLookup = guardStatusLookup(counted, counters, {
    perReferencePerHour: config.security.statusGuessesPerReferencePerHour,
    perClientPerMinute: config.dossiers.statusLookupsPerMinute,
    failuresPerClientPerHour: config.security.statusFailuresPerClientPerHour,
  });
  const prepared = await prepareIndex(config.knowledge, silentLogger);
  const catalogue = loadBundledOrConfiguredCatalogue(config);
  const assistant = await createAssistant(
    { ...config, knowledge: { ...config.knowledge, indexDir: prepared.indexDir } },
    silentLogger,
    { catalogue, statusLookup, gapLog: createDbGapLog(store.db, counters) },
  );
  const bots = await startBots(config, {
    conversation: assistant.conversation,
    statusLookup,
    links: createChatLinker({
      db: store.db,
      counters,
      now: () => new Date(),
      logger: silentLogger,
    }),
    logger: silentLogger,
    replay: counters,
  });
  const chat = webChatHandler(assistant.conversation);
  const runtime = await createApiRuntime(config, {
    logger: silentLogger,
    store,
    statusLookup,
    chat,
    senders: bots.senders,
    extraRouters: bots.routers,
    catalogue: procedureLookupFromCatalogue(catalogue),
    noticeWorker: false,
  });
  const server = runtime.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let residents = 0;
  const stack: LocalStack = {
    baseUrl,
    config,
    runtime,
    bots,
    telegram,
    counters,
    chat,
    evaluated,
    async resident(name) {
      const token = `zalo-token-${randomUUID()}`;
      zalo.addUser(token, { id: `local${++residents}${Date.now() % 100_000}`, name });
      const res = await fetch(`${baseUrl}/api/auth/zalo`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
      return ((await res.json()) as { token: string }).token;
    },
    async officer(communeCode) {
      await upsertOfficer(store.db, {
        username: `cb_${communeCode}_${randomUUID().slice(0, 8)}`,
        passwordHash: await hashPassword(randomUUID()),
        communeCode,
        role: 'officer',
      });
    },
    async fileDossier(phone) {
      await stack.officer(COMMUNE_X);
      const token = await stack.resident('Lê Văn An');
      const res = await fetch(`${baseUrl}/api/dossiers`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': `local-${randomUUID()}`,
        },
        body: JSON.stringify({
          ...khaiSinhPayload({ applicant: { fullName: 'Lê Văn An', phone } }),
          attachments: [inlineBirthCertificate()],
        }),
      });
      if (res.status !== 201) throw new Error(`filing the dossier failed: ${res.status}`);
      return ((await res.json()) as { dossier: { reference: string } }).dossier.reference;
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await bots.stop();
      await runtime.close();
      await telegram.stop();
      await zalo.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return stack;
}
