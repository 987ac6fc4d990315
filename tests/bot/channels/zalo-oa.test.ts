import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../common/config.js';
import { DeliveryError } from '../../../common/dossier-contracts.js';
import { createLogger, silentLogger } from '../../../common/logger.js';
import { startBots } from '../../../bot/main.js';
import { PlatformApiError } from '../../../bot/channels/shared/errors.js';
import { OaTokenManager } from '../../../bot/channels/zalo-oa/token-manager.js';
import { OaTokenStore } from '../../../bot/channels/zalo-oa/token-store.js';
import { OA_TOKEN_FILE } from '../../../bot/channels/zalo-oa/start-zalo-oa.js';
import {
  FakeZaloOaServer,
  oaTextEvent,
  signOaDelivery,
} from '../../support/fake-zalo-oa-server.js';
import { BIRTH_CHOICES, FakeConversation } from './fake-conversation.js';

const APP_ID = '2553928453557884079';
const OA_SECRET = 'oa-secret-key-khoa-bi-mat';
const APP_SECRET = 'app-secret-0123456789';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'motcua-oa-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function setup(options: { accessTokens?: string[] } = {}) {
  const fake = await FakeZaloOaServer.start({
    appId: APP_ID,
    appSecret: APP_SECRET,
    refreshToken: 'ref_initial',
    accessTokens: options.accessTokens ?? ['acc_initial'],
  });
  cleanups.push(() => fake.stop());
  const dataDir = await tempDir();
  const conversation = new FakeConversation();
  const logs: string[] = [];
  const config = loadConfig({
    ZALO_OA_APP_ID: APP_ID,
    ZALO_OA_SECRET_KEY: OA_SECRET,
    ZALO_APP_SECRET: APP_SECRET,
    ZALO_OA_ACCESS_TOKEN: 'acc_initial',
    ZALO_OA_REFRESH_TOKEN: 'ref_initial',
    ZALO_OA_API_BASE: fake.url,
    ZALO_OAUTH_BASE: fake.url,
    DATA_DIR: dataDir,
  });
  const bots = await startBots(config, {
    conversation,
    logger: createLogger({ write: (line) => logs.push(line) }),
  });
  cleanups.push(() => bots.stop());
  const app = express();
  for (const router of bots.routers) app.use(router);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/zalo-oa`;
  const deliver = (body: string, signature: string | undefined) =>
    fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(signature === undefined ? {} : { 'x-zevent-signature': signature }),
      },
      body,
    });
  const deliverEvent = (event: { timestamp: string }) => {
    const signed = signOaDelivery(APP_ID, OA_SECRET, event);
    return deliver(signed.body, signed.signature);
  };
  return { fake, bots, conversation, logs, dataDir, deliver, deliverEvent };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Zalo OA webhook', () => {
  it('accepts a correctly signed event at once and replies with a consultation message', async () => {
    const { fake, bots, deliverEvent } = await setup();
    expect(bots.active).toEqual(['zalo-oa (webhook)']);
    const started = Date.now();
    const response = await deliverEvent(oaTextEvent(APP_ID, '6142494823001', 'lệ phí bao nhiêu'));
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
    await fake.waitForMessages(1);
    expect(fake.sent[0]).toEqual({
      userId: '6142494823001',
      text: 'Bạn hỏi: lệ phí bao nhiêu',
      accessToken: 'acc_initial',
    });
  });

  it('rejects forged, unsigned and tampered deliveries with 401 and processes nothing', async () => {
    const { fake, conversation, deliver } = await setup();
    const event = oaTextEvent(APP_ID, 'u1', 'xin chào');
    const good = signOaDelivery(APP_ID, OA_SECRET, event);
    const forged = signOaDelivery(APP_ID, 'guessed-secret', event);
    const tampered = good.body.replace('xin chào', 'xin chao');
    const mac = good.signature.slice(4);
    expect((await deliver(good.body, forged.signature)).status).toBe(401);
    expect((await deliver(good.body, undefined)).status).toBe(401);
    expect((await deliver(tampered, good.signature)).status).toBe(401);
    // One hex digit changed (to a digit it is not, or 1 time in 16 the "change" would be no change).
    const flipped = `${mac.slice(0, -1)}${mac.endsWith('0') ? '1' : '0'}`;
    expect((await deliver(good.body, `mac=${flipped}`)).status).toBe(401);
    // The exact raw bytes count: the same JSON re-serialised with spaces no longer matches.
    expect((await deliver(JSON.stringify(event, null, 1), good.signature)).status).toBe(401);
    await pause(50);
    expect(conversation.received).toHaveLength(0);
    expect(fake.sent).toHaveLength(0);
    // A bare hex mac (no "mac=" prefix) is accepted too.
    expect((await deliver(good.body, mac)).status).toBe(200);
    await fake.waitForMessages(1);
  });

  it('does not process a stale or replayed delivery', async () => {
    const { fake, conversation, deliverEvent, logs } = await setup();
    const old = oaTextEvent(APP_ID, 'u2', 'cũ', { timestamp: Date.now() - 10 * 60_000 });
    const future = oaTextEvent(APP_ID, 'u2', 'tương lai', { timestamp: Date.now() + 10 * 60_000 });
    expect((await deliverEvent(old)).status).toBe(200);
    expect((await deliverEvent(future)).status).toBe(200);
    const fresh = oaTextEvent(APP_ID, 'u2', 'mới');
    await deliverEvent(fresh);
    await deliverEvent(fresh);
    await fake.waitForMessages(1);
    await pause(50);
    expect(conversation.received.map((m) => m.text)).toEqual(['mới']);
    expect(fake.sent).toHaveLength(1);
    expect(logs.join('\n')).toMatch(/outside the replay window/);
  });

  it('offers numbered choices and reads the number back', async () => {
    const { fake, conversation, deliverEvent } = await setup();
    await deliverEvent(oaTextEvent(APP_ID, 'u3', 'khai sinh'));
    await fake.waitForMessages(1);
    expect(fake.sent[0]!.text).toContain('1. Đăng ký khai sinh\n2. ');
    await deliverEvent(oaTextEvent(APP_ID, 'u3', '1'));
    await fake.waitForMessages(2);
    expect(conversation.received.at(-1)?.action).toEqual({
      type: 'pick',
      code: BIRTH_CHOICES[0]!.code,
    });
  });
});

describe('Zalo OA access token', () => {
  it('refreshes once for many concurrent sends and stores the rotated pair atomically', async () => {
    const { fake, bots, dataDir } = await setup({ accessTokens: [] });
    const sender = bots.senders.find((s) => s.channel === 'zalo-oa')!;
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        sender.send({
          channel: 'zalo-oa',
          recipient: `r${n}`,
          text: `Thông báo ${n}`,
          idempotencyKey: `k${n}`,
        }),
      ),
    );
    expect(results.every((r) => typeof r.messageId === 'string')).toBe(true);
    expect(fake.refreshCalls).toBe(1);
    expect(fake.sent).toHaveLength(5);
    expect(new Set(fake.sent.map((m) => m.accessToken)).size).toBe(1);
    const stored = JSON.parse(await readFile(path.join(dataDir, OA_TOKEN_FILE), 'utf8'));
    expect(stored.refreshToken).toBe(fake.currentRefreshToken);
    expect(await readdir(dataDir)).toEqual([OA_TOKEN_FILE]);
  });

  it('after a restart uses the stored refresh token, never the spent one from config', async () => {
    const { fake, bots, dataDir } = await setup({ accessTokens: [] });
    const sender = bots.senders.find((s) => s.channel === 'zalo-oa')!;
    await sender.send({ channel: 'zalo-oa', recipient: 'r1', text: 'a', idempotencyKey: 'a' });
    fake.expireAccessTokens();

    const seed = { accessToken: 'acc_initial', refreshToken: 'ref_initial' };
    const store = new OaTokenStore(path.join(dataDir, OA_TOKEN_FILE));
    const options = {
      appId: APP_ID,
      appSecret: APP_SECRET,
      oauthBase: fake.url,
      store,
      logger: silentLogger,
    };
    const restarted = new OaTokenManager({ ...options, seed });
    await restarted.init();
    await expect(restarted.refresh()).resolves.toMatch(/^acc_/);

    // Reusing a spent refresh token fails the way Zalo fails it.
    const stale = new OaTokenManager({
      ...options,
      store: new OaTokenStore(path.join(await tempDir(), OA_TOKEN_FILE)),
      seed,
    });
    await stale.init();
    const error = await stale.refresh().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformApiError);
    expect((error as PlatformApiError).errorCode).toBe(-118);
  });

  it('turns a refused refresh into a delivery error without leaking secrets to the log', async () => {
    const { fake, bots, logs } = await setup({ accessTokens: [] });
    await fetch(`${fake.url}/v4/oa/access_token`, {
      method: 'POST',
      headers: { secret_key: APP_SECRET, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        app_id: APP_ID,
        grant_type: 'refresh_token',
        refresh_token: 'ref_initial',
      }),
    }); // someone else spent our refresh token
    const sender = bots.senders.find((s) => s.channel === 'zalo-oa')!;
    const failure = await sender
      .send({ channel: 'zalo-oa', recipient: 'r9', text: 'x', idempotencyKey: 'x' })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect((failure as DeliveryError).retryable).toBe(false);
    const written = logs.join('\n');
    expect(written).toMatch(/re-authorize the OA/);
    for (const secret of [APP_SECRET, OA_SECRET, 'ref_initial', 'acc_initial']) {
      expect(written).not.toContain(secret);
    }
  });
});
