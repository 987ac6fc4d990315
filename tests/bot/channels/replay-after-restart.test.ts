/**
 * Defect 9 of the security probe: webhook replay protection lived in memory, so a signed Zalo OA
 * delivery (or a Telegram update id) replayed after a restart was processed again. The seen ids now
 * live in the database: the bots are started, the store closed and reopened (a restart), and the
 * same delivery replayed over HTTP.
 */
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterEach, expect, it } from 'vitest';
import { createCounters } from '../../../api/guard/counters.js';
import { openStore } from '../../../api/store/store.js';
import { startBots } from '../../../bot/main.js';
import { loadConfig } from '../../../common/config.js';
import { silentLogger } from '../../../common/logger.js';
import { openTemplateStore } from '../../support/api-harness.js';
import { FakeTelegramServer, tgUpdates } from '../../support/fake-telegram-server.js';
import {
  FakeZaloOaServer,
  oaTextEvent,
  signOaDelivery,
} from '../../support/fake-zalo-oa-server.js';
import { FakeConversation } from './fake-conversation.js';

const APP_ID = '2553928453557884079';
const OA_SECRET = 'oa-secret-key-khoa-bi-mat';
const TG_SECRET = 'wh_secret-0123456789';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** One server "process": the store opened on `dataDir`, the bots with its replay guard, an HTTP app. */
async function bootServer(dataDir: string, env: Record<string, string>, first: boolean) {
  const store = first
    ? await openTemplateStore(dataDir)
    : await openStore({ dataDir, maxAttachmentBytes: 1 });
  const conversation = new FakeConversation();
  const config = loadConfig({ DATA_DIR: dataDir, ...env });
  const bots = await startBots(config, {
    conversation,
    logger: silentLogger,
    replay: createCounters(store.db),
  });
  const app = express();
  for (const router of bots.routers) app.use(router);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const stop = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await bots.stop();
    await store.close();
  };
  return { base, conversation, stop };
}

it('a signed Zalo OA delivery and a Telegram update replayed after a restart are not processed again', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'motcua-replay-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const oa = await FakeZaloOaServer.start({
    appId: APP_ID,
    appSecret: 'app-secret',
    refreshToken: 'ref',
    accessTokens: ['acc'],
  });
  cleanups.push(() => oa.stop());
  const tg = await FakeTelegramServer.start({ maxHoldMs: 2000 });
  cleanups.push(() => tg.stop());
  const env = {
    ZALO_OA_APP_ID: APP_ID,
    ZALO_OA_SECRET_KEY: OA_SECRET,
    ZALO_OA_ACCESS_TOKEN: 'acc',
    ZALO_OA_API_BASE: oa.url,
    ZALO_OAUTH_BASE: oa.url,
    TELEGRAM_BOT_TOKEN: tg.token,
    TELEGRAM_API_ROOT: tg.url,
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
  };
  const signed = signOaDelivery(
    APP_ID,
    OA_SECRET,
    oaTextEvent(APP_ID, '6142494823001', 'xin chào'),
  );
  const update = tgUpdates.privateText(701, 'xin chào');
  const deliver = (base: string) =>
    Promise.all([
      fetch(`${base}/webhooks/zalo-oa`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-zevent-signature': signed.signature },
        body: signed.body,
      }),
      fetch(`${base}/webhooks/telegram`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-telegram-bot-api-secret-token': TG_SECRET,
        },
        body: JSON.stringify(update),
      }),
    ]);

  const first = await bootServer(dataDir, env, true);
  const [oaFirst, tgFirst] = await deliver(first.base);
  expect(oaFirst.status).toBe(200);
  expect(tgFirst.status).toBe(200);
  await oa.waitForMessages(1);
  expect(first.conversation.received).toHaveLength(2);
  await first.stop();

  // Restart: a new process state over the same database, then the same deliveries again.
  const second = await bootServer(dataDir, env, false);
  cleanups.push(second.stop);
  const [oaAgain, tgAgain] = await deliver(second.base);
  expect(oaAgain.status).toBe(200);
  expect(await oaAgain.json()).toEqual({ ignored: 'duplicate' });
  expect(tgAgain.status).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(second.conversation.received).toHaveLength(0);
});
