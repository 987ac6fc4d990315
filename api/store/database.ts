/**
 * @module
 * One SQL interface over two engines: PGlite (embedded PostgreSQL in WebAssembly, files under
 * DATA_DIR, the default) and PostgreSQL (when DATABASE_URL is set). The SQL is the same; only the
 * connection and transaction plumbing differ. Every query is parameterised (`$1`, `$2`, …).
 */
import { mkdirSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { AppError } from '../../common/errors.js';

/** The embedded database folder is held by another live process (a second server on one DATA_DIR). */
export class DataDirInUseError extends AppError {
  constructor(dir: string, owner: number, cause: unknown) {
    const message = `Cơ sở dữ liệu nhúng ${dir} đang được tiến trình ${owner} dùng (có thể một máy chủ khác đang chạy). Hãy dừng tiến trình đó trước, hoặc dùng PostgreSQL (DATABASE_URL) để nhiều tiến trình dùng chung.`;
    super('DATA_DIR_IN_USE', message, { cause, userMessage: message });
  }
}

/** Anything that runs a parameterised query: the database or an open transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/**
 * The one row of `table` whose `column` equals `value`, optionally locked for the rest of the
 * transaction (`FOR UPDATE`). Table and column names come from code, never from input.
 */
export async function selectRowBy<T>(
  q: Queryable,
  table: string,
  column: string,
  value: unknown,
  options: { forUpdate?: boolean } = {},
): Promise<T | undefined> {
  const rows = await q.query<T>(
    `SELECT * FROM ${table} WHERE ${column} = $1${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [value],
  );
  return rows[0];
}

/** A database with transactions. Inside `transaction`, use only the `tx` it gives you. */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. On
   * PostgreSQL a serialization failure or deadlock is retried a few times.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const OID_INT8 = 20;
const OID_DATE = 1082;

// Dates stay `YYYY-MM-DD` strings (a JS Date would shift them by the time zone); counts fit a number.
const parseDate = (v: string) => v;
const parseInt8 = (v: string) => Number(v);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is single-process: two processes opening one data folder would corrupt it. A lock file with
 * the owner's pid guards it; a lock left by a dead process (crash, SIGKILL) is taken over.
 */
async function lockDataDir(lockPath: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(lockPath, String(process.pid), { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new DataDirInUseError(lockPath.replace(/\.lock$/, ''), owner, error);
      }
      await rm(lockPath, { force: true });
    }
  }
  throw new Error(`could not lock ${lockPath}`);
}

/** Opens (creating if needed) the embedded database in `dir`; one process at a time. */
export async function openPglite(dir: string): Promise<Database> {
  mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
  const lockPath = `${path.resolve(dir)}.lock`;
  await lockDataDir(lockPath);
  let db: PGlite;
  try {
    // Loaded on first use: a process on PostgreSQL (a separate notice worker restarting after a
    // crash) should not pay for the WebAssembly engine's import.
    const { PGlite } = await import('@electric-sql/pglite');
    db = await PGlite.create({
      dataDir: dir,
      parsers: { [OID_DATE]: parseDate, [OID_INT8]: parseInt8 },
    });
  } catch (error) {
    await rm(lockPath, { force: true });
    throw error;
  }
  const wrap = (q: { query: PGlite['query'] }): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<T>(sql, params as unknown[]);
      return result.rows;
    },
  });
  const self = wrap(db);
  return {
    kind: 'pglite',
    query: self.query,
    // PGlite has a single connection and serialises transactions behind a mutex, so there is
    // nothing to retry: transactions never run concurrently.
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    async close() {
      await db.close();
      await rm(lockPath, { force: true });
    },
  };
}

const RETRYABLE = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected
/** Distinct statement texts prepared per connection; beyond this, texts run unprepared. */
const MAX_PREPARED = 500;

/** Connects a pool to PostgreSQL at `url`. */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === OID_DATE) return parseDate;
        if (oid === OID_INT8) return parseInt8;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  await pool.query('SELECT 1');
  // Statements with parameters come from a small fixed set of texts: name each text once and
  // node-postgres prepares it once per connection (later runs skip parsing and planning in PostgreSQL
  // and send a shorter message). Texts without parameters (migrations' DDL, BEGIN/COMMIT) stay
  // unnamed; the cap guards against a caller ever building texts dynamically.
  const names = new Map<string, string>();
  const statement = (text: string, values: readonly unknown[]): pg.QueryConfig => {
    let name = names.get(text);
    if (name === undefined && values.length > 0 && names.size < MAX_PREPARED) {
      name = `s${names.size}`;
      names.set(text, name);
    }
    return name === undefined
      ? { text, values: values as unknown[] }
      : { name, text, values: values as unknown[] };
  };
  const viaClient = (client: pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query(statement(sql, params));
      return result.rows as T[];
    },
  });
  return {
    kind: 'postgres',
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await pool.query(statement(sql, params));
      return result.rows as T[];
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        let broken = false;
        try {
          await client.query('BEGIN');
          const value = await fn(viaClient(client));
          await client.query('COMMIT');
          return value;
        } catch (error) {
          try {
            await client.query('ROLLBACK');
          } catch {
            broken = true;
          }
          const code = (error as { code?: string }).code;
          if (attempt < 4 && code && RETRYABLE.has(code)) continue;
          throw error;
        } finally {
          client.release(broken);
        }
      }
    },
    close: () => pool.end(),
  };
}

/** True when `error` is a PostgreSQL unique-constraint violation (on `constraint`, if given). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23505' && (constraint === undefined || e.constraint === constraint);
}
