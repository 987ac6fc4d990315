/**
 * @module
 * Routes of the officer console (under /api/officer): sign-out, the inbox with counts, a dossier's page
 * extras, the appointment date, CSV export, accounts and their audit log (admin), the commune's desks
 * (admin), and reports (on-time rate, ratings, knowledge gaps).
 */
import express, { Router, type Response } from 'express';
import { z } from 'zod';
import type { Config } from '../../common/config.js';
import { IsoDateSchema, statusLabel } from '../../common/dossier-schema.js';
import { todayInVietnam } from '../../common/vietnam-id.js';
import {
  accountView,
  createAccount,
  listAccounts,
  listAudit,
  resetPassword,
  updateAccount,
  audit,
} from '../console/accounts.js';
import { communeDesks, DESK_CODES, DESKS, setCommuneDesks } from '../console/desks.js';
import { dossierPageExtras, setAppointment } from '../console/dossier-page.js';
import { inboxAll, inboxCounts, inboxPage, INBOX_VIEWS, type InboxRow } from '../console/inbox.js';
import { onTimeByMonth, ratingsByProcedureMonth } from '../console/reports.js';
import type { DossierContext, OfficerActor } from '../dossiers/context.js';
import { readDossierDetails } from '../dossiers/dossier-details.js';
import { loadVisible } from '../dossiers/transition-dossier.js';
import { forbidden, notFound } from '../errors.js';
import { actorOf, requireActor, type AuthOptions } from '../middleware/auth.js';
import { parseOr400 } from '../middleware/validate.js';
import { revokeOfficerSession } from '../store/officer-session-repository.js';
import { normaliseReference, REFERENCE_PATTERN } from '../../common/dossier-schema.js';

const ViewSchema = z.enum(Object.keys(INBOX_VIEWS) as [keyof typeof INBOX_VIEWS]);
const DeskSchema = z.enum(DESK_CODES as ['mot_cua', 'cong_an']);

const InboxQuerySchema = z.object({
  view: ViewSchema.default('tat_ca'),
  q: z.string().max(100).optional(),
  sort: z.enum(['hen_tra', 'moi_nhat']).default('hen_tra'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  desk: DeskSchema.optional(),
});

const PASSWORD = z
  .string({ error: 'Vui lòng nhập mật khẩu.' })
  .min(10, 'Mật khẩu cần ít nhất 10 ký tự.')
  .max(200);

const CreateAccountSchema = z.object({
  username: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9._-]{3,64}$/,
      'Tên đăng nhập 3–64 ký tự: chữ thường không dấu, số, ".", "_", "-".',
    ),
  displayName: z.string().trim().min(2, 'Vui lòng nhập họ và tên.').max(120),
  password: PASSWORD,
  role: z.enum(['officer', 'admin']),
  desk: DeskSchema,
});

const UpdateAccountSchema = z.object({
  displayName: z.string().trim().min(2, 'Vui lòng nhập họ và tên.').max(120).optional(),
  role: z.enum(['officer', 'admin']).optional(),
  desk: DeskSchema.optional(),
  disabled: z.boolean().optional(),
});

const AppointmentSchema = z.object({
  date: IsoDateSchema,
  reason: z.string().trim().max(1000).optional(),
  expectedVersion: z.number().int().positive().optional(),
});

function inboxItem(r: InboxRow, today: string) {
  return {
    reference: r.reference,
    procedure: { code: r.procedure_code, name: r.procedure_name },
    desk: r.desk,
    applicantName: r.applicant_name,
    phoneLast4: r.applicant_phone.slice(-4),
    status: r.status,
    statusLabel: statusLabel(r.status),
    submittedAt: r.submitted_at.toISOString(),
    appointmentDate: r.appointment_date,
    overdue:
      ['MOI_DANG_KY', 'DUOC_TIEP_NHAN', 'DANG_XU_LY'].includes(r.status) &&
      r.appointment_date !== null &&
      r.appointment_date < today,
    version: r.version,
  };
}

/** CSV cell: quoted, with formula-leading characters neutralised (spreadsheet injection). */
function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export interface ConsoleRouterDeps {
  config: Config;
  ctx: DossierContext;
  auth: AuthOptions;
}

export function createConsoleRouter({ config, ctx, auth }: ConsoleRouterDeps): Router {
  const router = Router();
  const officerOnly = requireActor(auth, ['officer']);
  const json = express.json({ limit: '16kb', type: 'application/json' });
  const db = ctx.store.db;
  const officer = (res: Response) => actorOf(res) as OfficerActor;
  const adminOnly: express.RequestHandler = (_req, res, next) => {
    if (officer(res).role !== 'admin') {
      throw forbidden('Chức năng này dành cho tài khoản quản trị (lãnh đạo) của xã/phường.');
    }
    next();
  };
  /** Officers see their desk; an admin sees every desk, or the one asked for. */
  const deskScope = (actor: OfficerActor, asked?: string) =>
    actor.role === 'admin' ? asked : (actor.desk ?? 'mot_cua');

  router.post('/officer/logout', officerOnly, async (_req, res) => {
    const sid = res.locals.sessionId as string | undefined;
    if (sid) await revokeOfficerSession(db, sid, ctx.now());
    res.status(204).end();
  });

  router.get('/officer/session', officerOnly, async (_req, res) => {
    const actor = officer(res);
    res.json({
      id: actor.officerId,
      username: actor.username,
      displayName: actor.displayName ?? null,
      communeCode: actor.communeCode,
      role: actor.role,
      desk: actor.desk ?? 'mot_cua',
      desks: (await communeDesks(db, actor.communeCode)).map((code) => ({
        code,
        name: DESKS[code],
      })),
      idleTimeoutMinutes: config.dossiers.officerIdleTimeoutMinutes,
    });
  });

  router.get('/officer/inbox', officerOnly, async (req, res) => {
    const actor = officer(res);
    const query = parseOr400(InboxQuerySchema, req.query);
    const today = todayInVietnam(ctx.now());
    const scope = {
      communeCode: actor.communeCode,
      desk: deskScope(actor, query.desk),
      today,
    };
    const [counts, page] = await Promise.all([
      inboxCounts(db, scope),
      inboxPage(db, {
        ...scope,
        view: query.view,
        q: query.q,
        sort: query.sort,
        page: query.page,
        pageSize: query.pageSize,
      }),
    ]);
    res.json({
      today,
      counts,
      views: INBOX_VIEWS,
      items: page.rows.map((r) => inboxItem(r, today)),
      total: page.total,
      page: query.page,
      pageSize: query.pageSize,
      pages: Math.max(1, Math.ceil(page.total / query.pageSize)),
    });
  });

  router.get('/officer/inbox.csv', officerOnly, async (req, res) => {
    const actor = officer(res);
    const query = parseOr400(InboxQuerySchema, req.query);
    const today = todayInVietnam(ctx.now());
    const rows = await inboxAll(db, {
      communeCode: actor.communeCode,
      desk: deskScope(actor, query.desk),
      today,
      view: query.view,
      q: query.q,
      sort: query.sort,
    });
    const header = [
      'Mã hồ sơ',
      'Thủ tục',
      'Mã thủ tục',
      'Người nộp',
      'Trạng thái',
      'Ngày nộp',
      'Ngày hẹn trả',
      'Bộ phận',
    ];
    const lines = [header.map(csvCell).join(',')];
    for (const r of rows) {
      lines.push(
        [
          r.reference,
          r.procedure_name,
          r.procedure_code,
          r.applicant_name,
          statusLabel(r.status),
          todayInVietnam(r.submitted_at),
          r.appointment_date ?? '',
          DESKS[r.desk as keyof typeof DESKS] ?? r.desk,
        ]
          .map(csvCell)
          .join(','),
      );
    }
    res
      .set('Content-Type', 'text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="ho-so-${today}.csv"`)
      .set('Cache-Control', 'private, no-store')
      // BOM so Excel reads Vietnamese as UTF-8.
      .send('\ufeff' + lines.join('\r\n') + '\r\n');
  });

  router.get('/officer/dossiers/:reference', officerOnly, async (req, res) => {
    const actor = officer(res);
    const reference = normaliseReference(String(req.params.reference ?? ''));
    if (!REFERENCE_PATTERN.test(reference)) throw notFound();
    const d = await loadVisible(db, actor, reference);
    const [dossier, extras] = await Promise.all([
      readDossierDetails(db, d, actor),
      dossierPageExtras(ctx, d, actor),
    ]);
    res.json({ dossier, ...extras });
  });

  router.post('/officer/dossiers/:reference/appointment', officerOnly, json, async (req, res) => {
    const actor = officer(res);
    const reference = normaliseReference(String(req.params.reference ?? ''));
    if (!REFERENCE_PATTERN.test(reference)) throw notFound();
    const body = parseOr400(AppointmentSchema, req.body);
    const d = await setAppointment(ctx, actor, reference, body);
    res.json({ reference: d.reference, appointmentDate: d.appointment_date, version: d.version });
  });

  router.get('/officer/accounts', officerOnly, adminOnly, async (_req, res) => {
    const actor = officer(res);
    res.json({ items: (await listAccounts(db, actor.communeCode)).map(accountView) });
  });

  router.post('/officer/accounts', officerOnly, adminOnly, json, async (req, res) => {
    const body = parseOr400(CreateAccountSchema, req.body);
    const created = await createAccount(db, officer(res), body, ctx.now());
    res.status(201).json(accountView(created));
  });

  router.patch('/officer/accounts/:id', officerOnly, adminOnly, json, async (req, res) => {
    const body = parseOr400(UpdateAccountSchema, req.body);
    const updated = await updateAccount(db, officer(res), String(req.params.id), body, ctx.now());
    res.json(accountView(updated));
  });

  router.post('/officer/accounts/:id/password', officerOnly, adminOnly, json, async (req, res) => {
    const { password } = parseOr400(z.object({ password: PASSWORD }), req.body);
    await resetPassword(db, officer(res), String(req.params.id), password, ctx.now());
    res.status(204).end();
  });

  router.get('/officer/audit', officerOnly, adminOnly, async (_req, res) => {
    const rows = await listAudit(db, officer(res).communeCode);
    res.json({
      items: rows.map((r) => ({
        id: String(r.id),
        at: r.at.toISOString(),
        actorName: r.actor_name,
        action: r.action,
        targetName: r.target_name,
        details: r.details,
      })),
    });
  });

  router.get('/officer/desks', officerOnly, async (_req, res) => {
    const actor = officer(res);
    res.json({
      all: DESK_CODES.map((code) => ({ code, name: DESKS[code] })),
      running: await communeDesks(db, actor.communeCode),
    });
  });

  router.put('/officer/desks', officerOnly, adminOnly, json, async (req, res) => {
    const actor = officer(res);
    const { desks } = parseOr400(z.object({ desks: z.array(DeskSchema).max(10) }), req.body);
    const now = ctx.now();
    const running = await db.transaction(async (tx) => {
      const result = await setCommuneDesks(tx, actor.communeCode, desks);
      await audit(tx, actor, 'cau_hinh_bo_phan', null, { desks: result }, now);
      return result;
    });
    res.json({ all: DESK_CODES.map((code) => ({ code, name: DESKS[code] })), running });
  });

  router.get('/officer/reports', officerOnly, async (req, res) => {
    const actor = officer(res);
    const { desk } = parseOr400(z.object({ desk: DeskSchema.optional() }), req.query);
    const [onTime, ratings] = await Promise.all([
      onTimeByMonth(db, actor.communeCode, deskScope(actor, desk)),
      ratingsByProcedureMonth(db, actor.communeCode),
    ]);
    res.json({ onTime, ratings });
  });

  return router;
}
