/**
 * @module
 * Trial sign-in for trying the mini-app in a plain browser (`POST /auth/trial` with a name and a phone
 * number) and what the mini-app needs to know to sign in (`GET /auth/options`). The trial exists only
 * when no Zalo Mini App credentials are configured and NODE_ENV is not production
 * (config.zaloMiniApp.trialSignIn); trial residents get ids `trial:<hash of a key kept on the device>`, so their dossiers are
 * marked as trial everywhere (`trial: true` in the dossier view).
 */
import { createHash } from 'node:crypto';
import express, { Router } from 'express';
import { z } from 'zod';
import type { Config } from '../../common/config.js';
import { MobilePhoneSchema } from '../../common/dossier-schema.js';
import type { SessionSigner } from '../auth/session-token.js';
import { notFound } from '../errors.js';
import type { Counters } from '../guard/counters.js';
import { rateLimit } from '../middleware/rate-limit.js';
import { parseOr400 } from '../middleware/validate.js';

/** Prefix of the resident id of trial accounts. */
export const TRIAL_PREFIX = 'trial:';

export const TrialSchema = z.object({
  fullName: z
    .string({ error: 'Vui lòng nhập họ và tên.' })
    .trim()
    .min(2, 'Vui lòng nhập họ và tên.')
    .max(120, 'Tối đa 120 ký tự.'),
  phone: MobilePhoneSchema,
  /** Random secret kept on the device, so signing in again (sessions are short) finds the same dossiers. */
  deviceKey: z.string().regex(/^[A-Za-z0-9_-]{22,128}$/, 'Mã thiết bị không hợp lệ.'),
});

export function createTrialAuthRouter({
  config,
  signer,
  counters,
}: {
  config: Config;
  signer: SessionSigner;
  counters: Counters;
}): Router {
  const router = Router();
  const enabled = config.zaloMiniApp.trialSignIn;

  router.get('/auth/options', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json({
      trial: enabled,
      zaloMiniAppId: config.zaloMiniApp.appId ?? null,
      // The app checks files against these before sending anything.
      maxAttachmentBytes: config.dossiers.maxAttachmentBytes,
      maxAttachments: config.dossiers.maxAttachments,
    });
  });

  router.post(
    '/auth/trial',
    rateLimit({ counters, name: 'trial-sign-in', limit: 30, windowMs: 60_000 }),
    express.json({ limit: '4kb' }),
    (req, res) => {
      if (!enabled) throw notFound('Không có chức năng đăng nhập dùng thử trên máy chủ này.');
      const { fullName, deviceKey } = parseOr400(TrialSchema, req.body);
      const id = `${TRIAL_PREFIX}${createHash('sha256').update(deviceKey).digest('base64url').slice(0, 32)}`;
      const session = signer.sign(
        { kind: 'resident', sub: id, name: fullName },
        config.dossiers.residentSessionTtlMinutes * 60,
      );
      res.json({
        token: session.token,
        expiresAt: session.expiresAt.toISOString(),
        subject: { kind: 'resident', id, name: fullName, communeCode: null, role: 'resident' },
        trial: true,
      });
    },
  );
  return router;
}
