/**
 * @module
 * Sign-in: `POST /auth/zalo` exchanges a Zalo Mini App access token for a short-lived session token;
 * `POST /officer/login` checks an officer's password. Both mounted under /api.
 */
import express, { Router } from 'express';
import type { Config } from '../../common/config.js';
import { OfficerLoginSchema } from '../../common/dossier-schema.js';
import { dummyHash, verifyPassword } from '../auth/password.js';
import type { SessionSigner } from '../auth/session-token.js';
import type { ZaloUserVerifier } from '../auth/zalo-verifier.js';
import { HttpError, unauthorized } from '../errors.js';
import { bearerToken, residentIdOf } from '../middleware/auth.js';
import { createWindowCounter, rateLimit } from '../middleware/rate-limit.js';
import { parseOr400 } from '../middleware/validate.js';
import type { Queryable } from '../store/database.js';
import { findOfficerByUsername } from '../store/officer-repository.js';

export interface AuthRouterDeps {
  config: Config;
  db: Queryable;
  signer: SessionSigner;
  verifyZalo: ZaloUserVerifier;
}

export function createAuthRouter({ config, db, signer, verifyZalo }: AuthRouterDeps): Router {
  const router = Router();
  const residentTtl = config.dossiers.residentSessionTtlMinutes * 60;
  const officerTtl = config.dossiers.officerSessionTtlMinutes * 60;
  const perUsername = createWindowCounter(5, 5 * 60_000);

  router.post(
    '/auth/zalo',
    // Generous: behind carrier-grade NAT many residents share one IP, and sign-in is once per session.
    rateLimit({ limit: 120, windowMs: 60_000 }),
    async (req, res) => {
      const token = bearerToken(req.headers.authorization);
      if (!token)
        throw unauthorized('Thiếu mã truy cập Zalo (Authorization: Bearer <access token>).');
      const user = await verifyZalo(token);
      if (!user)
        throw unauthorized('Zalo không xác nhận mã truy cập này. Vui lòng mở lại Mini App.');
      const residentId = residentIdOf(user);
      const session = signer.sign(
        { kind: 'resident', sub: residentId, name: user.name },
        residentTtl,
      );
      res.json({
        token: session.token,
        expiresAt: session.expiresAt.toISOString(),
        subject: {
          kind: 'resident',
          id: residentId,
          name: user.name,
          communeCode: null,
          role: 'resident',
        },
      });
    },
  );

  router.post(
    '/officer/login',
    rateLimit({
      limit: 10,
      windowMs: 60_000,
      message: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {seconds} giây.',
    }),
    express.json({ limit: '16kb' }),
    async (req, res) => {
      const { username, password } = parseOr400(OfficerLoginSchema, req.body);
      const wait = perUsername.hit(username.toLowerCase());
      if (wait > 0) {
        throw new HttpError(
          429,
          'RATE_LIMITED',
          `Tài khoản này đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${wait} giây.`,
          {
            headers: { 'Retry-After': String(wait) },
          },
        );
      }
      const officer = await findOfficerByUsername(db, username);
      // Check a hash even for unknown users, so timing does not reveal which usernames exist.
      const ok = await verifyPassword(password, officer?.password_hash ?? (await dummyHash()));
      if (!officer || officer.disabled || !ok) {
        throw unauthorized('Tên đăng nhập hoặc mật khẩu không đúng.');
      }
      const session = signer.sign(
        { kind: 'officer', sub: officer.id, name: officer.username },
        officerTtl,
      );
      res.json({
        token: session.token,
        expiresAt: session.expiresAt.toISOString(),
        subject: {
          kind: 'officer',
          id: officer.id,
          name: officer.display_name ?? officer.username,
          communeCode: officer.commune_code,
          role: officer.role,
        },
      });
    },
  );
  return router;
}
