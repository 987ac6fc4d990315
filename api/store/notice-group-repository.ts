/**
 * @module
 * The registry of places a notice can go: chat groups the bot was added to (pending until an officer
 * approves them into a commune and village), villagers' own Zalo groups reached by a share kit, and
 * residents' private chats subscribed to a village.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from './database.js';

export type GroupKind = 'group' | 'share-kit' | 'subscriber';
export type GroupStatus = 'pending' | 'approved' | 'inactive';
/** Share-kit groups live on personal Zalo ('zalo'); the others on a bot platform. */
export type StoredPlatform = 'telegram' | 'zalo-oa' | 'zalo-bot' | 'zalo';

export interface GroupRow {
  id: string;
  kind: GroupKind;
  platform: StoredPlatform;
  chat_id: string | null;
  title: string;
  status: GroupStatus;
  commune_code: string | null;
  village: string | null;
  tags: string[];
  admin_name: string | null;
  inactive_reason: string | null;
  send_after: Date | null;
  approved_by: string | null;
  approved_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/**
 * The bot joined (or re-joined) a chat: a new chat becomes pending; a known inactive one goes back to
 * pending if it was never approved, or back to approved (same commune and village) if it was.
 */
export async function recordJoined(
  q: Queryable,
  g: { platform: StoredPlatform; chatId: string; title: string; at: Date },
): Promise<GroupRow> {
  const rows = await q.query<GroupRow>(
    `INSERT INTO notice_groups (id, kind, platform, chat_id, title, status, created_at, updated_at)
     VALUES ($1, 'group', $2, $3, $4, 'pending', $5, $5)
     ON CONFLICT (platform, kind, chat_id) WHERE chat_id IS NOT NULL DO UPDATE SET
       title = EXCLUDED.title, updated_at = EXCLUDED.updated_at, inactive_reason = NULL,
       status = CASE WHEN notice_groups.status = 'inactive'
                     THEN (CASE WHEN notice_groups.approved_at IS NULL THEN 'pending' ELSE 'approved' END)
                     ELSE notice_groups.status END
     RETURNING *`,
    [randomUUID(), g.platform, g.chatId, g.title.slice(0, 200), g.at],
  );
  return rows[0]!;
}

/** The bot can no longer post into a chat (removed, kicked, 403): the group becomes inactive. */
export async function markInactive(
  q: Queryable,
  where: { id: string } | { platform: StoredPlatform; chatId: string },
  reason: string,
  at: Date,
): Promise<GroupRow | undefined> {
  const rows =
    'id' in where
      ? await q.query<GroupRow>(
          `UPDATE notice_groups SET status = 'inactive', inactive_reason = $2, updated_at = $3
            WHERE id = $1 RETURNING *`,
          [where.id, reason, at],
        )
      : await q.query<GroupRow>(
          `UPDATE notice_groups SET status = 'inactive', inactive_reason = $3, updated_at = $4
            WHERE platform = $1 AND chat_id = $2 AND kind <> 'share-kit' RETURNING *`,
          [where.platform, where.chatId, reason, at],
        );
  return rows[0];
}

/** A chat moved to a new id (Telegram supergroup upgrade). */
export async function moveChat(
  q: Queryable,
  platform: StoredPlatform,
  fromChatId: string,
  toChatId: string,
  at: Date,
): Promise<void> {
  // If the bot already recorded the new id as its own pending row (a my_chat_member for the
  // supergroup came first), that row is dropped in favour of the approved old one.
  await q.query(
    `DELETE FROM notice_groups n WHERE n.platform = $1 AND n.chat_id = $3 AND n.status = 'pending'
       AND EXISTS (SELECT 1 FROM notice_groups o WHERE o.platform = $1 AND o.chat_id = $2)
       AND NOT EXISTS (SELECT 1 FROM notice_deliveries d WHERE d.group_id = n.id)`,
    [platform, fromChatId, toChatId],
  );
  await q.query(
    `UPDATE notice_groups SET chat_id = $3, updated_at = $4
      WHERE platform = $1 AND chat_id = $2
        AND NOT EXISTS (SELECT 1 FROM notice_groups x WHERE x.platform = $1 AND x.kind = notice_groups.kind AND x.chat_id = $3)`,
    [platform, fromChatId, toChatId, at],
  );
}

export async function findGroup(q: Queryable, id: string): Promise<GroupRow | undefined> {
  const rows = await q.query<GroupRow>('SELECT * FROM notice_groups WHERE id = $1', [id]);
  return rows[0];
}

/** Approves (or re-files) a group into a commune, village and tags. */
export async function approveGroup(
  q: Queryable,
  id: string,
  a: { communeCode: string; village: string | null; tags: string[]; by: string; at: Date },
): Promise<GroupRow | undefined> {
  const rows = await q.query<GroupRow>(
    `UPDATE notice_groups SET status = CASE WHEN status = 'inactive' AND kind = 'group' THEN 'inactive' ELSE 'approved' END,
       commune_code = $2, village = $3, tags = $4::jsonb,
       approved_by = $5, approved_at = COALESCE(approved_at, $6), updated_at = $6
      WHERE id = $1 RETURNING *`,
    [id, a.communeCode, a.village, JSON.stringify(a.tags), a.by, a.at],
  );
  return rows[0];
}

/** Registers a villagers' own Zalo group, reached by a share kit pasted by its admin. */
export async function addShareKitGroup(
  q: Queryable,
  g: {
    title: string;
    adminName: string;
    communeCode: string;
    village: string | null;
    tags: string[];
    by: string;
    at: Date;
  },
): Promise<GroupRow> {
  const rows = await q.query<GroupRow>(
    `INSERT INTO notice_groups (id, kind, platform, chat_id, title, status, commune_code, village, tags,
       admin_name, approved_by, approved_at, created_at, updated_at)
     VALUES ($1, 'share-kit', 'zalo', NULL, $2, 'approved', $3, $4, $5::jsonb, $6, $7, $8, $8, $8)
     RETURNING *`,
    [
      randomUUID(),
      g.title,
      g.communeCode,
      g.village,
      JSON.stringify(g.tags),
      g.adminName,
      g.by,
      g.at,
    ],
  );
  return rows[0]!;
}

/** Subscribes a private chat to a village (re-subscribing moves it). */
export async function upsertSubscriber(
  q: Queryable,
  s: {
    platform: StoredPlatform;
    chatId: string;
    displayName: string;
    communeCode: string;
    village: string | null;
    at: Date;
  },
): Promise<GroupRow> {
  const rows = await q.query<GroupRow>(
    `INSERT INTO notice_groups (id, kind, platform, chat_id, title, status, commune_code, village,
       approved_at, created_at, updated_at)
     VALUES ($1, 'subscriber', $2, $3, $4, 'approved', $5, $6, $7, $7, $7)
     ON CONFLICT (platform, kind, chat_id) WHERE chat_id IS NOT NULL DO UPDATE SET
       title = EXCLUDED.title, status = 'approved', commune_code = EXCLUDED.commune_code,
       village = EXCLUDED.village, inactive_reason = NULL, updated_at = EXCLUDED.updated_at
     RETURNING *`,
    [
      randomUUID(),
      s.platform,
      s.chatId,
      s.displayName.slice(0, 100),
      s.communeCode,
      s.village,
      s.at,
    ],
  );
  return rows[0]!;
}

/** Groups an officer of `communeCode` may see: their commune's, plus every pending one. */
export async function listGroups(
  q: Queryable,
  communeCode: string,
  filter: { status?: GroupStatus; kind?: GroupKind } = {},
): Promise<GroupRow[]> {
  return q.query<GroupRow>(
    `SELECT * FROM notice_groups
      WHERE (commune_code = $1 OR (status = 'pending' AND commune_code IS NULL))
        AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR kind = $3)
      ORDER BY status, commune_code NULLS FIRST, village NULLS LAST, title, id`,
    [communeCode, filter.status ?? null, filter.kind ?? null],
  );
}

/** The villages named so far in a commune (the free list an officer picks from or adds to). */
export async function listVillages(q: Queryable, communeCode: string): Promise<string[]> {
  const rows = await q.query<{ village: string }>(
    `SELECT DISTINCT village FROM notice_groups WHERE commune_code = $1 AND village IS NOT NULL ORDER BY village`,
    [communeCode],
  );
  return rows.map((r) => r.village);
}

/**
 * An officer stops sending to a group (or a share-kit group closed): it stays on record, inactive,
 * with the reason shown in the console. Subscribers are ended by the resident themselves.
 */
export async function deactivateGroup(
  q: Queryable,
  id: string,
  reason: string,
  at: Date,
): Promise<GroupRow | undefined> {
  const rows = await q.query<GroupRow>(
    `UPDATE notice_groups SET status = 'inactive', inactive_reason = $2, updated_at = $3
      WHERE id = $1 AND kind <> 'subscriber' RETURNING *`,
    [id, reason, at],
  );
  return rows[0];
}

/**
 * Sends to an inactive, once-approved group again. If the bot is in fact no longer in the chat, the
 * next delivery meets the platform's refusal (403) and the group goes back to inactive with that reason.
 */
export async function reactivateGroup(
  q: Queryable,
  id: string,
  at: Date,
): Promise<GroupRow | undefined> {
  const rows = await q.query<GroupRow>(
    `UPDATE notice_groups SET status = 'approved', inactive_reason = NULL, updated_at = $2
      WHERE id = $1 AND status = 'inactive' AND approved_at IS NOT NULL AND kind <> 'subscriber' RETURNING *`,
    [id, at],
  );
  return rows[0];
}
