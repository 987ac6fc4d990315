/*
 * Bench "webhooks": Telegram webhook updates handled per second, end to end — HTTP POST with the
 * secret header → telegraf → adapter → a cheap conversation → sendMessage to a local fake Bot API →
 * 200. The route answers only after the reply was sent, so request latency is the full channel path.
 * Load comes from autocannon in a separate process (each request a new update_id and resident).
 *
 * Alone: `npx tsx scripts/bench/webhooks.ts [seconds] [connections]` prints JSON to stdout.
 */
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import express from 'express';
import { loadConfig } from '../../common/config.js';
import { silentLogger } from '../../common/logger.js';
import { startBots } from '../../bot/main.js';
import { FakeTelegramServer } from '../../tests/support/fake-telegram-server.js';
import type { Conversation } from '../../conversation/types.js';

/** Options of {@link run}. */
export interface WebhookBenchOptions {
  durationSeconds?: number;
  connections?: number;
}

/** What one run measured. */
export interface WebhookBenchResult {
  name: 'webhooks';
  updatesPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  requests: number;
  non2xx: number;
  errors: number;
  /** Replies the fake Telegram server received (should equal the 2xx requests). */
  repliesSent: number;
  durationSeconds: number;
  connections: number;
}

const SECRET = 'bench-webhook-secret';

// The load generator, run in its own process so it does not share the event loop being measured.
const LOAD_SCRIPT = `
import autocannon from 'autocannon';
const [url, secret, duration, connections] = process.argv.slice(1);
let id = 0;
const result = await autocannon({
  url, method: 'POST', duration: Number(duration), connections: Number(connections),
  headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
  requests: [{ setupRequest: (req) => {
    id += 1;
    const user = 100000 + (id % 5000);
    req.body = JSON.stringify({ update_id: id, message: { message_id: id, date: 0,
      chat: { id: user, type: 'private' }, from: { id: user, is_bot: false, first_name: 'A' },
      text: 'làm giấy khai sinh' } });
    return req;
  } }],
});
process.stdout.write(JSON.stringify(result));
`;

/** A conversation that costs nothing, so the bench measures the channel path only. */
const cheapConversation: Conversation = {
  handle: async (message) => ({
    answered: false,
    text: `Bạn hỏi: ${message.text} <&>`,
    procedure: null,
    choices: [{ code: '1.001193', label: 'Đăng ký khai sinh' }],
    sources: [],
    hasMore: false,
  }),
};

function runLoad(
  url: string,
  seconds: number,
  connections: number,
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--input-type=module', '-e', LOAD_SCRIPT, url, SECRET, String(seconds), String(connections)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`autocannon exited with ${code}`));
      else resolve(JSON.parse(out) as Record<string, unknown>);
    });
  });
}

/** Runs the bench and returns its numbers. */
export async function run(options: WebhookBenchOptions = {}): Promise<WebhookBenchResult> {
  const durationSeconds = options.durationSeconds ?? 10;
  const connections = options.connections ?? 20;
  const fake = await FakeTelegramServer.start({ record: false });
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.url,
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    BOT_RATE_LIMIT_BURST: '1000000',
    BOT_RATE_LIMIT_PER_MINUTE: '1000000',
  });
  const bots = await startBots(config, { conversation: cheapConversation, logger: silentLogger });
  const app = express();
  for (const router of bots.routers) app.use(router);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${config.telegram.webhookPath}`;
  try {
    const result = await runLoad(url, durationSeconds, connections);
    const requests = result.requests as { average: number; total: number };
    const latency = result.latency as { p50: number; p90: number; p99: number; max: number };
    return {
      name: 'webhooks',
      updatesPerSecond: Math.round(requests.average),
      latencyMs: { p50: latency.p50, p90: latency.p90, p99: latency.p99, max: latency.max },
      requests: requests.total,
      non2xx: Number(result.non2xx ?? 0),
      errors: Number(result.errors ?? 0),
      repliesSent: fake.counts.get('sendMessage') ?? 0,
      durationSeconds,
      connections,
    };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(() => resolve(undefined)));
    await bots.stop();
    await fake.stop();
  }
}

/** Entry for the bench runner (scripts/bench.ts). */
export const bench = { name: 'webhooks', run };

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [seconds, connections] = process.argv.slice(2).map(Number);
  const result = await run({
    ...(seconds ? { durationSeconds: seconds } : {}),
    ...(connections ? { connections } : {}),
  });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
