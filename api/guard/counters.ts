/**
 * @module
 * Fixed-window counters and "seen once" ids kept in the database (tables `rate_counters` and
 * `seen_ids`), so rate limits, lookup locks and webhook replay windows hold across restarts and are
 * shared by every API process on one PostgreSQL. Each operation is one atomic statement
 * (`INSERT … ON CONFLICT … DO UPDATE … RETURNING`), so concurrent hits never lose a count.
 */
import type { Queryable } from '../store/database.js';

/** The state of one counter after a hit. */
export interface CounterState {
  /** Hits in the current window, this one included. */
  count: number;
  /** Milliseconds until the window ends (≥ 1). */
  resetInMs: number;
}

/** Counters and seen-ids over one database. Keys come from code (prefix) plus an id. */
export interface Counters {
  /** Counts one hit (or `by` hits) on `key` in a window of `windowMs` starting at its first hit. */
  hit(key: string, windowMs: number, by?: number): Promise<CounterState>;
  /** The current window of `key`, or null when it has none running. */
  peek(key: string): Promise<CounterState | null>;
  /** Makes the running window of `key` last at least `ms` from now (turns a full window into a lock). */
  extend(key: string, ms: number): Promise<void>;
  /** Takes back one hit (a refund), never below zero. */
  refund(key: string): Promise<void>;
  /** Forgets `key` (e.g. failures after a successful login). */
  reset(key: string): Promise<void>;
  /**
   * Records `key` as seen for `ttlMs`; true the first time, false while it is still remembered
   * (a replay). Atomic across processes.
   */
  firstSeen(key: string, ttlMs: number): Promise<boolean>;
  /** Deletes expired rows; returns how many. Called now and then by the runtime. */
  sweep(): Promise<number>;
}

const HIT_SQL = `
INSERT INTO rate_counters (key, count, window_end) VALUES ($1, $4, $3)
ON CONFLICT (key) DO UPDATE SET
  count = CASE WHEN rate_counters.window_end <= $2 THEN $4 ELSE rate_counters.count + $4 END,
  window_end = CASE WHEN rate_counters.window_end <= $2 THEN EXCLUDED.window_end
                    ELSE rate_counters.window_end END
RETURNING count, window_end`;

// A replay inside the window leaves the row alone (the WHERE fails, nothing is returned); an expired
// row is taken over as a first sighting.
const SEEN_SQL = `
INSERT INTO seen_ids (key, expires_at) VALUES ($1, $3)
ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at
  WHERE seen_ids.expires_at <= $2
RETURNING key`;

/** Creates {@link Counters} over `db`; `now` is the clock (tests move it). */
export function createCounters(db: Queryable, now: () => Date = () => new Date()): Counters {
  const state = (row: { count: number; window_end: Date | string }, t: number): CounterState => ({
    count: Number(row.count),
    resetInMs: Math.max(1, new Date(row.window_end).getTime() - t),
  });
  return {
    async hit(key, windowMs, by = 1) {
      const t = now();
      const rows = await db.query<{ count: number; window_end: Date }>(HIT_SQL, [
        key,
        t.toISOString(),
        new Date(t.getTime() + windowMs).toISOString(),
        by,
      ]);
      return state(rows[0]!, t.getTime());
    },
    async peek(key) {
      const t = now();
      const rows = await db.query<{ count: number; window_end: Date }>(
        'SELECT count, window_end FROM rate_counters WHERE key = $1 AND window_end > $2',
        [key, t.toISOString()],
      );
      return rows[0] ? state(rows[0], t.getTime()) : null;
    },
    async extend(key, ms) {
      const t = now();
      await db.query(
        'UPDATE rate_counters SET window_end = GREATEST(window_end, $2) WHERE key = $1',
        [key, new Date(t.getTime() + ms).toISOString()],
      );
    },
    async refund(key) {
      await db.query(
        'UPDATE rate_counters SET count = GREATEST(count - 1, 0) WHERE key = $1 AND window_end > $2',
        [key, now().toISOString()],
      );
    },
    async reset(key) {
      await db.query('DELETE FROM rate_counters WHERE key = $1', [key]);
    },
    async firstSeen(key, ttlMs) {
      const t = now();
      const rows = await db.query(SEEN_SQL, [
        key,
        t.toISOString(),
        new Date(t.getTime() + ttlMs).toISOString(),
      ]);
      return rows.length > 0;
    },
    async sweep() {
      const t = now().toISOString();
      const a = await db.query('DELETE FROM rate_counters WHERE window_end <= $1 RETURNING 1', [t]);
      const b = await db.query('DELETE FROM seen_ids WHERE expires_at <= $1 RETURNING 1', [t]);
      return a.length + b.length;
    },
  };
}
