import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../api/store/store.js';
import { createTestDatabase, POSTGRES_SKIP_MESSAGE } from '../support/test-postgres.js';

/* Several API processes starting together on one fresh PostgreSQL database must all come up. */

const databases = await Promise.all([1, 2, 3].map(() => createTestDatabase()));
const available = databases.every((d) => d !== null);
if (!available) process.stderr.write(POSTGRES_SKIP_MESSAGE);

afterAll(async () => {
  await Promise.all(databases.map((d) => d?.drop()));
});

describe.skipIf(!available)('migrations on PostgreSQL', () => {
  it('lets four processes start at once on a fresh database (three rounds)', async () => {
    for (const database of databases) {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'motcua-migrate-'));
      const stores = await Promise.all(
        [1, 2, 3, 4].map(() =>
          openStore({ dataDir, databaseUrl: database!.url, maxAttachmentBytes: 1024 }),
        ),
      );
      const rows = await stores[0]!.db.query<{ n: string }>(
        'SELECT count(*)::text AS n FROM schema_migrations',
      );
      expect(Number(rows[0]!.n)).toBeGreaterThan(0);
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});
