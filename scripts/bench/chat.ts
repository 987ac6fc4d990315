/*
 * Bench "chat": does the per-client rate limit of POST /api/chat slow a normal conversation down?
 * A resident's conversation of ten turns (questions, "xem thêm", a status lookup of their own dossier,
 * thanks) is played back to back, as fast as the client can, against the whole server in this process
 * (real conversation core, temp PGlite). The chat route is served twice side by side, with the
 * configured per-client limit (counted in the database, as in the app: "limitOn") and without it
 * ("limitOff"), so the difference is the limit's cost; the app's own /api/chat ("app") is measured too.
 * Modes take turns, each round a new resident from its own address. Prints p50/p95 latency per turn,
 * and how many turns got a 429 (a normal conversation must get none).
 *
 * Alone: `npx tsx scripts/bench/chat.ts [rounds]` prints JSON to stdout.
 */
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import express from 'express';
import { apiNotFound, errorHandler } from '../../api/middleware/error-handler.js';
import { createChatRouter } from '../../api/routes/chat.js';
import { silentLogger } from '../../common/logger.js';
import { startLocalStack } from '../lib/local-stack.js';

const PHONE = '0912345678';
type Mode = 'on' | 'off' | 'app';
const MODES: readonly Mode[] = ['on', 'off', 'app'];

/** A resident's ten turns; `{ref}` is their dossier's reference. */
const TURNS = [
  'làm giấy khai sinh cho con cần giấy tờ gì',
  'xem thêm',
  'lệ phí bao nhiêu',
  'nộp ở đâu',
  'đăng ký kết hôn',
  'xem thêm',
  'tra cứu hồ sơ {ref} 5678',
  'cấp lại căn cước công dân',
  'xem thêm',
  'cảm ơn',
];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const round1 = (n: number) => Math.round(n * 10) / 10;

interface ModeStats {
  /** Per turn: p50 and p95 over the rounds (ms). */
  perTurn: { turn: number; text: string; p50: number; p95: number }[];
  /** Over every turn of every round (ms). */
  p50: number;
  p95: number;
  /** Whole conversation, p50 over the rounds (ms). */
  conversationP50: number;
  tooManyRequests: number;
  errors: number;
}

export async function run(rounds = 20): Promise<Record<string, unknown>> {
  const stack = await startLocalStack();
  // The chat route alone, with the app's error handler, once with the configured per-client limit
  // (counted in the database, as in the app) and once without: the difference is the limit's cost.
  async function routeOnly(limited: boolean) {
    const app = express();
    app.set('trust proxy', 'loopback');
    const limits = limited
      ? { counters: stack.counters, perMinute: stack.config.security.chatRequestsPerMinute }
      : undefined;
    app.use('/api', createChatRouter(stack.chat, limits), apiNotFound);
    app.use(errorHandler(silentLogger));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  }
  const limitedRoute = await routeOnly(true);
  const bareRoute = await routeOnly(false);
  try {
    const reference = await stack.fileDossier(PHONE);
    const turns = TURNS.map((t) => t.replace('{ref}', reference));
    const times = {
      on: turns.map(() => [] as number[]),
      off: turns.map(() => [] as number[]),
      app: turns.map(() => [] as number[]),
    };
    const whole = { on: [] as number[], off: [] as number[], app: [] as number[] };
    const status = {
      on: { tooMany: 0, errors: 0 },
      off: { tooMany: 0, errors: 0 },
      app: { tooMany: 0, errors: 0 },
    };
    const bases = { on: limitedRoute.url, off: bareRoute.url, app: stack.baseUrl };

    async function conversation(mode: Mode, ip: string): Promise<void> {
      const base = bases[mode];
      const sessionId = `bench-${randomUUID()}`;
      const started = performance.now();
      for (const [i, text] of turns.entries()) {
        const t0 = performance.now();
        const res = await fetch(`${base}/api/chat`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
          body: JSON.stringify({ sessionId, text }),
        });
        await res.arrayBuffer();
        times[mode][i]!.push(performance.now() - t0);
        if (res.status === 429) status[mode].tooMany += 1;
        else if (res.status !== 200) status[mode].errors += 1;
      }
      whole[mode].push(performance.now() - started);
    }

    // One warm-up conversation each (JIT, caches), not counted.
    for (const [i, mode] of MODES.entries()) await conversation(mode, `203.0.113.${250 + i}`);
    for (const key of MODES) {
      for (const t of times[key]) t.length = 0;
      whole[key].length = 0;
    }
    for (let r = 0; r < rounds; r++) {
      // Rotate which goes first, so drift in machine load falls on all alike.
      const order = MODES.map((_, i) => MODES[(i + r) % MODES.length]!);
      for (const mode of order) await conversation(mode, `203.0.113.${r + 1}`);
    }

    const stats = (mode: Mode): ModeStats => {
      const all = times[mode].flat().sort((a, b) => a - b);
      return {
        perTurn: turns.map((text, i) => {
          const sorted = [...times[mode][i]!].sort((a, b) => a - b);
          return {
            turn: i + 1,
            text,
            p50: round1(percentile(sorted, 50)),
            p95: round1(percentile(sorted, 95)),
          };
        }),
        p50: round1(percentile(all, 50)),
        p95: round1(percentile(all, 95)),
        conversationP50: round1(
          percentile(
            [...whole[mode]].sort((a, b) => a - b),
            50,
          ),
        ),
        tooManyRequests: status[mode].tooMany,
        errors: status[mode].errors,
      };
    };
    const on = stats('on');
    const off = stats('off');
    return {
      name: 'chat',
      rounds,
      turnsPerConversation: turns.length,
      limitPerClientPerMinute: stack.config.security.chatRequestsPerMinute,
      limitOn: on,
      limitOff: off,
      /** The whole app's /api/chat (limit on, plus request log, CORS and the other routers). */
      app: stats('app'),
      /** What the limit adds to a turn (ms, p50 and p95; noise on a busy machine is ± a few ms). */
      addedMs: { p50: round1(on.p50 - off.p50), p95: round1(on.p95 - off.p95) },
      normalConversationHit429: on.tooManyRequests > 0 || status.app.tooMany > 0,
    };
  } finally {
    for (const { server } of [limitedRoute, bareRoute]) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    await stack.close();
  }
}

export const bench = { name: 'chat', run: () => run() };

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rounds = Number(process.argv[2] ?? 20);
  run(rounds).then(
    (result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
