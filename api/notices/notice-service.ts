/**
 * @module
 * Notice operations shared by the HTTP routes and the `npm run notice` CLI: validate and create
 * (send now or schedule, idempotent per officer and key), preview per platform, cancel before it
 * goes, and read the ledger.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Logger } from '../../common/logger.js';
import { conflict, HttpError, invalid, notFound } from '../errors.js';
import type { Database, Queryable } from '../store/database.js';
import { isUniqueViolation } from '../store/database.js';
import {
  cancelNotice,
  findNotice,
  resolveInDoubt,
  findNoticeByKey,
  insertNotice,
  ledgerRows,
  matchingGroups,
  type LedgerRow,
  type NoticeRow,
} from '../store/group-notice-repository.js';
import type { CommuneCheck } from './communes.js';
import { noticeContent, publicNoticeUrl } from './delivery-worker.js';
import { previewNotice, type RenderTarget } from './render-notice.js';

const httpUrl = z
  .string()
  .trim()
  .max(500)
  .url('Đường liên kết chưa đúng (cần bắt đầu bằng http:// hoặc https://).')
  .refine((v) => /^https?:\/\//i.test(v), 'Đường liên kết cần bắt đầu bằng http:// hoặc https://.');

const label = z.string().trim().min(1).max(100);

export const NoticeTargetsSchema = z
  .object({
    wholeCommune: z.boolean().default(false),
    villages: z.array(label).max(100).default([]),
    tags: z.array(label).max(30).default([]),
  })
  .refine((t) => t.wholeCommune || t.villages.length > 0 || t.tags.length > 0, {
    message: 'Chọn nơi nhận: cả xã, hoặc ít nhất một thôn/tổ dân phố hay một nhãn nhóm.',
  });

export const NoticeDraftSchema = z.object({
  title: z.string().trim().min(1, 'Vui lòng nhập tiêu đề.').max(120, 'Tiêu đề tối đa 120 ký tự.'),
  body: z
    .string()
    .trim()
    .min(1, 'Vui lòng nhập nội dung thông báo.')
    .max(3500, 'Nội dung tối đa 3.500 ký tự (khoảng một trang).'),
  imageUrl: httpUrl.optional(),
  linkUrl: httpUrl.optional(),
  targets: NoticeTargetsSchema,
});

export const CreateNoticeSchema = NoticeDraftSchema.extend({
  /** ISO time to send at; absent → now. */
  sendAt: z.iso.datetime({ offset: true }).optional(),
  idempotencyKey: z.string().trim().min(8).max(100).optional(),
});

export type NoticeDraft = z.infer<typeof NoticeDraftSchema>;
export type CreateNoticeInput = z.infer<typeof CreateNoticeSchema>;

export interface NoticeDeps {
  db: Database;
  logger: Logger;
  communes: CommuneCheck;
  publicBaseUrl: string | undefined;
  now: () => Date;
  /** Wakes the delivery worker after a commit. */
  poke: () => void;
}

export interface NoticeAuthor {
  officerId: string;
  name: string;
  communeCode: string;
}

const MAX_SCHEDULE_DAYS = 90;

/** Creates a notice (scheduled for `sendAt`, or now). The same key returns the same notice. */
export async function createNotice(
  deps: NoticeDeps,
  author: NoticeAuthor,
  input: CreateNoticeInput,
): Promise<{ notice: NoticeRow; created: boolean }> {
  if (deps.communes.nameOf(author.communeCode) === null) {
    throw invalid({ communeCode: 'Tài khoản chưa gắn với một xã/phường hợp lệ.' });
  }
  const at = deps.now();
  const sendAt = input.sendAt ? new Date(input.sendAt) : at;
  if (sendAt.getTime() < at.getTime() - 60_000) {
    throw invalid({ sendAt: 'Thời điểm gửi đã qua. Chọn "Gửi ngay" hoặc một thời điểm sắp tới.' });
  }
  if (sendAt.getTime() > at.getTime() + MAX_SCHEDULE_DAYS * 86_400_000) {
    throw invalid({ sendAt: `Chỉ hẹn gửi trong vòng ${MAX_SCHEDULE_DAYS} ngày tới.` });
  }
  if (input.idempotencyKey) {
    const existing = await findNoticeByKey(deps.db, author.officerId, input.idempotencyKey);
    if (existing) return { notice: existing, created: false };
  }
  try {
    const notice = await insertNotice(deps.db, {
      id: randomUUID(),
      // 128 random bits: the public page needs no login, so its address must not be guessable.
      public_id: randomBytes(16).toString('base64url'),
      commune_code: author.communeCode,
      title: input.title,
      body: input.body,
      image_url: input.imageUrl ?? null,
      link_url: input.linkUrl ?? null,
      targets: input.targets,
      send_at: sendAt,
      created_by: author.officerId,
      created_by_name: author.name,
      created_at: at,
      idempotency_key: input.idempotencyKey ?? null,
    });
    deps.logger.info('notice created', { noticeId: notice.id, sendAt: sendAt.toISOString() });
    deps.poke();
    return { notice, created: true };
  } catch (error) {
    if (isUniqueViolation(error, 'notices_idempotency') && input.idempotencyKey) {
      const existing = await findNoticeByKey(deps.db, author.officerId, input.idempotencyKey);
      if (existing) return { notice: existing, created: false };
    }
    throw error;
  }
}

/** A notice of the officer's own commune, or 404. */
export async function ownNotice(q: Queryable, communeCode: string, id: string): Promise<NoticeRow> {
  const notice = z.uuid().safeParse(id).success ? await findNotice(q, id) : undefined;
  if (!notice || notice.commune_code !== communeCode) throw notFound('Không tìm thấy thông báo.');
  return notice;
}

export async function cancelOwnNotice(
  deps: NoticeDeps,
  author: NoticeAuthor,
  id: string,
): Promise<NoticeRow> {
  await ownNotice(deps.db, author.communeCode, id);
  const cancelled = await cancelNotice(deps.db, id, author.name, deps.now());
  if (!cancelled) {
    throw conflict(
      'NOTICE_ALREADY_SENT',
      'Thông báo đã bắt đầu được gửi (hoặc đã huỷ), không thể huỷ nữa.',
    );
  }
  return cancelled;
}

/**
 * An officer checked the group of a delivery held in doubt: `arrived` counts it as posted, otherwise
 * it is sent again. 409 when the delivery is not in doubt (any more).
 */
export async function resolveOwnDelivery(
  deps: NoticeDeps,
  author: NoticeAuthor,
  noticeId: string,
  deliveryId: number,
  arrived: boolean,
) {
  const notice = await ownNotice(deps.db, author.communeCode, noticeId);
  const at = deps.now();
  const row = await deps.db.transaction(async (tx) => {
    const resolved = await resolveInDoubt(tx, {
      id: deliveryId,
      noticeId: notice.id,
      arrived,
      by: author.name,
      at,
    });
    if (resolved?.state === 'pending') {
      await tx.query(`UPDATE notices SET status = 'sending' WHERE id = $1 AND status = 'sent'`, [
        notice.id,
      ]);
    }
    return resolved;
  });
  if (!row) {
    throw conflict(
      'DELIVERY_NOT_IN_DOUBT',
      'Tin này không ở trạng thái "chưa rõ" nên không cần xác nhận.',
    );
  }
  deps.logger.info('notice delivery in doubt resolved', { deliveryId, arrived });
  if (row.state === 'pending') deps.poke();
  return row;
}

/** Per-platform preview plus how many groups of each kind would receive the draft now. */
export async function previewDraft(deps: NoticeDeps, communeCode: string, draft: NoticeDraft) {
  const groups = await matchingGroups(deps.db, communeCode, draft.targets);
  const counts: Record<string, number> = {};
  for (const g of groups) {
    const key = g.kind === 'share-kit' ? 'share-kit' : g.platform;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  const targets: RenderTarget[] = ['telegram', 'zalo-oa', 'zalo-bot', 'share-kit'];
  const content = noticeContent(
    {
      title: draft.title,
      body: draft.body,
      image_url: draft.imageUrl ?? null,
      link_url: draft.linkUrl ?? null,
      // The real address is drawn at creation; the preview shows its shape.
      public_id: 'xxxxxxxxxxxxxxxxxxxxxx',
    } as NoticeRow,
    deps.publicBaseUrl,
  );
  return {
    recipients: { total: groups.length, byPlatform: counts },
    platforms: previewNotice(content, targets).map((p) => ({
      ...p,
      groups: counts[p.target] ?? 0,
    })),
  };
}

const STATE_LABEL: Record<string, string> = {
  pending: 'Đang chờ gửi',
  sending: 'Đang gửi',
  sent: 'Đã gửi',
  failed: 'Không gửi được',
  unknown: 'Chưa rõ — kiểm tra nhóm',
  'share-kit': 'Chờ tổ trưởng chia sẻ',
  shared: 'Đã chia sẻ',
};

export function ledgerTotals(rows: readonly LedgerRow[]) {
  const totals = {
    total: rows.length,
    sent: 0,
    failed: 0,
    pending: 0,
    /** Held in doubt after a crash mid-send: an officer checks the group (never resent blindly). */
    unknown: 0,
    shareKit: 0,
    shared: 0,
    possibleDuplicates: 0,
  };
  for (const r of rows) {
    if (r.state === 'sent') totals.sent++;
    else if (r.state === 'failed') totals.failed++;
    else if (r.state === 'unknown') totals.unknown++;
    else if (r.state === 'share-kit') totals.shareKit++;
    else if (r.state === 'shared') totals.shared++;
    else totals.pending++;
    if (r.possible_duplicate) totals.possibleDuplicates++;
  }
  return totals;
}

export function ledgerItemView(r: LedgerRow, publicBaseUrl: string | undefined, publicId: string) {
  return {
    id: r.id,
    groupId: r.group_id,
    group: r.title,
    kind: r.kind,
    platform: r.platform,
    village: r.village,
    adminName: r.admin_name,
    state: r.state,
    stateLabel: STATE_LABEL[r.state] ?? r.state,
    messageIds: (r.message_ids ?? []).filter((m): m is string => m !== null),
    sentAt: r.sent_at?.toISOString() ?? null,
    error: ['failed', 'pending', 'unknown'].includes(r.state) ? r.last_error : null,
    attempts: r.attempts,
    possibleDuplicate: r.possible_duplicate,
    sharedAt: r.shared_at?.toISOString() ?? null,
    sharedBy: r.shared_by,
    resolvedBy: r.resolved_by,
    resolvedAt: r.resolved_at?.toISOString() ?? null,
    shareLink:
      r.share_token && publicBaseUrl
        ? new URL(`/n/${publicId}/chia-se/${r.share_token}`, publicBaseUrl).toString()
        : r.share_token
          ? `/n/${publicId}/chia-se/${r.share_token}`
          : null,
  };
}

export function noticeView(n: NoticeRow, publicBaseUrl: string | undefined) {
  return {
    id: n.id,
    publicId: n.public_id,
    publicUrl: publicNoticeUrl(publicBaseUrl, n.public_id) ?? `/n/${n.public_id}`,
    qrUrl: `/n/${n.public_id}/qr.png`,
    communeCode: n.commune_code,
    title: n.title,
    body: n.body,
    imageUrl: n.image_url,
    linkUrl: n.link_url,
    targets: n.targets,
    status: n.status,
    sendAt: n.send_at.toISOString(),
    createdBy: n.created_by_name,
    createdAt: n.created_at.toISOString(),
    cancelledAt: n.cancelled_at?.toISOString() ?? null,
  };
}

export async function ledgerOf(deps: NoticeDeps, notice: NoticeRow) {
  const rows = await ledgerRows(deps.db, notice.id);
  return {
    notice: noticeView(notice, deps.publicBaseUrl),
    totals: ledgerTotals(rows),
    items: rows.map((r) => ledgerItemView(r, deps.publicBaseUrl, notice.public_id)),
  };
}

/** An error for an unknown template id. */
export const unknownTemplate = (id: string) =>
  new HttpError(404, 'NOT_FOUND', `Không có mẫu thông báo "${id}".`);
