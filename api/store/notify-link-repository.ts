/**
 * @module
 * One-time link codes and the chats residents proved are theirs (tables `notify_link_codes` and
 * `resident_channels`). A code is stored as its SHA-256 only and is consumed by one atomic statement,
 * so two chats racing with the same code cannot both win.
 */
import type { LinkableChannel } from '../../common/notify-link-contracts.js';
import type { Queryable } from './database.js';

/** How a chat was proved to belong to the resident. */
export type ChannelProof = 'link-code';

export interface ResidentChannelRow {
  resident_id: string;
  channel: LinkableChannel;
  recipient: string;
  proof: ChannelProof;
  linked_at: Date;
}

export async function insertLinkCode(
  q: Queryable,
  c: { codeHash: string; residentId: string; channel: LinkableChannel; at: Date; expiresAt: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO notify_link_codes (code_hash, resident_id, channel, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [c.codeHash, c.residentId, c.channel, c.at, c.expiresAt],
  );
}

/** Why a code could not be used. */
export type LinkCodeRefusal = 'unknown' | 'used' | 'expired' | 'other-channel';

/**
 * Marks the code used by `chatId` if it is unused, unexpired and meant for `channel`; returns the
 * resident it belongs to, or why it was refused.
 */
export async function consumeLinkCode(
  q: Queryable,
  codeHash: string,
  channel: LinkableChannel,
  chatId: string,
  at: Date,
): Promise<{ residentId: string } | { refused: LinkCodeRefusal }> {
  const rows = await q.query<{ resident_id: string }>(
    `UPDATE notify_link_codes SET used_at = $4, used_chat = $3
      WHERE code_hash = $1 AND channel = $2 AND used_at IS NULL AND expires_at > $4
      RETURNING resident_id`,
    [codeHash, channel, chatId, at],
  );
  if (rows[0]) return { residentId: rows[0].resident_id };
  const [row] = await q.query<{ channel: string; used_at: Date | null; expires_at: Date }>(
    'SELECT channel, used_at, expires_at FROM notify_link_codes WHERE code_hash = $1',
    [codeHash],
  );
  if (!row) return { refused: 'unknown' };
  if (row.used_at) return { refused: 'used' };
  if (new Date(row.expires_at).getTime() <= at.getTime()) return { refused: 'expired' };
  return { refused: 'other-channel' };
}

/** Records (or replaces) the resident's proven chat on `channel`. */
export async function upsertResidentChannel(
  q: Queryable,
  c: {
    residentId: string;
    channel: LinkableChannel;
    recipient: string;
    proof: ChannelProof;
    at: Date;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO resident_channels (resident_id, channel, recipient, proof, linked_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (resident_id, channel) DO UPDATE
       SET recipient = EXCLUDED.recipient, proof = EXCLUDED.proof, linked_at = EXCLUDED.linked_at`,
    [c.residentId, c.channel, c.recipient, c.proof, c.at],
  );
}

export async function findResidentChannel(
  q: Queryable,
  residentId: string,
  channel: LinkableChannel,
): Promise<ResidentChannelRow | undefined> {
  const rows = await q.query<ResidentChannelRow>(
    'SELECT * FROM resident_channels WHERE resident_id = $1 AND channel = $2',
    [residentId, channel],
  );
  return rows[0];
}

export async function listResidentChannels(
  q: Queryable,
  residentId: string,
): Promise<ResidentChannelRow[]> {
  return q.query<ResidentChannelRow>(
    'SELECT * FROM resident_channels WHERE resident_id = $1 ORDER BY channel',
    [residentId],
  );
}

/** Forgets the resident's chat on `channel`; true when there was one. */
export async function deleteResidentChannel(
  q: Queryable,
  residentId: string,
  channel: LinkableChannel,
): Promise<boolean> {
  const rows = await q.query(
    'DELETE FROM resident_channels WHERE resident_id = $1 AND channel = $2 RETURNING 1',
    [residentId, channel],
  );
  return rows.length > 0;
}

/** Deletes codes expired before `before`; returns how many. */
export async function sweepLinkCodes(q: Queryable, before: Date): Promise<number> {
  const rows = await q.query('DELETE FROM notify_link_codes WHERE expires_at <= $1 RETURNING 1', [
    before,
  ]);
  return rows.length;
}
