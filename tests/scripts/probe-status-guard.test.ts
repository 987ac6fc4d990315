import { expect, inject, it } from 'vitest';
import { runScript, type ScriptRun } from '../support/run-script.js';

/*
 * Issue #11 acceptance: a bounded local brute force against the chat, the bot's /hoso and
 * GET /api/status together gets at most the configured number of guesses per reference per hour.
 * Runs `npm run probe:status` (small bound) and checks what the server really compared.
 */

interface PathCounts {
  tries: number;
  wrong: number;
  found: number;
  refused: number;
  other: number;
}

function probe(args: string[]): Promise<ScriptRun> {
  return runScript('probe-status-guard.ts', args, { env: { LOG_SILENT: 'true' } });
}

it('lets a brute force through chat, bot and /api/status compare at most the configured guesses', async () => {
  const run = await probe([
    '--max-tries',
    '180',
    '--max-seconds',
    '60',
    '--clients',
    '4',
    '--index-dir',
    inject('indexDir'),
  ]);
  expect(run.code, run.err).toBe(0);
  const result = JSON.parse(run.out.trim()) as {
    reference: string;
    tries: number;
    evaluatedGuesses: number;
    allowedPerHour: number;
    found: boolean;
    byPath: Record<'chat' | 'bot' | 'status', PathCounts>;
    holds: boolean;
  };
  expect(result.allowedPerHour).toBe(5); // STATUS_GUESSES_PER_REFERENCE_PER_HOUR's default
  // Every door was tried, many times over the limit (unless a lucky guess, 1 in 2,000, ended it).
  if (!result.found) expect(result.tries).toBe(180);
  for (const door of ['chat', 'bot', 'status'] as const) {
    if (!result.found) expect(result.byPath[door].tries).toBeGreaterThanOrEqual(50);
    expect(result.byPath[door].other, door).toBe(0);
  }
  // The server compared at most the allowed number (a right guess is refunded, so +1 if found).
  expect(result.evaluatedGuesses).toBeGreaterThan(0);
  expect(result.evaluatedGuesses).toBeLessThanOrEqual(
    result.allowedPerHour + (result.found ? 1 : 0),
  );
  expect(result.holds).toBe(true);
  // What the clients saw agrees: every other try was refused.
  const answered = Object.values(result.byPath).reduce((n, p) => n + p.wrong + p.found, 0);
  expect(answered).toBe(result.evaluatedGuesses);
}, 240_000);
