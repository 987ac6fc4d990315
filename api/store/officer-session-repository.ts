/**
 * @module
 * Server-side officer sessions: the signed token names a session row, so "đăng xuất" revokes it and
 * a session left idle longer than the configured timeout is refused, whatever the token's expiry.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from './database.js';
import type { OfficerRow } from './officer-repository.js';

export async function createOfficerSession(
  q: Queryable,
  officerId: string,
  now: Date,
): Promise<string> {
  const id = randomUUID();
  await q.query(
    'INSERT INTO officer_sessions (id, officer_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)',
    [id, officerId, now],
  );
  return id;
}

/**
 * The officer of a live session (not revoked, used within `idleMs`), else undefined. Refreshes
 * `last_seen_at` when it is older than a minute (one write a minute per active officer, not one per
 * request).
 */
export async function touchOfficerSession(
  q: Queryable,
  sessionId: string,
  officerId: string,
  idleMs: number,
  now: Date,
): Promise<OfficerRow | undefined> {
  const rows = await q.query<OfficerRow & { last_seen_at: Date }>(
    `SELECT o.*, s.last_seen_at FROM officer_sessions s JOIN officers o ON o.id = s.officer_id
     WHERE s.id = $1 AND s.officer_id = $2 AND s.revoked_at IS NULL`,
    [sessionId, officerId],
  );
  const row = rows[0];
  if (!row) return undefined;
  const idle = now.getTime() - row.last_seen_at.getTime();
  if (idle > idleMs) return undefined;
  if (idle > 60_000) {
    await q.query('UPDATE officer_sessions SET last_seen_at = $2 WHERE id = $1', [sessionId, now]);
  }
  const { last_seen_at: _seen, ...officer } = row;
  return officer;
}

export async function revokeOfficerSession(q: Queryable, sessionId: string, now: Date) {
  await q.query(
    'UPDATE officer_sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL',
    [sessionId, now],
  );
}

/** Ends every session of an officer (deactivated account, password reset). */
export async function revokeOfficerSessions(q: Queryable, officerId: string, now: Date) {
  await q.query(
    'UPDATE officer_sessions SET revoked_at = $2 WHERE officer_id = $1 AND revoked_at IS NULL',
    [officerId, now],
  );
}
