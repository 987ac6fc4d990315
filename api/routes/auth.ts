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
import type { ZaloGate } from '../auth/zalo-gate.js';
import { unauthorized } from '../errors.js';
import type { Counters } from '../guard/counters.js';
import { bearerToken, residentIdOf } from '../middleware/auth.js';
import { clientKeyOf, rateLimit, tooMany } from '../middleware/rate-limit.js';
import { parseOr400 } from '../middleware/validate.js';
import type { Queryable } from '../store/database.js';
import { findOfficerByUsername } from '../store/officer-repository.js';
import { createOfficerSession } from '../store/officer-session-repository.js';

export interface AuthRouterDeps {
  config: Config;
  db: Queryable;
  signer: SessionSigner;
  zalo: ZaloGate;
  counters: Counters;
}

/*
 * Officer login throttling, counted in the database and on FAILURES only (a right password resets the
 * username's count):
 * - per client IP: LOGIN_IP_FAILURES wrong passwords per window, then 429 for that IP only;
 * - per username: after LOGIN_USER_FAILURES wrong passwords the username is locked for the window —
 *   but only for devices it has never signed in from. A device (client IP) where this officer signed
 *   in successfully in the last KNOWN_DEVICE_MS stays allowed (it has its own per-IP failure cap), so an
 *   attacker elsewhere slows guessing down without locking the real officer out of their desk.
 */
const LOGIN_WINDOW_MS = 15 * 60_000;
const LOGIN_IP_FAILURES = 10;
const LOGIN_USER_FAILURES = 5;
const KNOWN_DEVICE_MS = 30 * 86_400_000;

export function createAuthRouter({ config, db, signer, zalo, counters }: AuthRouterDeps): Router {
  const router = Router();
  const residentTtl = config.dossiers.residentSessionTtlMinutes * 60;
  const officerTtl = config.dossiers.officerSessionTtlMinutes * 60;

  router.post(
    '/auth/zalo',
    // Generous: behind carrier-grade NAT many residents share one IP, and sign-in is once per session.
    // Calls out to Zalo for unknown tokens are limited further by the gate.
    rateLimit({ counters, name: 'auth-zalo', limit: 120, windowMs: 60_000 }),
    async (req, res) => {
      const token = bearerToken(req.headers.authorization);
      if (!token)
        throw unauthorized('Thiếu mã truy cập Zalo (Authorization: Bearer <access token>).');
      const user = await zalo(token, clientKeyOf(req));
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
    // A ceiling on attempts of any kind (password hashing costs CPU); failures are limited below.
    rateLimit({ counters, name: 'login', limit: 30, windowMs: 60_000 }),
    express.json({ limit: '16kb' }),
    async (req, res) => {
      const { username, password } = parseOr400(OfficerLoginSchema, req.body);
      const user = username.toLowerCase();
      const client = clientKeyOf(req);
      const ipKey = `login:ipfail:${client}`;
      const userKey = `login:userfail:${user}`;
      const deviceKey = `login:known:${user}:${client}`;
      const ipFailures = await counters.peek(ipKey);
      if (ipFailures && ipFailures.count >= LOGIN_IP_FAILURES)
        throw tooMany(
          'Đăng nhập sai quá nhiều lần từ thiết bị này. Vui lòng thử lại sau {seconds} giây.',
          ipFailures.resetInMs,
        );
      const userFailures = await counters.peek(userKey);
      if (userFailures && userFailures.count >= LOGIN_USER_FAILURES) {
        const known = await counters.peek(deviceKey);
        if (!known)
          throw tooMany(
            'Tài khoản này đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {seconds} giây, hoặc đăng nhập từ máy thường dùng.',
            userFailures.resetInMs,
          );
      }
      const officer = await findOfficerByUsername(db, username);
      // Check a hash even for unknown users, so timing does not reveal which usernames exist.
      const ok = await verifyPassword(password, officer?.password_hash ?? (await dummyHash()));
      if (!officer || officer.disabled || !ok) {
        await counters.hit(ipKey, LOGIN_WINDOW_MS);
        await counters.hit(userKey, LOGIN_WINDOW_MS);
        throw unauthorized('Tên đăng nhập hoặc mật khẩu không đúng.');
      }
      await counters.reset(userKey);
      await counters.reset(ipKey);
      // Remember the device: a known device is not locked out by someone else's wrong guesses.
      await counters.reset(deviceKey);
      await counters.hit(deviceKey, KNOWN_DEVICE_MS);
      const sid = await createOfficerSession(db, officer.id, new Date());
      const session = signer.sign(
        { kind: 'officer', sub: officer.id, name: officer.username, sid },
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
          desk: officer.desk,
        },
        idleTimeoutMinutes: config.dossiers.officerIdleTimeoutMinutes,
      });
    },
  );
  return router;
}
