/**
 * @module
 * Officer routes for notices to village groups: the group registry (approve, share-kit groups,
 * villages), templates, preview, create (send now or schedule), cancel, list and the delivery
 * ledger (JSON and CSV). Everything is scoped to the officer's own commune.
 */
import express, { Router, type Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { OfficerActor } from '../dossiers/context.js';
import { conflict, notFound } from '../errors.js';
import { actorOf, requireActor, type AuthOptions } from '../middleware/auth.js';
import { parseOr400 } from '../middleware/validate.js';
import {
  cancelOwnNotice,
  CreateNoticeSchema,
  createNotice,
  ledgerOf,
  ledgerTotals,
  NoticeDraftSchema,
  noticeView,
  ownNotice,
  previewDraft,
  resolveOwnDelivery,
  type NoticeAuthor,
  type NoticeDeps,
} from '../notices/notice-service.js';
import { noticeTemplates } from '../notices/templates.js';
import { findOfficerById } from '../store/officer-repository.js';
import {
  addShareKitGroup,
  approveGroup,
  deactivateGroup,
  findGroup,
  listGroups,
  listVillages,
  reactivateGroup,
  type GroupRow,
} from '../store/notice-group-repository.js';
import {
  ledgerRows,
  listNotices,
  markShared,
  matchingGroups,
} from '../store/group-notice-repository.js';
import { noticeContent } from '../notices/delivery-worker.js';
import { renderNotice } from '../notices/render-notice.js';

const json = express.json({ limit: '64kb', type: 'application/json' });
const label = z.string().trim().min(1).max(100);

export function groupView(g: GroupRow) {
  return {
    id: g.id,
    kind: g.kind,
    platform: g.platform,
    title: g.title,
    status: g.status,
    communeCode: g.commune_code,
    village: g.village,
    tags: g.tags,
    adminName: g.admin_name,
    inactiveReason: g.inactive_reason,
    approvedAt: g.approved_at?.toISOString() ?? null,
    createdAt: g.created_at.toISOString(),
  };
}

const ApproveSchema = z.object({
  village: label.nullable().optional(),
  tags: z.array(label).max(20).default([]),
});

const ResolveSchema = z.object({
  /** true: the message is in the group; false: it is not, send it again. */
  arrived: z.boolean({ error: 'Cho biết tin đã có trong nhóm (true) hay cần gửi lại (false).' }),
});

const ShareKitSchema = z.object({
  title: z.string().trim().min(1, 'Vui lòng nhập tên nhóm Zalo.').max(200),
  adminName: z.string().trim().min(1, 'Vui lòng nhập tên trưởng nhóm (người đăng bài).').max(100),
  village: label.nullable().optional(),
  tags: z.array(label).max(20).default([]),
});

const DeactivateSchema = z.object({
  reason: z.string().trim().max(200).optional(),
});

/** Targets without the "choose at least one" rule: nothing chosen simply reaches no group. */
const RecipientsSchema = z.object({
  targets: z.object({
    wholeCommune: z.boolean().default(false),
    villages: z.array(label).max(100).default([]),
    tags: z.array(label).max(30).default([]),
  }),
});

export function createNoticeRouter(deps: NoticeDeps, auth: AuthOptions): Router {
  const router = Router();
  const officerOnly = requireActor(auth, ['officer']);

  async function authorOf(res: Response): Promise<NoticeAuthor> {
    const actor = actorOf(res) as OfficerActor;
    const officer = await findOfficerById(deps.db, actor.officerId);
    return {
      officerId: actor.officerId,
      name: officer?.display_name || actor.username,
      communeCode: actor.communeCode,
    };
  }

  router.get('/notice-groups', officerOnly, async (req, res) => {
    const actor = actorOf(res) as OfficerActor;
    const filter = parseOr400(
      z.object({
        status: z.enum(['pending', 'approved', 'inactive']).optional(),
        kind: z.enum(['group', 'share-kit', 'subscriber']).optional(),
      }),
      req.query,
    );
    const rows = await listGroups(deps.db, actor.communeCode, filter);
    res.json({ items: rows.map(groupView) });
  });

  router.get('/notice-groups/villages', officerOnly, async (_req, res) => {
    const actor = actorOf(res) as OfficerActor;
    res.json({ items: await listVillages(deps.db, actor.communeCode) });
  });

  router.post('/notice-groups/:id/approve', officerOnly, json, async (req, res) => {
    const actor = actorOf(res) as OfficerActor;
    const body = parseOr400(ApproveSchema, req.body);
    const id = String(req.params.id);
    const group = z.uuid().safeParse(id).success ? await findGroup(deps.db, id) : undefined;
    // A pending group belongs to nobody yet: the approving officer files it into their commune.
    if (!group || (group.commune_code !== null && group.commune_code !== actor.communeCode)) {
      throw notFound('Không tìm thấy nhóm.');
    }
    if (group.kind === 'subscriber')
      throw conflict('NOT_A_GROUP', 'Người đăng ký nhận tin không cần duyệt.');
    const approved = await approveGroup(deps.db, id, {
      communeCode: actor.communeCode,
      village: body.village ?? null,
      tags: body.tags,
      by: actor.username,
      at: deps.now(),
    });
    res.json(groupView(approved!));
  });

  router.post('/notice-groups/share-kit', officerOnly, json, async (req, res) => {
    const actor = actorOf(res) as OfficerActor;
    const body = parseOr400(ShareKitSchema, req.body);
    const group = await addShareKitGroup(deps.db, {
      title: body.title,
      adminName: body.adminName,
      communeCode: actor.communeCode,
      village: body.village ?? null,
      tags: body.tags,
      by: actor.username,
      at: deps.now(),
    });
    res.status(201).json(groupView(group));
  });

  /** A group the officer may change: one of their commune's (pending groups are approved, not changed). */
  async function ownGroup(res: Response, id: string): Promise<GroupRow> {
    const actor = actorOf(res) as OfficerActor;
    const group = z.uuid().safeParse(id).success ? await findGroup(deps.db, id) : undefined;
    if (!group || group.commune_code !== actor.communeCode) throw notFound('Không tìm thấy nhóm.');
    if (group.kind === 'subscriber')
      throw conflict('NOT_A_GROUP', 'Người đăng ký nhận tin tự huỷ bằng lệnh /huynhantin.');
    return group;
  }

  router.post('/notice-groups/:id/deactivate', officerOnly, json, async (req, res) => {
    const body = parseOr400(DeactivateSchema, req.body ?? {});
    const group = await ownGroup(res, String(req.params.id));
    const author = await authorOf(res);
    const reason = body.reason
      ? `Cán bộ ${author.name} ngừng gửi: ${body.reason}`
      : `Cán bộ ${author.name} ngừng gửi vào nhóm này.`;
    const row = await deactivateGroup(deps.db, group.id, reason, deps.now());
    res.json(groupView(row!));
  });

  router.post('/notice-groups/:id/reactivate', officerOnly, async (_req, res) => {
    const group = await ownGroup(res, String(_req.params.id));
    const row = await reactivateGroup(deps.db, group.id, deps.now());
    if (!row) throw conflict('NOT_INACTIVE', 'Nhóm đang hoạt động hoặc chưa được duyệt.');
    res.json(groupView(row));
  });

  router.get('/notice-templates', officerOnly, (_req, res) => {
    res.json({ items: noticeTemplates() });
  });

  router.post('/notices/preview', officerOnly, json, async (req, res) => {
    const actor = actorOf(res) as OfficerActor;
    const draft = parseOr400(NoticeDraftSchema, req.body);
    res.json(await previewDraft(deps, actor.communeCode, draft));
  });

  router.post('/notices/recipients', officerOnly, json, async (req, res) => {
    const actor = actorOf(res) as OfficerActor;
    const { targets } = parseOr400(RecipientsSchema, req.body);
    const groups = await matchingGroups(deps.db, actor.communeCode, targets);
    const byPlatform: Record<string, number> = {};
    for (const g of groups) {
      const key = g.kind === 'share-kit' ? 'share-kit' : g.platform;
      byPlatform[key] = (byPlatform[key] ?? 0) + 1;
    }
    const subscribers = groups.filter((g) => g.kind === 'subscriber').length;
    res.json({
      total: groups.length,
      groups: groups.length - subscribers,
      subscribers,
      byPlatform,
    });
  });

  router.post('/notices', officerOnly, json, async (req, res) => {
    const input = parseOr400(CreateNoticeSchema, req.body);
    const key = req.get('idempotency-key');
    const { notice, created } = await createNotice(deps, await authorOf(res), {
      ...input,
      ...(key && !input.idempotencyKey ? { idempotencyKey: key } : {}),
    });
    res.status(created ? 201 : 200).json(noticeView(notice, deps.publicBaseUrl));
  });

  router.get('/notices', officerOnly, async (_req, res) => {
    const actor = actorOf(res) as OfficerActor;
    const notices = await listNotices(deps.db, actor.communeCode);
    const items = [];
    for (const n of notices) {
      items.push({
        ...noticeView(n, deps.publicBaseUrl),
        totals: ledgerTotals(await ledgerRows(deps.db, n.id)),
      });
    }
    res.json({ items });
  });

  router.get('/notices/:id', officerOnly, async (req, res) => {
    const actor = actorOf(res) as OfficerActor;
    const notice = await ownNotice(deps.db, actor.communeCode, String(req.params.id));
    // The share kit's text as the team leads paste it (with the public page's full address).
    const base = deps.publicBaseUrl ?? `${req.protocol}://${req.get('host')}`;
    const shareKitText = renderNotice(noticeContent(notice, base), 'share-kit')[0]!.text;
    res.json({ ...(await ledgerOf(deps, notice)), shareKitText });
  });

  router.post('/notices/:id/cancel', officerOnly, async (req, res) => {
    const cancelled = await cancelOwnNotice(deps, await authorOf(res), String(req.params.id));
    res.json(noticeView(cancelled, deps.publicBaseUrl));
  });

  router.get('/notices/:id/ledger.csv', officerOnly, async (req, res) => {
    const actor = actorOf(res) as OfficerActor;
    const notice = await ownNotice(deps.db, actor.communeCode, String(req.params.id));
    const { items } = await ledgerOf(deps, notice);
    const csv = stringify(
      items.map((i) => [
        i.group,
        i.village ?? '',
        i.platform,
        i.stateLabel,
        i.messageIds.join(' '),
        i.sentAt ?? i.sharedAt ?? '',
        i.error ?? '',
        i.possibleDuplicate ? 'có thể trùng' : '',
      ]),
      {
        header: true,
        columns: [
          'Nhóm',
          'Thôn/TDP',
          'Nền tảng',
          'Trạng thái',
          'Mã tin nhắn',
          'Thời điểm',
          'Lý do lỗi',
          'Ghi chú',
        ],
      },
    );
    res
      .type('text/csv; charset=utf-8')
      .attachment(`so-giao-nhan-${notice.public_id}.csv`)
      // A byte-order mark so spreadsheet programs read the Vietnamese letters as UTF-8.
      .send(`\uFEFF${csv}`);
  });

  router.post('/notices/:id/deliveries/:deliveryId/shared', officerOnly, async (req, res) => {
    const actor = actorOf(res) as OfficerActor;
    const notice = await ownNotice(deps.db, actor.communeCode, String(req.params.id));
    const deliveryId = Number(req.params.deliveryId);
    const rows = Number.isSafeInteger(deliveryId) ? await ledgerRows(deps.db, notice.id) : [];
    if (!rows.some((r) => r.id === deliveryId)) throw notFound('Không tìm thấy nhóm nhận.');
    const row = await markShared(deps.db, { id: deliveryId }, actor.username, deps.now());
    if (!row)
      throw conflict('NOT_SHARE_KIT', 'Nhóm này do bot gửi trực tiếp, không cần chia sẻ tay.');
    res.json({ id: row.id, state: row.state, sharedAt: row.shared_at?.toISOString() ?? null });
  });

  // A delivery held in doubt ("Chưa rõ — kiểm tra nhóm"): the officer looked at the group.
  router.post(
    '/notices/:id/deliveries/:deliveryId/resolve',
    officerOnly,
    json,
    async (req, res) => {
      const { arrived } = parseOr400(ResolveSchema, req.body);
      const deliveryId = Number(req.params.deliveryId);
      if (!Number.isSafeInteger(deliveryId)) throw notFound('Không tìm thấy nhóm nhận.');
      const row = await resolveOwnDelivery(
        deps,
        await authorOf(res),
        String(req.params.id),
        deliveryId,
        arrived,
      );
      res.json({ id: row.id, state: row.state, resolvedBy: row.resolved_by });
    },
  );

  return router;
}
