/**
 * Runs the real dossier API (createApiRuntime → express app listening on an ephemeral loopback port)
 * over PGlite in a temp dir (or a PostgreSQL URL), with a fake Zalo Graph server, a recording
 * notification sender and a clock the test can move. Tests talk to it over HTTP only.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hashPassword } from '../../api/auth/password.js';
import { createApiRuntime, type ApiRuntime, type ApiRuntimeOptions } from '../../api/runtime.js';
import { upsertOfficer, type OfficerRole } from '../../api/store/officer-repository.js';
import { openStore, type Store } from '../../api/store/store.js';
import { loadConfig, type Config } from '../../common/config.js';
import { silentLogger, type Logger } from '../../common/logger.js';
import type { Router } from 'express';
import type { ChatHandler } from '../../api/routes/chat.js';
import type { ProcedureDirectory } from '../../api/routes/procedures.js';
import { testProcedureLookup } from './dossier-fixtures.js';
import { startFakeZaloGraph, type FakeZaloGraph } from './fake-zalo-graph.js';
import { createRecordingSender, type RecordingSender } from './recording-sender.js';

// Response bodies are checked field by field in the tests; a loose type keeps them readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

export interface HttpResult<T = Loose> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
}

export interface Harness {
  baseUrl: string;
  config: Config;
  runtime: ApiRuntime;
  dataDir: string;
  zalo: FakeZaloGraph;
  telegram: RecordingSender;
  /** The app's clock: real time plus an offset the test can move forward. */
  clock: { offsetMs: number; now(): Date; advanceDays(days: number): void };
  request<T = Loose>(
    method: string,
    urlPath: string,
    options?: RequestOptions,
  ): Promise<HttpResult<T>>;
  /** A signed-in resident (fresh Zalo user); returns the session token. */
  resident(name?: string): Promise<string>;
  /**
   * Links `chatId` on `channel` to the signed-in resident the way a resident does it: a one-time code
   * from `POST /api/me/notify-links`, sent back from that chat (the bots' `/lienket <code>`).
   */
  linkChat(
    residentToken: string,
    chatId: string,
    channel?: 'telegram' | 'zalo' | 'zalo-oa',
  ): Promise<void>;
  /** Creates an officer account and signs in; returns the session token. */
  officer(communeCode: string, role?: OfficerRole): Promise<string>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  databaseUrl?: string;
  env?: Record<string, string>;
  start?: Date;
  /** Defaults to a silent logger. */
  logger?: Logger;
  extraRouters?: Router[];
  chat?: ChatHandler;
  /** Catalogue and retriever behind /api/procedures (the mini-app's search). */
  procedures?: ProcedureDirectory;
  /** Further runtime options (notice group senders, worker knobs). */
  runtime?: Partial<ApiRuntimeOptions>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'motcua-api-'));
  if (!options.databaseUrl) await copyPgliteTemplate(path.join(dataDir, 'pglite'));
  const zalo = await startFakeZaloGraph();
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_SILENT: 'true',
    ZALO_GRAPH_BASE: zalo.url,
    MAX_ATTACHMENT_BYTES: String(64 * 1024),
    MAX_ATTACHMENTS: '4',
    STATUS_LOOKUPS_PER_MINUTE: '1000',
    CHAT_REQUESTS_PER_MINUTE: '1000',
    LATE_CHECK_INTERVAL_MINUTES: '1440',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  });
  const clock = {
    offsetMs: options.start ? options.start.getTime() - Date.now() : 0,
    now() {
      return new Date(Date.now() + this.offsetMs);
    },
    advanceDays(days: number) {
      this.offsetMs += days * 86_400_000;
    },
  };
  const telegram = createRecordingSender('telegram');
  const runtime = await createApiRuntime(config, {
    logger: options.logger ?? silentLogger,
    ...(options.extraRouters ? { extraRouters: options.extraRouters } : {}),
    ...(options.chat ? { chat: options.chat } : {}),
    ...(options.procedures ? { procedures: options.procedures } : {}),
    catalogue: testProcedureLookup,
    senders: [telegram],
    now: () => clock.now(),
    dispatcherPollMs: 50,
    notificationBackoffMs: () => 20,
    ...options.runtime,
  });
  const server: Server = await new Promise((resolve) => {
    const s = runtime.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const baseUrl = `http://127.0.0.1:${address.port}`;

  async function request<T>(
    method: string,
    urlPath: string,
    o: RequestOptions = {},
  ): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body = o.body;
    if (o.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(o.json);
    }
    const response = await fetch(baseUrl + urlPath, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  let residents = 0;
  return {
    baseUrl,
    config,
    runtime,
    dataDir,
    zalo,
    telegram,
    clock,
    request,
    async resident(name = 'Người dân') {
      const token = `zalo-token-${randomUUID()}`;
      zalo.addUser(token, {
        id: String(1_000_000 + ++residents) + String(Date.now() % 1000),
        name,
      });
      const res = await request('POST', '/api/auth/zalo', { token });
      if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${res.text}`);
      return (res.body as { token: string }).token;
    },
    async linkChat(residentToken, chatId, channel = 'telegram') {
      const issued = await request('POST', '/api/me/notify-links', {
        token: residentToken,
        json: { channel },
      });
      if (issued.status !== 201) throw new Error(`link code: ${issued.status} ${issued.text}`);
      const answer = await runtime.chatLinks.link({
        channel,
        chatId,
        senderKey: chatId,
        code: (issued.body as { code: string }).code,
      });
      if (!answer.ok) throw new Error(`link refused: ${answer.reply}`);
    },
    async officer(communeCode, role = 'officer') {
      const username = `cb_${communeCode}_${randomUUID().slice(0, 8)}`;
      const password = `mat-khau-${randomUUID()}`;
      await upsertOfficer(runtime.store.db, {
        username,
        passwordHash: await hashPassword(password),
        communeCode,
        role,
      });
      const res = await request('POST', '/api/officer/login', { json: { username, password } });
      if (res.status !== 200) throw new Error(`officer login failed: ${res.status} ${res.text}`);
      return (res.body as { token: string }).token;
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await runtime.close();
      await zalo.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Creating a PGlite database runs initdb (3–5 s); copying a migrated template takes well under a
 * second. The template is keyed by the migrations' source, built once per machine, published by rename.
 */
async function copyPgliteTemplate(target: string): Promise<void> {
  const migrations = await readFile(
    new URL('../../api/store/migrations.ts', import.meta.url),
    'utf8',
  );
  const key = createHash('sha256').update(migrations).digest('hex').slice(0, 12);
  const template = path.join(tmpdir(), `motcua-pglite-template-${key}`);
  if (!existsSync(template)) {
    const building = `${template}.${process.pid}.${randomUUID().slice(0, 8)}`;
    const store = await openStore({ dataDir: building, maxAttachmentBytes: 1 });
    await store.close();
    try {
      await rename(path.join(building, 'pglite'), template);
    } catch {
      // another worker published it first
    }
    await rm(building, { recursive: true, force: true });
  }
  await cp(template, target, { recursive: true });
}

/** Opens a PGlite store in `dataDir`, starting from the migrated template (fast). */
export async function openTemplateStore(
  dataDir: string,
  maxAttachmentBytes = 1 << 20,
): Promise<Store> {
  await copyPgliteTemplate(path.join(dataDir, 'pglite'));
  return openStore({ dataDir, maxAttachmentBytes });
}

/** A fresh Idempotency-Key. */
export const newKey = () => `k-${randomUUID()}`;
