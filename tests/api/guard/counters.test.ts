/**
 * The database counters behind every limit, lock and replay window, on PGlite and PostgreSQL: atomic
 * under concurrency, shared by two processes' connections, and still there after a restart.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCounters } from '../../../api/guard/counters.js';
import { openStore, type Store } from '../../../api/store/store.js';
import { openTemplateStore } from '../../support/api-harness.js';
import {
  createTestDatabase,
  POSTGRES_SKIP_MESSAGE,
  type TestDatabase,
} from '../../support/test-postgres.js';

const postgres: TestDatabase | null = await createTestDatabase();
if (!postgres) process.stderr.write(POSTGRES_SKIP_MESSAGE);
afterAll(() => postgres?.drop());

function suite(name: string, open: (dataDir: string) => Promise<Store>, available: boolean) {
  describe.skipIf(!available)(`counters on ${name}`, () => {
    it('counts concurrent hits exactly, windows expire, refunds and resets', async () => {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'motcua-counters-'));
      const store = await open(dataDir);
      try {
        let t = Date.parse('2026-01-01T00:00:00Z');
        const counters = createCounters(store.db, () => new Date(t));
        const key = `k-${Math.random()}`;
        const states = await Promise.all(
          Array.from({ length: 40 }, () => counters.hit(key, 60_000)),
        );
        expect(states.map((s) => s.count).sort((a, b) => a - b)).toEqual(
          Array.from({ length: 40 }, (_, i) => i + 1),
        );
        await counters.refund(key);
        expect((await counters.peek(key))?.count).toBe(39);
        t += 60_001;
        expect(await counters.peek(key)).toBeNull();
        expect((await counters.hit(key, 60_000)).count).toBe(1);
        await counters.extend(key, 3_600_000);
        expect((await counters.peek(key))!.resetInMs).toBeGreaterThan(3_500_000);
        await counters.reset(key);
        expect(await counters.peek(key)).toBeNull();

        const id = `update-${Math.random()}`;
        const firsts = await Promise.all(
          Array.from({ length: 10 }, () => counters.firstSeen(id, 60_000)),
        );
        expect(firsts.filter(Boolean)).toHaveLength(1);
        t += 60_001;
        expect(await counters.firstSeen(id, 60_000)).toBe(true);
        t += 120_000;
        expect(await counters.sweep()).toBeGreaterThan(0);
      } finally {
        await store.close();
        await rm(dataDir, { recursive: true, force: true });
      }
    });

    it('keeps counts and seen ids across a restart', async () => {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'motcua-counters-'));
      try {
        const first = await open(dataDir);
        await createCounters(first.db).hit('restart-key', 3_600_000, 3);
        await createCounters(first.db).firstSeen('restart-id', 3_600_000);
        await first.close();
        const again = await openStore({
          dataDir,
          maxAttachmentBytes: 1,
          ...(name === 'PostgreSQL' ? { databaseUrl: postgres!.url } : {}),
        });
        const counters = createCounters(again.db);
        expect((await counters.peek('restart-key'))?.count).toBe(3);
        expect(await counters.firstSeen('restart-id', 3_600_000)).toBe(false);
        await again.close();
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    });
  });
}

suite('PGlite', (dataDir) => openTemplateStore(dataDir), true);
suite(
  'PostgreSQL',
  (dataDir) => openStore({ dataDir, databaseUrl: postgres!.url, maxAttachmentBytes: 1 }),
  postgres !== null,
);
