/**
 * @module
 * Notices and their delivery ledger. A notice is written once (scheduled); when it is due, one
 * transaction fans it out into exactly one delivery row per (notice, group) — the unique constraint
 * makes a second fan-out a no-op — and the delivery worker claims rows with a lease
 * (`FOR UPDATE SKIP LOCKED`), posts their parts and records each platform message id.
 *
 * Delivery states: pending → sending (claimed) → sent | failed, back to pending after a retryable
 * failure; sending → unknown when the worker died while a part was with a platform that cannot
 * de-duplicate (an officer checks the group: arrived → sent, or resend → pending); share-kit → shared
 * for villagers' own groups, which a person pastes by hand.
 */
import type { Queryable } from './database.js';
import type { GroupRow } from './notice-group-repository.js';

export interface NoticeTargets {
  /** Every approved group and subscriber of the commune. */
  wholeCommune: boolean;
  villages: string[];
  tags: string[];
}

export interface NoticeRow {
  id: string;
  public_id: string;
  commune_code: string;
  title: string;
  body: string;
  image_url: string | null;
  link_url: string | null;
  targets: NoticeTargets;
  status: 'scheduled' | 'sending' | 'sent' | 'cancelled';
  send_at: Date;
  created_by: string;
  created_by_name: string;
  created_at: Date;
  fanned_out_at: Date | null;
  cancelled_at: Date | null;
  cancelled_by: string | null;
  idempotency_key: string | null;
}

export type DeliveryState =
  'pending' | 'sending' | 'sent' | 'failed' | 'unknown' | 'share-kit' | 'shared';

export interface DeliveryRow {
  id: number;
  notice_id: string;
  group_id: string;
  platform: string;
  state: DeliveryState;
  parts_total: number;
  parts_sent: number;
  attempts: number;
  next_attempt_at: Date;
  lease_until: Date | null;
  part_started_at: Date | null;
  possible_duplicate: boolean;
  last_error: string | null;
  sent_at: Date | null;
  share_token: string | null;
  shared_at: Date | null;
  shared_by: string | null;
  resolved_by: string | null;
  resolved_at: Date | null;
}

export async function insertNotice(
  q: Queryable,
  n: Omit<NoticeRow, 'status' | 'fanned_out_at' | 'cancelled_at' | 'cancelled_by'>,
): Promise<NoticeRow> {
  const rows = await q.query<NoticeRow>(
    `INSERT INTO notices (id, public_id, commune_code, title, body, image_url, link_url, targets, status,
       send_at, created_by, created_by_name, created_at, idempotency_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, 'scheduled', $9, $10, $11, $12, $13)
     RETURNING *`,
    [
      n.id,
      n.public_id,
      n.commune_code,
      n.title,
      n.body,
      n.image_url,
      n.link_url,
      JSON.stringify(n.targets),
      n.send_at,
      n.created_by,
      n.created_by_name,
      n.created_at,
      n.idempotency_key,
    ],
  );
  return rows[0]!;
}

export async function findNotice(q: Queryable, id: string): Promise<NoticeRow | undefined> {
  const rows = await q.query<NoticeRow>('SELECT * FROM notices WHERE id = $1', [id]);
  return rows[0];
}

export async function findNoticeByPublicId(
  q: Queryable,
  publicId: string,
): Promise<NoticeRow | undefined> {
  const rows = await q.query<NoticeRow>('SELECT * FROM notices WHERE public_id = $1', [publicId]);
  return rows[0];
}

export async function findNoticeByKey(
  q: Queryable,
  createdBy: string,
  key: string,
): Promise<NoticeRow | undefined> {
  const rows = await q.query<NoticeRow>(
    'SELECT * FROM notices WHERE created_by = $1 AND idempotency_key = $2',
    [createdBy, key],
  );
  return rows[0];
}

export async function listNotices(
  q: Queryable,
  communeCode: string,
  limit = 50,
): Promise<NoticeRow[]> {
  return q.query<NoticeRow>(
    'SELECT * FROM notices WHERE commune_code = $1 ORDER BY created_at DESC, id LIMIT $2',
    [communeCode, limit],
  );
}

/** Cancels a notice that has not started going out. Returns it, or undefined when too late. */
export async function cancelNotice(
  q: Queryable,
  id: string,
  by: string,
  at: Date,
): Promise<NoticeRow | undefined> {
  const rows = await q.query<NoticeRow>(
    `UPDATE notices SET status = 'cancelled', cancelled_at = $3, cancelled_by = $2
      WHERE id = $1 AND status = 'scheduled' RETURNING *`,
    [id, by, at],
  );
  return rows[0];
}

/** Approved groups and subscribers a notice goes to. */
export async function matchingGroups(
  q: Queryable,
  communeCode: string,
  targets: NoticeTargets,
): Promise<GroupRow[]> {
  return q.query<GroupRow>(
    `SELECT * FROM notice_groups
      WHERE commune_code = $1 AND status = 'approved'
        AND ($2::boolean OR village = ANY($3::text[]) OR tags ?| $4::text[]
             OR (kind = 'subscriber' AND village IS NULL))
      ORDER BY id`,
    [communeCode, targets.wholeCommune, targets.villages, targets.tags],
  );
}

/**
 * Locks the next due scheduled notice (skipping ones another worker holds) and hands it to `fanOut`
 * inside the same transaction.
 */
export async function claimDueNotice(q: Queryable, now: Date): Promise<NoticeRow | undefined> {
  const rows = await q.query<NoticeRow>(
    `SELECT * FROM notices WHERE status = 'scheduled' AND send_at <= $1
      ORDER BY send_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
    [now],
  );
  return rows[0];
}

/** Writes the delivery rows of a notice (once) and marks it sending. */
export async function insertDeliveries(
  q: Queryable,
  noticeId: string,
  rows: Array<{ groupId: string; platform: string; partsTotal: number; shareToken: string | null }>,
  at: Date,
): Promise<void> {
  // One statement for all rows: 1,000 groups fan out in one round trip.
  if (rows.length > 0) {
    await q.query(
      `INSERT INTO notice_deliveries (notice_id, group_id, platform, state, parts_total, next_attempt_at, share_token)
       SELECT $1, g, p, CASE WHEN t IS NULL THEN 'pending' ELSE 'share-kit' END, n, $2, t
         FROM unnest($3::text[], $4::text[], $5::int[], $6::text[]) AS x(g, p, n, t)
       ON CONFLICT (notice_id, group_id) DO NOTHING`,
      [
        noticeId,
        at,
        rows.map((r) => r.groupId),
        rows.map((r) => r.platform),
        rows.map((r) => r.partsTotal),
        rows.map((r) => r.shareToken),
      ],
    );
  }
  await q.query(`UPDATE notices SET status = 'sending', fanned_out_at = $2 WHERE id = $1`, [
    noticeId,
    at,
  ]);
}

/** A claimed delivery with what the worker needs to send it. */
export interface ClaimedDelivery extends DeliveryRow {
  chat_id: string;
  /** The registry kind of the target: a group chat or a subscriber's private chat. */
  group_kind: 'group' | 'subscriber';
  /** True when a previous claim may have posted a part it did not record. */
  reclaimed_in_doubt: boolean;
}

/**
 * Claims up to `limit` due deliveries on `platforms` for `leaseMs`, at most one per group at a time
 * (a group with a delivery in flight waits for it). Skips groups that asked us to wait (429) and groups
 * that would go over `perGroupPerMinute` messages in the last minute, counting the parts already
 * posted there: the per-group limit survives restarts because it is counted from the ledger itself.
 * (Two workers on PostgreSQL could, in a rare race, each claim a different notice for one group; run
 * one worker per bot token, which Telegram's per-bot limit asks for anyway.)
 */
export async function claimDeliveries(
  q: Queryable,
  o: {
    platforms: string[];
    limit: number;
    leaseMs: number;
    now: Date;
    perGroupPerMinute: number;
    /** Reclaim rows whose last part may have been posted (false: leave them to {@link holdInDoubt}). */
    resendInDoubt?: boolean;
  },
): Promise<ClaimedDelivery[]> {
  return q.query<ClaimedDelivery>(
    `WITH candidates AS (
       SELECT d.id, row_number() OVER (PARTITION BY d.group_id ORDER BY d.next_attempt_at, d.id) AS rn
         FROM notice_deliveries d JOIN notice_groups g ON g.id = d.group_id
        WHERE d.platform = ANY($1::text[])
          AND ((d.state = 'pending' AND d.next_attempt_at <= $2)
               OR (d.state = 'sending' AND d.lease_until < $2 AND ($6::boolean OR d.part_started_at IS NULL)))
          AND g.status = 'approved' AND g.chat_id IS NOT NULL
          AND (g.send_after IS NULL OR g.send_after <= $2)
          AND NOT EXISTS (SELECT 1 FROM notice_deliveries o
                           WHERE o.group_id = d.group_id AND o.id <> d.id
                             AND o.state = 'sending' AND o.lease_until >= $2)
          AND (SELECT count(*) FROM notice_messages m
                WHERE m.group_id = d.group_id AND m.sent_at > $2::timestamptz - interval '60 seconds')
              + (d.parts_total - d.parts_sent) <= $5
     ), picked AS (
       SELECT d.id FROM notice_deliveries d
        WHERE d.id IN (SELECT id FROM candidates WHERE rn = 1)
          AND ((d.state = 'pending' AND d.next_attempt_at <= $2)
               OR (d.state = 'sending' AND d.lease_until < $2 AND ($6::boolean OR d.part_started_at IS NULL)))
        ORDER BY d.next_attempt_at, d.id
        LIMIT $3
        FOR UPDATE SKIP LOCKED)
     UPDATE notice_deliveries d
        SET state = 'sending', attempts = d.attempts + 1,
            lease_until = $2::timestamptz + ($4::text || ' milliseconds')::interval,
            possible_duplicate = d.possible_duplicate OR d.part_started_at IS NOT NULL
       FROM picked, notice_groups g
      WHERE d.id = picked.id AND g.id = d.group_id
      RETURNING d.*, g.chat_id, g.kind AS group_kind, (d.part_started_at IS NOT NULL) AS reclaimed_in_doubt`,
    [o.platforms, o.now, o.limit, String(o.leaseMs), o.perGroupPerMinute, o.resendInDoubt ?? true],
  );
}

/** What the ledger says about a delivery held in doubt. */
export const IN_DOUBT_REASON =
  'Máy gửi dừng đột ngột đúng lúc đang gửi: chưa rõ tin đã tới nhóm chưa. Hãy kiểm tra trong nhóm rồi xác nhận "đã có" hoặc "gửi lại".';

/**
 * Deliveries whose claim expired while a part was with the platform (write-ahead mark set, id not
 * recorded: the worker died in between) become `unknown` instead of being resent, on `platforms`
 * that cannot de-duplicate. Returns their ids.
 */
export async function holdInDoubt(
  q: Queryable,
  o: { platforms: string[]; now: Date; ids?: number[] },
): Promise<number[]> {
  // With `ids` (a send that timed out in a live worker), those rows are held whatever their lease.
  const rows = await q.query<{ id: number }>(
    `UPDATE notice_deliveries SET state = 'unknown', lease_until = NULL, last_error = $3
      WHERE platform = ANY($1::text[]) AND state = 'sending' AND part_started_at IS NOT NULL
        AND (CASE WHEN $4::bigint[] IS NULL THEN lease_until < $2 ELSE id = ANY($4::bigint[]) END)
      RETURNING id`,
    [o.platforms, o.now, IN_DOUBT_REASON, o.ids ?? null],
  );
  return rows.map((r) => Number(r.id));
}

/**
 * An officer looked at the group of a delivery in doubt: `arrived` → the part counts as posted
 * (without a message id) and the rest, if any, goes out; otherwise the part is sent again.
 * Returns the row, or undefined when it is not (or no longer) in doubt.
 */
export async function resolveInDoubt(
  q: Queryable,
  o: { id: number; noticeId: string; arrived: boolean; by: string; at: Date },
): Promise<DeliveryRow | undefined> {
  const rows = await q.query<DeliveryRow>(
    `UPDATE notice_deliveries SET
       parts_sent = CASE WHEN $3 THEN parts_sent + 1 ELSE parts_sent END,
       state = CASE WHEN $3 AND parts_sent + 1 >= parts_total THEN 'sent' ELSE 'pending' END,
       sent_at = CASE WHEN $3 AND parts_sent + 1 >= parts_total THEN $5::timestamptz ELSE sent_at END,
       next_attempt_at = $5, part_started_at = NULL, last_error = NULL,
       resolved_by = $4, resolved_at = $5
      WHERE id = $1 AND notice_id = $2 AND state = 'unknown' RETURNING *`,
    [o.id, o.noticeId, o.arrived, o.by, o.at],
  );
  return rows[0];
}

/** Write-ahead: part `part` is about to be posted under this claim. False if the claim was lost. */
export async function markPartStarted(
  q: Queryable,
  id: number,
  attempts: number,
  at: Date,
): Promise<boolean> {
  const rows = await q.query(
    `UPDATE notice_deliveries SET part_started_at = $3
      WHERE id = $1 AND attempts = $2 AND state = 'sending' RETURNING id`,
    [id, attempts, at],
  );
  return rows.length === 1;
}

/**
 * Records a posted part (platform message id), and marks the delivery sent after the last one. One
 * statement (so one round trip and one commit), so the ledger never says "sent" without the message
 * id, nor the reverse.
 */
export async function recordPart(
  q: Queryable,
  d: {
    id: number;
    groupId: string;
    chatId: string;
    part: number;
    messageId: string | null;
    startedAt: Date;
    at: Date;
    last: boolean;
  },
): Promise<void> {
  await q.query(
    `WITH message AS (
       INSERT INTO notice_messages (delivery_id, part, group_id, chat_id, message_id, started_at, sent_at)
       VALUES ($1, $2, $5, $6, $7, $8, $4) ON CONFLICT (delivery_id, part) DO NOTHING)
     UPDATE notice_deliveries SET parts_sent = GREATEST(parts_sent, $2 + 1), part_started_at = NULL,
       state = CASE WHEN $3 THEN 'sent' ELSE state END,
       sent_at = CASE WHEN $3 THEN $4::timestamptz ELSE sent_at END,
       lease_until = CASE WHEN $3 THEN NULL ELSE lease_until END, last_error = NULL
      WHERE id = $1`,
    [d.id, d.part, d.last, d.at, d.groupId, d.chatId, d.messageId, d.startedAt],
  );
}

/** Puts a claimed delivery back for a later attempt. `countAttempt` false for a 429 wait. */
export async function retryDelivery(
  q: Queryable,
  id: number,
  o: { error: string; nextAttemptAt: Date; countAttempt: boolean; keepDoubt?: boolean },
): Promise<void> {
  await q.query(
    `UPDATE notice_deliveries SET state = 'pending', next_attempt_at = $2, last_error = $3, lease_until = NULL,
       attempts = CASE WHEN $4 THEN attempts ELSE GREATEST(attempts - 1, 0) END,
       possible_duplicate = possible_duplicate OR $5, part_started_at = NULL
      WHERE id = $1 AND state = 'sending'`,
    [id, o.nextAttemptAt, o.error.slice(0, 500), o.countAttempt, o.keepDoubt ?? false],
  );
}

export async function failDelivery(q: Queryable, id: number, error: string): Promise<void> {
  await q.query(
    `UPDATE notice_deliveries SET state = 'failed', last_error = $2, lease_until = NULL, part_started_at = NULL
      WHERE id = $1 AND state IN ('sending', 'pending')`,
    [id, error.slice(0, 500)],
  );
}

/** Every still-pending delivery to a group that became inactive fails with `reason`. */
export async function failPendingForGroup(
  q: Queryable,
  groupId: string,
  reason: string,
): Promise<void> {
  await q.query(
    `UPDATE notice_deliveries SET state = 'failed', last_error = $2, lease_until = NULL
      WHERE group_id = $1 AND state = 'pending'`,
    [groupId, reason],
  );
}

/** A group asked us to wait (429): nothing goes to it before `until`. */
export async function holdGroup(q: Queryable, groupId: string, until: Date): Promise<void> {
  await q.query(
    `UPDATE notice_groups SET send_after = GREATEST(COALESCE(send_after, $2), $2) WHERE id = $1`,
    [groupId, until],
  );
}

/** Notices whose deliveries are all settled become 'sent'. */
export async function settleNotices(q: Queryable): Promise<void> {
  await q.query(
    `UPDATE notices n SET status = 'sent' WHERE n.status = 'sending'
       AND NOT EXISTS (SELECT 1 FROM notice_deliveries d WHERE d.notice_id = n.id AND d.state IN ('pending', 'sending'))`,
  );
}

/** One line of the ledger. */
export interface LedgerRow extends DeliveryRow {
  title: string;
  kind: string;
  village: string | null;
  admin_name: string | null;
  chat_id: string | null;
  message_ids: string[] | null;
}

export async function ledgerRows(q: Queryable, noticeId: string): Promise<LedgerRow[]> {
  return q.query<LedgerRow>(
    `SELECT d.*, g.title, g.kind, g.village, g.admin_name, g.chat_id,
            (SELECT array_agg(m.message_id ORDER BY m.part) FROM notice_messages m WHERE m.delivery_id = d.id) AS message_ids
       FROM notice_deliveries d JOIN notice_groups g ON g.id = d.group_id
      WHERE d.notice_id = $1 ORDER BY g.village NULLS LAST, g.title, d.id`,
    [noticeId],
  );
}

/** Marks a share-kit delivery as pasted into its group ("đã chia sẻ"). */
export async function markShared(
  q: Queryable,
  where: { id: number } | { token: string },
  by: string,
  at: Date,
): Promise<DeliveryRow | undefined> {
  const [column, value] = 'id' in where ? ['id', where.id] : ['share_token', where.token];
  const rows = await q.query<DeliveryRow>(
    `UPDATE notice_deliveries SET state = 'shared', shared_at = COALESCE(shared_at, $3), shared_by = COALESCE(shared_by, $2)
      WHERE ${column} = $1 AND state IN ('share-kit', 'shared') RETURNING *`,
    [value, by, at],
  );
  return rows[0];
}
