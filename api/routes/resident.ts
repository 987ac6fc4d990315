/**
 * @module
 * The signed-in resident's own things (mounted under /api), used by the mini-app:
 * - `GET /me/notices` — the in-app notice list (every status change of their dossiers), newest first;
 *   `POST /me/notices/read` marks them read.
 * - `POST /me/phone` — exchanges a Zalo phone token for the number (server side: needs the app secret),
 *   after checking that the Zalo access token belongs to the signed-in resident.
 * - `GET|POST /dossiers/:reference/rating` — a 1–5 rating with an optional comment after the result.
 * - `GET /online-communes` — the communes that receive dossiers online (they have an officer), with
 *   their names from the commune directory.
 */
import express, { Router, type Request } from 'express';
import { z } from 'zod';
import type { Config } from '../../common/config.js';
import { normaliseReference, REFERENCE_PATTERN } from '../../common/dossier-schema.js';
import { createZaloPhoneExchange, type ZaloPhoneExchange } from '../auth/zalo-phone.js';
import type { DossierContext, ResidentActor } from '../dossiers/context.js';
import { loadVisible } from '../dossiers/transition-dossier.js';
import { forbidden, HttpError, notFound } from '../errors.js';
import { actorOf, requireActor, residentIdOf, type AuthOptions } from '../middleware/auth.js';
import type { Counters } from '../guard/counters.js';
import { clientKeyOf, rateLimit } from '../middleware/rate-limit.js';
import { parseOr400 } from '../middleware/validate.js';
import { countUnread, listNotices, markNoticesRead } from '../store/notice-repository.js';
import { findRating, upsertRating, type RatingRow } from '../store/rating-repository.js';

export interface ResidentRouterDeps {
  config: Config;
  ctx: DossierContext;
  auth: AuthOptions;
  counters: Counters;
  /** Overrides the phone exchange with Zalo (tests); default uses config.zaloMiniApp. */
  phoneExchange?: ZaloPhoneExchange;
}

/** Statuses after which a resident may rate the service. */
const RATEABLE = new Set(['DA_XU_LY_XONG', 'DA_TRA_KET_QUA', 'KHONG_DUOC_TIEP_NHAN', 'DUNG_XU_LY']);

export const NoticesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(30),
  before: z.coerce.number().int().positive().optional(),
});

export const ReadSchema = z.object({ upToId: z.number().int().positive() });

export const PhoneSchema = z.object({
  accessToken: z.string().min(1).max(4096),
  phoneToken: z.string({ error: 'Thiếu mã số điện thoại từ Zalo.' }).min(1).max(4096),
});

export const RatingSchema = z.object({
  stars: z
    .number({ error: 'Vui lòng chọn từ 1 đến 5 sao.' })
    .int('Vui lòng chọn từ 1 đến 5 sao.')
    .min(1, 'Vui lòng chọn từ 1 đến 5 sao.')
    .max(5, 'Vui lòng chọn từ 1 đến 5 sao.'),
  comment: z.string().trim().max(1000, 'Góp ý tối đa 1000 ký tự.').optional(),
});

function referenceParam(req: Request): string {
  const reference = normaliseReference(String(req.params.reference ?? ''));
  if (!REFERENCE_PATTERN.test(reference)) throw notFound();
  return reference;
}

function ratingView(r: RatingRow | undefined) {
  return r
    ? { stars: r.stars, comment: r.comment, ratedAt: new Date(r.updated_at).toISOString() }
    : null;
}

export function createResidentRouter({
  config,
  ctx,
  auth,
  counters,
  phoneExchange,
}: ResidentRouterDeps): Router {
  const router = Router();
  const residentOnly = requireActor(auth, ['resident']);
  const json = express.json({ limit: '16kb', type: 'application/json' });
  const db = ctx.store.db;
  const appSecret = config.zaloMiniApp.appSecret;
  const exchange =
    phoneExchange ??
    (appSecret
      ? createZaloPhoneExchange({ graphBase: config.zaloMiniApp.graphBase, appSecret })
      : undefined);

  router.get('/me/notices', residentOnly, async (req, res) => {
    const actor = actorOf(res) as ResidentActor;
    const query = parseOr400(NoticesQuerySchema, req.query);
    const [rows, unread] = await Promise.all([
      listNotices(db, actor.residentId, {
        limit: query.limit,
        ...(query.before ? { beforeId: query.before } : {}),
      }),
      countUnread(db, actor.residentId),
    ]);
    res.setHeader('Cache-Control', 'private, no-store');
    res.json({
      unread,
      items: rows.map((n) => ({
        id: Number(n.id),
        reference: n.reference,
        text: n.body,
        at: new Date(n.created_at).toISOString(),
        read: n.read_at !== null,
      })),
    });
  });

  router.post('/me/notices/read', residentOnly, json, async (req, res) => {
    const actor = actorOf(res) as ResidentActor;
    const { upToId } = parseOr400(ReadSchema, req.body);
    await markNoticesRead(db, actor.residentId, upToId, ctx.now());
    res.json({ unread: await countUnread(db, actor.residentId) });
  });

  router.post(
    '/me/phone',
    // Each call costs two requests to Zalo: keep it to what a person filling forms needs.
    rateLimit({ counters, name: 'zalo-phone', limit: 20, windowMs: 60_000 }),
    residentOnly,
    json,
    async (req, res) => {
      const actor = actorOf(res) as ResidentActor;
      const { accessToken, phoneToken } = parseOr400(PhoneSchema, req.body);
      if (!exchange) {
        throw new HttpError(
          503,
          'ZALO_NOT_CONFIGURED',
          'Máy chủ chưa được cấu hình để lấy số điện thoại từ Zalo. Vui lòng nhập số điện thoại.',
        );
      }
      // The access token must be the signed-in resident's own: nobody can read another person's number.
      const user = await auth.zalo(accessToken, clientKeyOf(req));
      if (!user || residentIdOf(user) !== actor.residentId) {
        throw forbidden('Mã truy cập Zalo không thuộc tài khoản đang đăng nhập.');
      }
      const phone = await exchange(accessToken, phoneToken);
      if (!phone) {
        throw new HttpError(
          422,
          'PHONE_TOKEN_REJECTED',
          'Zalo không xác nhận được số điện thoại (mã đã hết hạn hoặc đã dùng). Vui lòng thử lại hoặc nhập số điện thoại.',
        );
      }
      res.setHeader('Cache-Control', 'private, no-store');
      res.json({ phone });
    },
  );

  router.get('/dossiers/:reference/rating', residentOnly, async (req, res) => {
    const actor = actorOf(res) as ResidentActor;
    const dossier = await loadVisible(db, actor, referenceParam(req));
    res.json({
      canRate: RATEABLE.has(dossier.status),
      rating: ratingView(await findRating(db, dossier.id)),
    });
  });

  router.post('/dossiers/:reference/rating', residentOnly, json, async (req, res) => {
    const actor = actorOf(res) as ResidentActor;
    const dossier = await loadVisible(db, actor, referenceParam(req));
    const body = parseOr400(RatingSchema, req.body);
    if (!RATEABLE.has(dossier.status)) {
      throw new HttpError(409, 'NOT_FINISHED', 'Bạn có thể đánh giá sau khi hồ sơ đã có kết quả.');
    }
    const saved = await upsertRating(
      db,
      {
        dossier_id: dossier.id,
        resident_id: actor.residentId,
        procedure_code: dossier.procedure_code,
        commune_code: dossier.commune_code,
        stars: body.stars,
        comment: body.comment && body.comment.length > 0 ? body.comment : null,
      },
      ctx.now(),
    );
    res.json({ canRate: true, rating: ratingView(saved) });
  });

  router.get('/online-communes', async (_req, res) => {
    const rows = await db.query<{ commune_code: string }>(
      'SELECT DISTINCT commune_code FROM officers WHERE NOT disabled ORDER BY commune_code',
    );
    res.setHeader('Cache-Control', 'public, max-age=60');
    res.json({
      items: rows.map((r) => {
        const commune = ctx.communes.byCode(r.commune_code);
        return {
          code: r.commune_code,
          name: commune?.displayName ?? null,
          centreAddress: commune?.centreAddress ?? null,
        };
      }),
    });
  });

  return router;
}
