/**
 * @module
 * The notification outbox: a row per message to a resident, written in the same transaction as the
 * status change it announces, then claimed and delivered by the dispatcher.
 *
 * States: pending → sending (claimed, with a lease) → sent | failed, or back to pending with a later
 * `next_attempt_at` after a retryable failure. A claim whose lease ran out (the process died while
 * sending) can be claimed again.
 */
import type { NotifyChannel } from '../../common/dossier-contracts.js';
import type { Queryable } from './database.js';

export interface OutboxRow {
  id: number;
  dossier_id: string;
  history_seq: number;
  channel: NotifyChannel;
  recipient: string;
  body: string;
  idempotency_key: string;
  state: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: Date;
  lease_until: Date | null;
  last_error: string | null;
  message_id: string | null;
  created_at: Date;
  sent_at: Date | null;
}

/**
 * The idempotency key of the outbox row announcing history entry `historySeq` of a dossier on
 * `channel`: one message per step and channel. Channels pass it on so a retried send is not delivered
 * twice. Only this file writes outbox rows, so only it makes keys.
 */
function outboxIdempotencyKey(
  dossierId: string,
  historySeq: number,
  channel: NotifyChannel,
): string {
  return `dossier:${dossierId}:${historySeq}:${channel}`;
}

const INSERT_COLUMNS =
  'dossier_id, history_seq, channel, recipient, body, idempotency_key, next_attempt_at, created_at';

/** A notice to queue about one history entry of a dossier, on one channel. */
export interface NewOutboxRow {
  channel: NotifyChannel;
  recipient: string;
  body: string;
}

export async function enqueueNotification(
  q: Queryable,
  n: NewOutboxRow & { dossierId: string; historySeq: number; at: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO notification_outbox (${INSERT_COLUMNS})
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (idempotency_key) DO NOTHING`,
    [
      n.dossierId,
      n.historySeq,
      n.channel,
      n.recipient,
      n.body,
      outboxIdempotencyKey(n.dossierId, n.historySeq, n.channel),
      n.at,
    ],
  );
}

/**
 * The outbox part of a statement that inserts a new dossier (dossier-repository.ts `insertNewDossier`):
 * one data-modifying CTE per notice (`, o0 AS (…)`), each selecting from the CTE `dossierCte` that
 * returns the inserted dossier's id, so the notices are written with the dossier or not at all, in the
 * same statement. `param` binds a value and returns its placeholder.
 */
export function newDossierOutboxCtes(
  dossierCte: string,
  dossier: { id: string; historySeq: number; at: Date },
  rows: readonly NewOutboxRow[],
  param: (value: unknown) => string,
): string {
  if (rows.length === 0) return '';
  const seq = `${param(dossier.historySeq)}::int`;
  const at = `${param(dossier.at)}::timestamptz`;
  return rows
    .map(
      (o, i) => `, o${i} AS (
        INSERT INTO notification_outbox (${INSERT_COLUMNS})
        SELECT ${dossierCte}.id, ${seq}, ${param(o.channel)}, ${param(o.recipient)}, ${param(o.body)},
               ${param(outboxIdempotencyKey(dossier.id, dossier.historySeq, o.channel))}, ${at}, ${at}
        FROM ${dossierCte})`,
    )
    .join('');
}

/**
 * Queues one notice about a dossier on every channel it goes to: always the resident's in-app notice
 * list (`app`, recipient = the resident id), plus the channel the resident chose, if any.
 */
export async function enqueueDossierNotices(
  q: Queryable,
  d: {
    id: string;
    resident_id: string;
    notify_channel: NotifyChannel | 'none';
    notify_recipient: string | null;
  },
  historySeq: number,
  body: string,
  at: Date,
): Promise<void> {
  for (const target of dossierNoticeTargets(d)) {
    await enqueueNotification(q, { dossierId: d.id, historySeq, ...target, body, at });
  }
}

/** Where notices about a dossier go: the in-app list first, then the resident's chosen channel. */
export function dossierNoticeTargets(d: {
  resident_id: string;
  notify_channel: NotifyChannel | 'none';
  notify_recipient: string | null;
}): { channel: NotifyChannel; recipient: string }[] {
  const targets: { channel: NotifyChannel; recipient: string }[] = [
    { channel: 'app', recipient: d.resident_id },
  ];
  if (d.notify_channel !== 'none' && d.notify_channel !== 'app' && d.notify_recipient) {
    targets.push({ channel: d.notify_channel, recipient: d.notify_recipient });
  }
  return targets;
}

/**
 * Claims up to `limit` due rows for `leaseMs`. `FOR UPDATE SKIP LOCKED` lets several dispatchers (API
 * processes on one PostgreSQL) share the queue without taking the same row; on PGlite there is one
 * connection, so the statement is trivially exclusive.
 */
export async function claimDue(
  q: Queryable,
  limit: number,
  leaseMs: number,
  now: Date,
): Promise<OutboxRow[]> {
  return q.query<OutboxRow>(
    `UPDATE notification_outbox o
        SET state = 'sending', attempts = o.attempts + 1,
            lease_until = $2::timestamptz + ($3::text || ' milliseconds')::interval
      WHERE o.id IN (
        SELECT id FROM notification_outbox
         WHERE (state = 'pending' AND next_attempt_at <= $2)
            OR (state = 'sending' AND lease_until < $2)
         ORDER BY next_attempt_at, id
         LIMIT $1
         FOR UPDATE SKIP LOCKED)
      RETURNING o.*`,
    [limit, now, String(leaseMs)],
  );
}

/** Marks a claimed row sent. Returns false if the claim was lost (lease expired and re-claimed). */
export async function markSent(
  q: Queryable,
  id: number,
  attempts: number,
  messageId: string | null,
  now: Date,
): Promise<boolean> {
  const rows = await q.query(
    `UPDATE notification_outbox SET state = 'sent', sent_at = $3, message_id = $4, lease_until = NULL, last_error = NULL
      WHERE id = $1 AND state = 'sending' AND attempts = $2 RETURNING id`,
    [id, attempts, now, messageId],
  );
  return rows.length === 1;
}

export async function markRetry(
  q: Queryable,
  id: number,
  attempts: number,
  error: string,
  nextAttemptAt: Date,
): Promise<void> {
  await q.query(
    `UPDATE notification_outbox SET state = 'pending', next_attempt_at = $3, last_error = $4, lease_until = NULL
      WHERE id = $1 AND state = 'sending' AND attempts = $2`,
    [id, attempts, nextAttemptAt, error.slice(0, 500)],
  );
}

export async function markFailed(
  q: Queryable,
  id: number,
  attempts: number,
  error: string,
): Promise<void> {
  await q.query(
    `UPDATE notification_outbox SET state = 'failed', last_error = $3, lease_until = NULL
      WHERE id = $1 AND state = 'sending' AND attempts = $2`,
    [id, attempts, error.slice(0, 500)],
  );
}

export async function listOutbox(q: Queryable, dossierId: string): Promise<OutboxRow[]> {
  return q.query<OutboxRow>('SELECT * FROM notification_outbox WHERE dossier_id = $1 ORDER BY id', [
    dossierId,
  ]);
}
