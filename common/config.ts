import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from './errors.js';

/*
 * The one place the process environment is read. Entry points call loadConfig() once at start-up and
 * pass the typed sections down; nothing else touches process.env (lint-enforced).
 */

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));
const url = (fallback: string) => z.string().url().default(fallback);
const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : ['true', '1', 'yes'].includes(v)));
const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: port(3000),
  PUBLIC_BASE_URL: optionalString,
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: optionalString,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOG_SILENT: bool(false),

  CATALOGUE_DIR: optionalString,
  INDEX_DIR: optionalString,
  EMBEDDINGS_PROVIDER: z.enum(['local', 'transformers', 'openai', 'ollama']).default('local'),
  EMBEDDINGS_MODEL: optionalString,
  EMBEDDINGS_BASE_URL: optionalString,
  EMBEDDINGS_API_KEY: optionalString,
  TRANSFORMERS_MODEL_DIR: optionalString,

  LLM_PROVIDER: z.enum(['none', 'openai', 'ollama']).default('none'),
  LLM_MODEL: optionalString,
  LLM_BASE_URL: optionalString,
  LLM_API_KEY: optionalString,
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(8000),
  /** Rewrite long letters into a one-sentence request before retrieval (needs LLM_PROVIDER). */
  LLM_REWRITE_LETTERS: bool(false),
  /** The rewrite is waited for at most this long, then the letter is searched as written. */
  LLM_REWRITE_TIMEOUT_MS: z.coerce.number().int().positive().default(3000),

  DESK_NAME: z
    .string()
    .default('Bộ phận Một cửa (Trung tâm Phục vụ hành chính công) của UBND xã/phường'),
  DESK_PHONE: optionalString,
  DESK_ADDRESS: optionalString,
  DESK_HOURS: z.string().default('Sáng 7h00–11h30, chiều 13h30–17h00, thứ Hai đến thứ Sáu'),
  SESSION_TTL_MINUTES: z.coerce.number().int().positive().default(60),

  TELEGRAM_BOT_TOKEN: optionalString,
  TELEGRAM_API_ROOT: url('https://api.telegram.org'),
  TELEGRAM_MODE: z.enum(['polling', 'webhook']).default('polling'),
  TELEGRAM_WEBHOOK_SECRET: optionalString,
  TELEGRAM_WEBHOOK_PATH: z.string().startsWith('/').default('/webhooks/telegram'),

  ZALO_BOT_TOKEN: optionalString,
  ZALO_BOT_API_BASE: url('https://bot-api.zaloplatforms.com'),
  ZALO_BOT_MODE: z.enum(['polling', 'webhook']).default('polling'),
  ZALO_BOT_WEBHOOK_SECRET: optionalString,
  ZALO_BOT_GROUPS: bool(false),
  ZALO_BOT_WEBHOOK_PATH: z.string().startsWith('/').default('/webhooks/zalo-bot'),

  ZALO_OA_APP_ID: optionalString,
  ZALO_OA_SECRET_KEY: optionalString,
  ZALO_APP_SECRET: optionalString,
  ZALO_OA_ACCESS_TOKEN: optionalString,
  ZALO_OA_REFRESH_TOKEN: optionalString,
  ZALO_OA_API_BASE: url('https://openapi.zalo.me'),
  ZALO_OAUTH_BASE: url('https://oauth.zaloapp.com'),
  ZALO_OA_REPLAY_WINDOW_SECONDS: z.coerce.number().int().positive().default(300),
  ZALO_OA_WEBHOOK_PATH: z.string().startsWith('/').default('/webhooks/zalo-oa'),
  /**
   * GMF groups the OA posts notices into (verified OA on a paid package only): `id` or `id=Name`,
   * comma-separated. Each becomes a pending group for an officer to approve into a village.
   */
  ZALO_OA_GROUP_IDS: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const groups: Array<{ id: string; title: string | undefined }> = [];
      for (const item of v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)) {
        const [id = '', ...name] = item.split('=');
        // Zalo's GMF id format is not documented in our sources (numeric or hex): accept either.
        if (!/^[A-Za-z0-9_-]{1,64}$/.test(id.trim())) {
          ctx.addIssue({ code: 'custom', message: `ZALO_OA_GROUP_IDS: "${id}" is not a group id` });
          return z.NEVER;
        }
        groups.push({ id: id.trim(), title: name.join('=').trim() || undefined });
      }
      return groups;
    }),
  BOT_RATE_LIMIT_BURST: z.coerce.number().int().positive().default(6),
  BOT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(20),
  ZALO_GRAPH_BASE: url('https://graph.zalo.me'),
  /** Zalo Mini App id: turns on "Nộp hồ sơ" links into the mini-app inside Zalo (zalo.me/s/<id>/…). */
  ZALO_MINI_APP_ID: optionalString.refine((v) => v === undefined || /^\d{1,32}$/.test(v), {
    message: 'ZALO_MINI_APP_ID is the numeric id of the Zalo Mini App',
  }),

  SESSION_SECRET: optionalString,
  /** HMAC key of the dossier history chain (at least 32 characters); never stored in the database. */
  AUDIT_KEY: optionalString.refine((v) => v === undefined || v.length >= 32, {
    message: 'AUDIT_KEY must be at least 32 characters (e.g. openssl rand -base64 32)',
  }),
  /** A file holding the audit key (e.g. a mounted secret); read at start, never written. */
  AUDIT_KEY_FILE: optionalString,
  RESIDENT_SESSION_TTL_MINUTES: z.coerce.number().int().positive().default(30),
  MAX_ATTACHMENT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  MAX_ATTACHMENTS: z.coerce.number().int().positive().default(10),
  OFFICER_SESSION_TTL_MINUTES: z.coerce.number().int().positive().default(480),
  /** An officer session unused this long is closed (the console signs out; the server refuses it). */
  OFFICER_IDLE_TIMEOUT_MINUTES: z.coerce.number().positive().default(30),
  STATUS_LOOKUPS_PER_MINUTE: z.coerce.number().int().positive().default(10),
  STATUS_GUESSES_PER_REFERENCE_PER_HOUR: z.coerce.number().int().positive().default(5),
  STATUS_FAILURES_PER_CLIENT_PER_HOUR: z.coerce.number().int().positive().default(30),
  CHAT_REQUESTS_PER_MINUTE: z.coerce.number().int().positive().default(60),
  LATE_CHECK_INTERVAL_MINUTES: z.coerce.number().positive().default(60),
  CORS_ORIGINS: z.string().default('https://h5.zdn.vn,http://localhost:3000'),
  TRUST_PROXY: optionalString,
});

type Env = z.infer<typeof EnvSchema>;

/** Validated configuration, grouped by the part of the system that uses it. */
export interface Config {
  env: Env['NODE_ENV'];
  server: { host: string; port: number; publicBaseUrl: string | undefined; logSilent: boolean };
  storage: { dataDir: string; databaseUrl: string | undefined; poolSize: number };
  knowledge: {
    catalogueDir: string | undefined;
    indexDir: string;
    embeddings: {
      provider: Env['EMBEDDINGS_PROVIDER'];
      model: string | undefined;
      baseUrl: string | undefined;
      apiKey: string | undefined;
      modelDir: string | undefined;
    };
    llm: {
      provider: Env['LLM_PROVIDER'];
      model: string | undefined;
      baseUrl: string | undefined;
      apiKey: string | undefined;
      timeoutMs: number;
      /** Letters are rewritten into a short request before retrieval (LLM_REWRITE_LETTERS). */
      rewriteLetters: boolean;
      rewriteTimeoutMs: number;
    };
  };
  desk: { name: string; phone: string | undefined; address: string | undefined; hours: string };
  conversation: { sessionTtlMinutes: number };
  telegram: {
    token: string | undefined;
    apiRoot: string;
    mode: 'polling' | 'webhook';
    webhookSecret: string | undefined;
    webhookPath: string;
  };
  zaloBot: {
    token: string | undefined;
    apiBase: string;
    mode: 'polling' | 'webhook';
    webhookSecret: string | undefined;
    groups: boolean;
    webhookPath: string;
  };
  zaloOa: {
    appId: string | undefined;
    secretKey: string | undefined;
    appSecret: string | undefined;
    accessToken: string | undefined;
    refreshToken: string | undefined;
    apiBase: string;
    oauthBase: string;
    replayWindowSeconds: number;
    webhookPath: string;
    /** Configured GMF groups (ZALO_OA_GROUP_IDS). */
    groups: Array<{ id: string; title: string | undefined }>;
  };
  /** Limits shared by the chat bots: per-person token bucket on incoming messages. */
  bots: { rateLimit: { burst: number; perMinute: number } };
  zaloMiniApp: {
    graphBase: string;
    appSecret: string | undefined;
    appId: string | undefined;
    /**
     * Trial sign-in (name + phone, dossiers marked trial) for trying the mini-app in a plain browser.
     * Only when no Zalo Mini App credentials are configured and NODE_ENV is not production.
     */
    trialSignIn: boolean;
  };
  dossiers: {
    sessionSecret: string | undefined;
    residentSessionTtlMinutes: number;
    maxAttachmentBytes: number;
    maxAttachments: number;
    officerSessionTtlMinutes: number;
    /** Officer sessions idle longer than this are refused. */
    officerIdleTimeoutMinutes: number;
    /** Public status lookups allowed per client IP per minute. */
    statusLookupsPerMinute: number;
    lateCheckIntervalMinutes: number;
    /** Origins allowed to call the API from a browser (the Zalo Mini App runs at https://h5.zdn.vn). */
    corsOrigins: string[];
    /** Express "trust proxy" setting (e.g. "loopback" or "1") so rate limits see the client IP. */
    trustProxy: string | undefined;
  };
  /**
   * The key of the dossier history chain (api/audit). `key` when AUDIT_KEY is set; otherwise read from
   * `keyFile`, which is generated (mode 0600) on first use only when `generate` is true: the default
   * `DATA_DIR/audit-key` outside production-with-PostgreSQL. Never logged.
   */
  audit: { key: string | undefined; keyFile: string; generate: boolean };
  /** Limits kept in the database (api/guard): they hold across restarts and processes. */
  security: {
    /** Wrong status-lookup tries per reference per hour, whoever asks; then the reference is locked. */
    statusGuessesPerReferencePerHour: number;
    /** Failed status lookups per client per hour. */
    statusFailuresPerClientPerHour: number;
    /** POST /api/chat requests per client IP per minute. */
    chatRequestsPerMinute: number;
  };
}

/**
 * Parses and validates the environment. Throws {@link ConfigError} listing every problem at once.
 * @example const config = loadConfig(); // at the top of an entry point
 */
export function loadConfig(source?: Record<string, string | undefined>): Config {
  if (source === undefined) {
    // A local .env (see .env.example) fills in what the real environment does not set.
    if (existsSync('.env')) process.loadEnvFile('.env');
    source = process.env;
  }
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.TELEGRAM_MODE === 'webhook' && e.TELEGRAM_BOT_TOKEN && !e.TELEGRAM_WEBHOOK_SECRET) {
    problems.push('TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_MODE=webhook');
  }
  if (e.ZALO_BOT_MODE === 'webhook' && e.ZALO_BOT_TOKEN && !e.ZALO_BOT_WEBHOOK_SECRET) {
    problems.push('ZALO_BOT_WEBHOOK_SECRET: required when ZALO_BOT_MODE=webhook');
  }
  if (e.ZALO_OA_APP_ID && !e.ZALO_OA_SECRET_KEY) {
    problems.push('ZALO_OA_SECRET_KEY: required when ZALO_OA_APP_ID is set');
  }
  if (e.EMBEDDINGS_PROVIDER === 'transformers' && !e.TRANSFORMERS_MODEL_DIR) {
    problems.push('TRANSFORMERS_MODEL_DIR: required when EMBEDDINGS_PROVIDER=transformers');
  }
  if (e.LLM_PROVIDER !== 'none' && !e.LLM_MODEL) {
    problems.push('LLM_MODEL: required when LLM_PROVIDER is set');
  }
  if (e.LLM_REWRITE_LETTERS && e.LLM_PROVIDER === 'none') {
    problems.push('LLM_REWRITE_LETTERS: needs an LLM_PROVIDER (openai or ollama)');
  }
  if (e.NODE_ENV === 'production' && e.DATABASE_URL && !e.AUDIT_KEY && !e.AUDIT_KEY_FILE) {
    problems.push(
      'AUDIT_KEY: cần khóa kiểm toán khi chạy production với PostgreSQL / required with NODE_ENV=production and DATABASE_URL: set AUDIT_KEY or AUDIT_KEY_FILE from a secret store, never kept beside the database',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const dataDir = path.resolve(e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    server: {
      host: e.HOST,
      port: e.PORT,
      publicBaseUrl: e.PUBLIC_BASE_URL,
      logSilent: e.LOG_SILENT,
    },
    storage: { dataDir, databaseUrl: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE },
    knowledge: {
      catalogueDir: e.CATALOGUE_DIR,
      indexDir: path.resolve(e.INDEX_DIR ?? path.join(dataDir, 'index')),
      embeddings: {
        provider: e.EMBEDDINGS_PROVIDER,
        model: e.EMBEDDINGS_MODEL,
        baseUrl: e.EMBEDDINGS_BASE_URL,
        apiKey: e.EMBEDDINGS_API_KEY,
        modelDir: e.TRANSFORMERS_MODEL_DIR,
      },
      llm: {
        provider: e.LLM_PROVIDER,
        model: e.LLM_MODEL,
        baseUrl: e.LLM_BASE_URL,
        apiKey: e.LLM_API_KEY,
        timeoutMs: e.LLM_TIMEOUT_MS,
        rewriteLetters: e.LLM_REWRITE_LETTERS,
        rewriteTimeoutMs: e.LLM_REWRITE_TIMEOUT_MS,
      },
    },
    desk: { name: e.DESK_NAME, phone: e.DESK_PHONE, address: e.DESK_ADDRESS, hours: e.DESK_HOURS },
    conversation: { sessionTtlMinutes: e.SESSION_TTL_MINUTES },
    telegram: {
      token: e.TELEGRAM_BOT_TOKEN,
      apiRoot: e.TELEGRAM_API_ROOT,
      mode: e.TELEGRAM_MODE,
      webhookSecret: e.TELEGRAM_WEBHOOK_SECRET,
      webhookPath: e.TELEGRAM_WEBHOOK_PATH,
    },
    zaloBot: {
      token: e.ZALO_BOT_TOKEN,
      apiBase: e.ZALO_BOT_API_BASE,
      mode: e.ZALO_BOT_MODE,
      webhookSecret: e.ZALO_BOT_WEBHOOK_SECRET,
      groups: e.ZALO_BOT_GROUPS,
      webhookPath: e.ZALO_BOT_WEBHOOK_PATH,
    },
    zaloOa: {
      appId: e.ZALO_OA_APP_ID,
      secretKey: e.ZALO_OA_SECRET_KEY,
      appSecret: e.ZALO_APP_SECRET,
      accessToken: e.ZALO_OA_ACCESS_TOKEN,
      refreshToken: e.ZALO_OA_REFRESH_TOKEN,
      apiBase: e.ZALO_OA_API_BASE,
      oauthBase: e.ZALO_OAUTH_BASE,
      replayWindowSeconds: e.ZALO_OA_REPLAY_WINDOW_SECONDS,
      webhookPath: e.ZALO_OA_WEBHOOK_PATH,
      groups: e.ZALO_OA_GROUP_IDS,
    },
    bots: {
      rateLimit: { burst: e.BOT_RATE_LIMIT_BURST, perMinute: e.BOT_RATE_LIMIT_PER_MINUTE },
    },
    zaloMiniApp: {
      graphBase: e.ZALO_GRAPH_BASE,
      appSecret: e.ZALO_APP_SECRET,
      appId: e.ZALO_MINI_APP_ID,
      trialSignIn: e.NODE_ENV !== 'production' && !e.ZALO_MINI_APP_ID && !e.ZALO_APP_SECRET,
    },
    dossiers: {
      sessionSecret: e.SESSION_SECRET,
      residentSessionTtlMinutes: e.RESIDENT_SESSION_TTL_MINUTES,
      maxAttachmentBytes: e.MAX_ATTACHMENT_BYTES,
      maxAttachments: e.MAX_ATTACHMENTS,
      officerSessionTtlMinutes: e.OFFICER_SESSION_TTL_MINUTES,
      officerIdleTimeoutMinutes: e.OFFICER_IDLE_TIMEOUT_MINUTES,
      statusLookupsPerMinute: e.STATUS_LOOKUPS_PER_MINUTE,
      lateCheckIntervalMinutes: e.LATE_CHECK_INTERVAL_MINUTES,
      corsOrigins: e.CORS_ORIGINS.split(',')
        .map((o) => o.trim())
        .filter(Boolean),
      trustProxy: e.TRUST_PROXY,
    },
    audit: {
      key: e.AUDIT_KEY,
      keyFile: path.resolve(e.AUDIT_KEY_FILE ?? path.join(dataDir, 'audit-key')),
      generate: !e.AUDIT_KEY_FILE && !(e.NODE_ENV === 'production' && e.DATABASE_URL),
    },
    security: {
      statusGuessesPerReferencePerHour: e.STATUS_GUESSES_PER_REFERENCE_PER_HOUR,
      statusFailuresPerClientPerHour: e.STATUS_FAILURES_PER_CLIENT_PER_HOUR,
      chatRequestsPerMinute: e.CHAT_REQUESTS_PER_MINUTE,
    },
  };
}

/**
 * The environment for a child process: this process's environment plus `overrides`. Scripts that
 * start a server child use it, so they never read process.env themselves.
 */
export function childEnvironment(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
