/**
 * @module
 * The resident's in-app notice list (what the mini-app shows under "Thông báo"): one row per status
 * notice, written by the in-app channel of the notification dispatcher from the outbox row it
 * delivers, so a notice is recorded exactly once even when the dispatcher retries.
 */
import type { Queryable } from './database.js';

export interface NoticeRow {
  id: number;
  resident_id: string;
  dossier_id: string;
  reference: string;
  history_seq: number;
  body: string;
  created_at: Date;
  read_at: Date | null;
}

/**
 * Records the notice of outbox row `idempotencyKey` (channel `app`) for its resident. Returns true when
 * the notice exists afterwards (written now or by an earlier attempt), false when the outbox row is gone.
 */
export async function recordNoticeFromOutbox(
  q: Queryable,
  idempotencyKey: string,
  residentId: string,
  body: string,
  at: Date,
): Promise<boolean> {
  await q.query(
    `INSERT INTO resident_notices (resident_id, dossier_id, history_seq, body, idempotency_key, created_at)
     SELECT $2, o.dossier_id, o.history_seq, $3, o.idempotency_key, $4
       FROM notification_outbox o WHERE o.idempotency_key = $1
     ON CONFLICT (idempotency_key) DO NOTHING`,
    [idempotencyKey, residentId, body, at],
  );
  const rows = await q.query('SELECT 1 FROM resident_notices WHERE idempotency_key = $1', [
    idempotencyKey,
  ]);
  return rows.length === 1;
}

/** A resident's newest notices first; `afterId` pages backwards. */
export async function listNotices(
  q: Queryable,
  residentId: string,
  options: { limit: number; beforeId?: number },
): Promise<NoticeRow[]> {
  return q.query<NoticeRow>(
    `SELECT n.id::int AS id, n.resident_id, n.dossier_id, d.reference, n.history_seq, n.body, n.created_at, n.read_at
       FROM resident_notices n JOIN dossiers d ON d.id = n.dossier_id
      WHERE n.resident_id = $1 AND ($3::bigint IS NULL OR n.id < $3)
      ORDER BY n.id DESC LIMIT $2`,
    [residentId, options.limit, options.beforeId ?? null],
  );
}

/** Number of notices the resident has not opened yet. */
export async function countUnread(q: Queryable, residentId: string): Promise<number> {
  const rows = await q.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM resident_notices WHERE resident_id = $1 AND read_at IS NULL',
    [residentId],
  );
  return rows[0]?.n ?? 0;
}

/** Marks the resident's notices up to `upToId` as read. */
export async function markNoticesRead(
  q: Queryable,
  residentId: string,
  upToId: number,
  at: Date,
): Promise<void> {
  await q.query(
    'UPDATE resident_notices SET read_at = $3 WHERE resident_id = $1 AND id <= $2 AND read_at IS NULL',
    [residentId, upToId, at],
  );
}
