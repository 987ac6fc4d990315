/**
 * @module
 * The express application: bot webhooks (raw bodies, mounted first), the dossier API under /api with
 * per-router body parsing, the static web chat page, and one error handler. No I/O at import time and
 * no listening here; see runtime.ts and server.ts.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import express, { Router, type RequestHandler } from 'express';
import type { Config } from '../common/config.js';
import type { PublicStatusLookup } from '../common/dossier-contracts.js';
import { createSessionSigner } from './auth/session-token.js';
import { createZaloGate } from './auth/zalo-gate.js';
import { createZaloVerifier, type ZaloUserVerifier } from './auth/zalo-verifier.js';
import type { DossierContext } from './dossiers/context.js';
import { createCounters, type Counters } from './guard/counters.js';
import { createGuardedStatusLookup } from './guard/status-guard.js';
import type { AuthOptions } from './middleware/auth.js';
import { cors } from './middleware/cors.js';
import { requestLog } from './middleware/request-log.js';
import { apiNotFound, errorHandler } from './middleware/error-handler.js';
import { buildOpenApiDocument } from './openapi.js';
import { createAuthRouter } from './routes/auth.js';
import { createChatRouter, type ChatHandler } from './routes/chat.js';
import { createCommunesRouter } from './routes/communes.js';
import { createConsoleRouter } from './routes/console.js';
import { createDossierRouter } from './routes/dossiers.js';
import { createFormsRouter } from './routes/forms.js';
import { createGapsRouter } from './routes/gaps.js';
import { createHealthRouter } from './routes/health.js';
import { createNoticeRouter } from './routes/notices.js';
import { createNotifyLinksRouter, type NotifyChannelsAvailable } from './routes/notify-links.js';
import { createPublicNoticeRouter } from './routes/public-notices.js';
import { communeCheckOf } from './notices/communes.js';
import { createOfficerRouter } from './routes/officer.js';
import { createProceduresRouter, type ProcedureDirectory } from './routes/procedures.js';
import { createResidentRouter } from './routes/resident.js';
import { createTrialAuthRouter } from './routes/trial-auth.js';
import type { ZaloPhoneExchange } from './auth/zalo-phone.js';
import { createStatusRouter } from './routes/status.js';
import { createBrowserAppsRouter } from './web/browser-apps.js';

/** Everything the app needs, passed in by the composition root. */
export interface AppDeps {
  config: Config;
  /**
   * The process's one dossier context (runtime.ts): store, procedure facts, communes, logger, clock
   * and the dispatcher's wake-up call.
   */
  dossiers: DossierContext;
  /** Web chat handler; when present, POST /api/chat is mounted. */
  chat?: ChatHandler;
  /** Bot webhook routers, mounted first, before any body parser (they need raw bodies). */
  extraRouters?: Router[];
  /** Public status lookup; defaults to the guarded one over `store`. */
  publicStatusLookup?: PublicStatusLookup;
  /** Database counters for limits and locks; default over `store.db`. */
  counters?: Counters;
  /** HMAC secret for session tokens; defaults to config.dossiers.sessionSecret, else a random one per process. */
  sessionSecret?: string;
  /** Zalo token check; defaults to Zalo's Graph API at config.zaloMiniApp.graphBase. */
  verifyZalo?: ZaloUserVerifier;
  /** Catalogue and retriever for the mini-app's procedure search; /api/procedures is mounted when set. */
  procedures?: ProcedureDirectory;
  /** Zalo phone-token exchange; defaults to Zalo's Graph API when ZALO_APP_SECRET is set. */
  phoneExchange?: ZaloPhoneExchange;
  /** Called after a notice was created (wakes the notice delivery worker). */
  onNoticeQueued?: () => void;
  /** Chat channels residents can link for dossier notices (the bots that run); none by default. */
  notifyChannels?: NotifyChannelsAvailable;
}

const WEB_DIR = fileURLToPath(new URL('./web', import.meta.url));

function trustProxySetting(value: string | undefined): boolean | number | string {
  if (value === undefined) return false;
  if (/^\d+$/.test(value)) return Number(value);
  if (value === 'true') return true;
  return value;
}

const notFoundPage: RequestHandler = function notFoundPage(_req, res) {
  res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Không tìm thấy trang này.' } });
};

/** Builds the express app. */
export function createApp(deps: AppDeps): express.Express {
  const { config, dossiers: ctx } = deps;
  const { store, logger, communes } = ctx;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxySetting(config.dossiers.trustProxy));
  app.use(requestLog(logger));

  for (const router of deps.extraRouters ?? []) app.use(router);

  app.use(createHealthRouter(store.db));

  const signer = createSessionSigner(
    deps.sessionSecret ?? config.dossiers.sessionSecret ?? randomBytes(32),
  );
  const verifyZalo =
    deps.verifyZalo ?? createZaloVerifier({ graphBase: config.zaloMiniApp.graphBase });

  const communeCheck = communeCheckOf(communes);
  const counters = deps.counters ?? createCounters(store.db, ctx.now);
  const zalo = createZaloGate(verifyZalo, counters);
  const auth: AuthOptions = {
    signer,
    zalo,
    db: store.db,
    // Sessions run on the wall clock, like token expiry (the app clock `now` is moved by tests to
    // make dossiers late; that must not end every session).
    officerIdleMs: config.dossiers.officerIdleTimeoutMinutes * 60_000,
  };
  const lookup = deps.publicStatusLookup ?? createGuardedStatusLookup(store.db, counters, config);
  let openApi: Record<string, unknown> | undefined;

  const api = Router();
  api.use(cors(config.dossiers.corsOrigins));
  if (deps.chat)
    api.use(
      createChatRouter(deps.chat, { counters, perMinute: config.security.chatRequestsPerMinute }),
    );
  api.use(createAuthRouter({ config, db: store.db, signer, zalo, counters }));
  api.use(createTrialAuthRouter({ config, signer, counters }));
  api.use(
    createResidentRouter({
      config,
      ctx,
      auth,
      counters,
      ...(deps.phoneExchange ? { phoneExchange: deps.phoneExchange } : {}),
    }),
  );
  api.use(
    createNotifyLinksRouter({
      db: store.db,
      auth,
      counters,
      now: ctx.now,
      available: deps.notifyChannels ?? { channels: [] },
    }),
  );
  api.use(createDossierRouter({ config, ctx, auth }));
  api.use(createStatusRouter(lookup));
  api.use(createFormsRouter(ctx.catalogue));
  api.use(createCommunesRouter(communes));
  api.use(createOfficerRouter(ctx, auth));
  if (deps.procedures) api.use(createProceduresRouter(deps.procedures, counters, communes));
  api.use(
    createNoticeRouter(
      {
        db: store.db,
        logger,
        communes: communeCheck,
        publicBaseUrl: config.server.publicBaseUrl,
        now: ctx.now,
        poke: deps.onNoticeQueued ?? (() => undefined),
      },
      auth,
    ),
  );
  api.use(createGapsRouter(store.db, auth));
  api.use(createConsoleRouter({ config, ctx, auth }));
  api.get('/openapi.json', (_req, res) => {
    openApi ??= buildOpenApiDocument({
      withChat: deps.chat !== undefined,
      withProcedures: deps.procedures !== undefined,
      maxAttachmentBytes: config.dossiers.maxAttachmentBytes,
      maxAttachments: config.dossiers.maxAttachments,
    });
    res.json(openApi);
  });
  api.use(apiNotFound);
  app.use('/api', api);

  app.use(
    createPublicNoticeRouter({
      db: store.db,
      communes: communeCheck,
      publicBaseUrl: config.server.publicBaseUrl,
      now: ctx.now,
    }),
  );
  app.use(createBrowserAppsRouter());
  app.use(express.static(WEB_DIR, { index: 'index.html', maxAge: '1h' }));
  app.use(notFoundPage);
  app.use(errorHandler(logger));
  return app;
}
