/**
 * @module
 * Who is calling. `Authorization: Bearer <token>` where the token is either our session token (from
 * `POST /api/auth/zalo` or `POST /api/officer/login`) or, for residents, a Zalo Mini App access token,
 * which is verified with Zalo through the {@link ZaloGate} (answers cached, calls out limited).
 */
import type { RequestHandler, Response } from 'express';
import type { SessionSigner } from '../auth/session-token.js';
import type { ZaloGate } from '../auth/zalo-gate.js';
import type { ZaloUser } from '../auth/zalo-verifier.js';
import type { Actor, OfficerActor, ResidentActor } from '../dossiers/context.js';
import { forbidden, unauthorized } from '../errors.js';
import type { Queryable } from '../store/database.js';
import { touchOfficerSession } from '../store/officer-session-repository.js';
import { clientKeyOf } from './rate-limit.js';

export interface AuthOptions {
  signer: SessionSigner;
  zalo: ZaloGate;
  db: Queryable;
  /** Officer sessions unused this long are refused (default 30 minutes). */
  officerIdleMs?: number;
  now?: () => Date;
}

/** Resident id for a Zalo user (id per Zalo App). */
export const residentIdOf = (user: ZaloUser) => `zalo:${user.id}`;

/** Reads the bearer token, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S{1,4096})\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

type Kind = 'resident' | 'officer';

/**
 * Requires a signed-in caller of one of `kinds`; puts the {@link Actor} on `res.locals.actor`.
 * 401 without a valid token, 403 for the wrong kind of account.
 */
export function requireActor(options: AuthOptions, kinds: readonly Kind[]): RequestHandler {
  async function resolve(token: string, client: string, res: Response): Promise<Actor | null> {
    const claims = options.signer.verify(token);
    if (claims?.kind === 'resident') {
      return {
        role: 'resident',
        residentId: claims.sub,
        name: claims.name,
      } satisfies ResidentActor;
    }
    if (claims?.kind === 'officer') {
      // Every officer token names a server-side session (sign-out, idle timeout, deactivation).
      if (!claims.sid) return null;
      const officer = await touchOfficerSession(
        options.db,
        claims.sid,
        claims.sub,
        options.officerIdleMs ?? 30 * 60_000,
        options.now?.() ?? new Date(),
      );
      if (!officer || officer.disabled) return null;
      res.locals.sessionId = claims.sid;
      return {
        role: officer.role,
        officerId: officer.id,
        username: officer.username,
        communeCode: officer.commune_code,
        desk: officer.desk,
        displayName: officer.display_name,
      } satisfies OfficerActor;
    }
    if (claims === null && !token.startsWith('mc1.') && kinds.includes('resident')) {
      const user = await options.zalo(token, client);
      return user ? { role: 'resident', residentId: residentIdOf(user), name: user.name } : null;
    }
    return null;
  }

  return async function requireActor(req, res, next) {
    const token = bearerToken(req.headers.authorization);
    if (!token) throw unauthorized();
    const actor = await resolve(token, clientKeyOf(req), res);
    if (!actor)
      throw unauthorized('Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.');
    const kind: Kind = actor.role === 'resident' ? 'resident' : 'officer';
    if (!kinds.includes(kind)) {
      throw forbidden(
        kind === 'resident'
          ? 'Chức năng này dành cho cán bộ một cửa.'
          : 'Chức năng này dành cho công dân.',
      );
    }
    res.locals.actor = actor;
    next();
  };
}

/** The actor set by {@link requireActor}. */
export function actorOf(res: Response): Actor {
  return res.locals.actor as Actor;
}
