/**
 * @module
 * Dossier routes (mounted under /api): submit, list, read, change status, supplement, download an
 * attachment. Residents see only their own dossiers, officers only their commune's; anything else is
 * a 404 so references of other people cannot be probed.
 */
import express, { Router, type Request } from 'express';
import { z } from 'zod';
import type { Config } from '../../common/config.js';
import {
  DossierStatusSchema,
  normaliseReference,
  REFERENCE_PATTERN,
  SubmitDossierSchema,
  SupplementRequestSchema,
  TransitionRequestSchema,
} from '../../common/dossier-schema.js';
import {
  isMultipart,
  readJsonUpload,
  readMultipartUpload,
  type UploadLimits,
} from '../attachments/read-upload.js';
import type { DossierContext, OfficerActor, ResidentActor } from '../dossiers/context.js';
import { deskOf } from '../dossiers/desk.js';
import {
  listVisibleDossiers,
  readDossierAttachment,
  readDossierDetails,
} from '../dossiers/dossier-details.js';
import { receiptView, summaryView } from '../dossiers/dossier-view.js';
import { submitDossier } from '../dossiers/submit-dossier.js';
import {
  loadVisible,
  supplementDossier,
  transitionDossier,
} from '../dossiers/transition-dossier.js';
import { HttpError, notFound } from '../errors.js';
import { actorOf, requireActor, type AuthOptions } from '../middleware/auth.js';
import { parseOr400 } from '../middleware/validate.js';

export interface DossierRouterDeps {
  config: Config;
  ctx: DossierContext;
  auth: AuthOptions;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

const ListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
  status: DossierStatusSchema.optional(),
});

function referenceParam(req: Request): string {
  const reference = normaliseReference(String(req.params.reference ?? ''));
  if (!REFERENCE_PATTERN.test(reference)) throw notFound();
  return reference;
}

function encodeCursor(d: { submitted_at: Date; id: string }): string {
  return Buffer.from(`${d.submitted_at.toISOString()}|${d.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { submittedAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const submittedAt = new Date(at ?? '');
  if (!id || Number.isNaN(submittedAt.getTime())) {
    throw new HttpError(400, 'VALIDATION_FAILED', 'Tham số cursor không hợp lệ.', {
      fields: { cursor: 'Không hợp lệ.' },
    });
  }
  return { submittedAt, id };
}

/** JSON body limit for submissions: room for base64 attachments, capped so memory stays bounded. */
export function jsonSubmissionLimit(config: Config): number {
  const { maxAttachmentBytes, maxAttachments } = config.dossiers;
  return Math.min(
    Math.ceil((maxAttachmentBytes * maxAttachments * 4) / 3) + 256 * 1024,
    25 * 1024 * 1024,
  );
}

export function createDossierRouter({ config, ctx, auth }: DossierRouterDeps): Router {
  const router = Router();
  const residentOnly = requireActor(auth, ['resident']);
  const anyone = requireActor(auth, ['resident', 'officer']);
  const limits: UploadLimits = {
    maxFiles: config.dossiers.maxAttachments,
    maxFileBytes: config.dossiers.maxAttachmentBytes,
  };
  const jsonSubmission = express.json({
    limit: jsonSubmissionLimit(config),
    type: 'application/json',
  });
  const json = express.json({ limit: '64kb', type: 'application/json' });

  async function readUpload(req: Request) {
    if (isMultipart(req)) return readMultipartUpload(req, ctx.store.attachments, limits);
    if (!req.is('application/json')) {
      throw new HttpError(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Chỉ chấp nhận nội dung application/json hoặc multipart/form-data.',
      );
    }
    return readJsonUpload(req.body, ctx.store.attachments, limits);
  }

  router.post(
    '/dossiers',
    residentOnly,
    (req, _res, next) => {
      const key = req.get('Idempotency-Key');
      if (!key || !IDEMPOTENCY_KEY.test(key)) {
        throw new HttpError(
          400,
          'IDEMPOTENCY_KEY_REQUIRED',
          'Thiếu hoặc sai tiêu đề Idempotency-Key (8–128 ký tự chữ, số, "-", "_", ".", ":"). Mỗi hồ sơ mới cần một mã riêng; gửi lại cùng mã khi thử lại.',
        );
      }
      next();
    },
    jsonSubmission,
    async (req, res) => {
      const actor = actorOf(res) as ResidentActor;
      const { payload, files } = await readUpload(req);
      let parsed;
      try {
        parsed = parseOr400(SubmitDossierSchema, payload);
      } catch (error) {
        await ctx.store.attachments.remove(files);
        throw error;
      }
      const outcome = await submitDossier(ctx, {
        actor,
        idempotencyKey: req.get('Idempotency-Key') as string,
        payload: parsed,
        files,
      });
      const { dossier, created } = outcome;
      const view = await readDossierDetails(
        ctx.store.db,
        dossier,
        actor,
        outcome.created ? outcome : undefined,
      );
      // Written directly rather than with res.json: express would hash the body for an ETag, which a
      // POST response never uses (conditional requests apply to GET/HEAD only).
      const body = JSON.stringify({
        dossier: view,
        receipt: receiptView(dossier, deskOf(ctx, dossier.commune_code)),
      });
      res
        .status(created ? 201 : 200)
        .location(`/api/dossiers/${dossier.reference}`)
        .set('Content-Type', 'application/json; charset=utf-8')
        .set('Content-Length', String(Buffer.byteLength(body)))
        .end(body);
    },
  );

  router.get('/dossiers', anyone, async (req, res) => {
    const actor = actorOf(res) as ResidentActor | OfficerActor;
    const query = parseOr400(ListQuerySchema, req.query);
    const rows = await listVisibleDossiers(ctx.store.db, actor, {
      limit: query.limit + 1,
      ...(query.cursor ? { after: decodeCursor(query.cursor) } : {}),
      ...(query.status ? { status: query.status } : {}),
    });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    res.json({
      items: page.map(summaryView),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
    });
  });

  router.get('/dossiers/:reference', anyone, async (req, res) => {
    const actor = actorOf(res);
    const dossier = await loadVisible(ctx.store.db, actor, referenceParam(req));
    res.json(await readDossierDetails(ctx.store.db, dossier, actor));
  });

  router.post('/dossiers/:reference/transitions', anyone, json, async (req, res) => {
    const actor = actorOf(res);
    const reference = referenceParam(req);
    const request = parseOr400(TransitionRequestSchema, req.body);
    const dossier = await transitionDossier(ctx, actor, reference, request);
    res.json(await readDossierDetails(ctx.store.db, dossier, actor));
  });

  router.post(
    '/dossiers/:reference/supplements',
    residentOnly,
    jsonSubmission,
    async (req, res) => {
      const actor = actorOf(res) as ResidentActor;
      const reference = referenceParam(req);
      // Check visibility before accepting any file, so nobody can upload to someone else's dossier.
      await loadVisible(ctx.store.db, actor, reference);
      const { payload, files } = await readUpload(req);
      let parsed;
      try {
        parsed = parseOr400(SupplementRequestSchema.omit({ attachments: true }), payload);
      } catch (error) {
        await ctx.store.attachments.remove(files);
        throw error;
      }
      const dossier = await supplementDossier(ctx, actor, reference, {
        note: parsed.note ?? null,
        files,
      });
      res.json(await readDossierDetails(ctx.store.db, dossier, actor));
    },
  );

  router.get('/dossiers/:reference/attachments/:attachmentId', anyone, async (req, res, next) => {
    const actor = actorOf(res);
    const dossier = await loadVisible(ctx.store.db, actor, referenceParam(req));
    const id = String(req.params.attachmentId);
    if (!/^[0-9a-f-]{36}$/.test(id)) throw notFound('Không tìm thấy tệp đính kèm.');
    const attachment = await readDossierAttachment(ctx.store.db, dossier, id);
    if (!attachment) throw notFound('Không tìm thấy tệp đính kèm.');
    res.setHeader('Content-Type', attachment.content_type);
    res.setHeader('Content-Length', String(attachment.size_bytes));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${attachment.file_name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(attachment.file_name)}`,
    );
    const stream = ctx.store.attachments.open(attachment.storage_key);
    stream.on('error', next);
    stream.pipe(res);
  });

  return router;
}
