/**
 * @module
 * The knowledge-gap list in the database: questions the assistant could not answer, for officers to
 * review (most frequent first, mark handled). Anonymous traffic must not grow it without bound, so
 * every question is redacted, then de-duplicated by its normalised text (a repeat only bumps a count),
 * and new questions are capped per client per day and per day overall; the table itself is capped,
 * dropping the least useful rows (handled first, then the rarest and oldest).
 */
import type { Logger } from '../../common/logger.js';
import { redact } from '../../common/redact.js';
import { foldForMatching, type GapLog } from '../../knowledge/index.js';
import type { Counters } from '../guard/counters.js';
import type { Queryable } from '../store/database.js';

export interface GapLimits {
  /** New questions one client may add per day (repeats of known ones always count). */
  perClientPerDay: number;
  /** New questions per day, whoever asks. */
  perDay: number;
  /** Rows kept at most. */
  maxRows: number;
}

export const DEFAULT_GAP_LIMITS: GapLimits = { perClientPerDay: 20, perDay: 500, maxRows: 5000 };

/** One entry of the list officers read. */
export interface GapRow {
  id: number;
  question: string;
  channel: string;
  count: number;
  firstAt: string;
  lastAt: string;
  handledAt: string | null;
  handledBy: string | null;
}

const DAY_MS = 86_400_000;
const MAX_QUESTION = 300;

/** The normalised form questions are de-duplicated by (accents, case, punctuation, spacing). */
export function gapKey(question: string): string {
  return foldForMatching(question).replace(/\s+/g, ' ').trim().slice(0, MAX_QUESTION);
}

/**
 * A {@link GapLog} over the database. `record` returns at once (the conversation never waits for it);
 * the returned `settled()` lets tests wait for writes in flight.
 */
export function createDbGapLog(
  db: Queryable,
  counters: Counters,
  options: { limits?: GapLimits; logger?: Logger; now?: () => Date } = {},
): GapLog & { settled(): Promise<void> } {
  const limits = options.limits ?? DEFAULT_GAP_LIMITS;
  const now = options.now ?? (() => new Date());
  let inFlight: Promise<void> = Promise.resolve();
  let sinceTrim = 0;

  async function write(entry: Parameters<GapLog['record']>[0]): Promise<void> {
    const question = redact(entry.question).replace(/\s+/g, ' ').trim().slice(0, MAX_QUESTION);
    const key = gapKey(question);
    if (!key) return;
    const at = now().toISOString();
    const bumped = await db.query(
      'UPDATE knowledge_gaps SET count = count + 1, last_at = $2 WHERE key = $1 RETURNING id',
      [key, at],
    );
    if (bumped.length > 0) return;
    const mine = await counters.hit(`gap:client:${entry.client ?? entry.channel}`, DAY_MS);
    if (mine.count > limits.perClientPerDay) return;
    const all = await counters.hit('gap:all', DAY_MS);
    if (all.count > limits.perDay) return;
    await db.query(
      `INSERT INTO knowledge_gaps (key, question, channel, reason, first_at, last_at)
       VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (key) DO UPDATE SET count = knowledge_gaps.count + 1, last_at = EXCLUDED.last_at`,
      [key, question, entry.channel, entry.reason, at],
    );
    if (++sinceTrim >= 50) {
      sinceTrim = 0;
      await trimGaps(db, limits.maxRows);
    }
  }

  return {
    record(entry) {
      const step = inFlight.then(() =>
        write(entry).catch((error: unknown) => {
          options.logger?.warn('knowledge gap not recorded', { error });
        }),
      );
      inFlight = step;
    },
    settled: () => inFlight,
  };
}

/** Keeps at most `maxRows` rows: handled ones go first, then the rarest and oldest. */
export async function trimGaps(db: Queryable, maxRows: number): Promise<number> {
  const rows = await db.query(
    `DELETE FROM knowledge_gaps WHERE id IN (
       SELECT id FROM knowledge_gaps
       ORDER BY (handled_at IS NULL), count DESC, last_at DESC
       OFFSET $1
     ) RETURNING id`,
    [maxRows],
  );
  return rows.length;
}

interface DbRow {
  id: number;
  question: string;
  channel: string;
  count: number;
  first_at: Date | string;
  last_at: Date | string;
  handled_at: Date | string | null;
  handled_by: string | null;
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** The list, most frequent first (then most recent); open ones only unless `includeHandled`. */
export async function listGaps(
  db: Queryable,
  options: { limit?: number; includeHandled?: boolean } = {},
): Promise<GapRow[]> {
  const rows = await db.query<DbRow>(
    `SELECT id, question, channel, count, first_at, last_at, handled_at, handled_by
     FROM knowledge_gaps ${options.includeHandled ? '' : 'WHERE handled_at IS NULL'}
     ORDER BY count DESC, last_at DESC, id LIMIT $1`,
    [Math.min(Math.max(options.limit ?? 50, 1), 500)],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    question: r.question,
    channel: r.channel,
    count: Number(r.count),
    firstAt: iso(r.first_at)!,
    lastAt: iso(r.last_at)!,
    handledAt: iso(r.handled_at),
    handledBy: r.handled_by,
  }));
}

/** Marks one gap handled (an alias was added, or it is out of scope); false when there is no such id. */
export async function markGapHandled(
  db: Queryable,
  id: number,
  by: string,
  at: Date = new Date(),
): Promise<boolean> {
  const rows = await db.query(
    'UPDATE knowledge_gaps SET handled_at = $2, handled_by = $3 WHERE id = $1 RETURNING id',
    [id, at.toISOString(), by],
  );
  return rows.length > 0;
}
