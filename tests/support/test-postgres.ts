/**
 * A throw-away PostgreSQL database for one test run: `motcua_test_<pid>_<random>`, created through the
 * `postgres` maintenance database at 127.0.0.1:5432 (or TEST_POSTGRES_URL) and dropped afterwards.
 * Returns null when no server answers, so suites can skip LOUDLY instead of passing silently.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function createTestDatabase(): Promise<TestDatabase | null> {
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `motcua_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** The message printed when the PostgreSQL suite cannot run. */
export const POSTGRES_SKIP_MESSAGE =
  `\n*** PostgreSQL suite SKIPPED: no PostgreSQL server answered at ${ADMIN_URL.replace(/\/\/[^@]*@/, '//')}. ` +
  'Start one (or set TEST_POSTGRES_URL) to run the store tests against PostgreSQL. ***\n';
