/**
 * @module
 * Who is calling. `Authorization: Bearer <token>` where the token is either our session token (from
 * `POST /api/auth/zalo` or `POST /api/officer/login`) or, for residents, a Zalo Mini App access token,
 * which is verified with Zalo (and remembered for a minute so Zalo is not asked on every request).
 */
import { createHash } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { SessionSigner } from '../auth/session-token.js';
import type { ZaloUser, ZaloUserVerifier } from '../auth/zalo-verifier.js';
import type { Actor, OfficerActor, ResidentActor } from '../dossiers/context.js';
import { forbidden, unauthorized } from '../errors.js';
import type { Queryable } from '../store/database.js';
import { findOfficerById } from '../store/officer-repository.js';

export interface AuthOptions {
  signer: SessionSigner;
  verifyZalo: ZaloUserVerifier;
  db: Queryable;
}

const ZALO_CACHE_MS = 60_000;

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
  const zaloCache = new Map<string, { user: ZaloUser | null; until: number }>();

  async function fromZalo(token: string): Promise<ZaloUser | null> {
    const key = createHash('sha256').update(token).digest('base64url');
    const now = Date.now();
    const hit = zaloCache.get(key);
    if (hit && hit.until > now) return hit.user;
    const user = await options.verifyZalo(token);
    if (zaloCache.size > 10_000) zaloCache.clear();
    zaloCache.set(key, { user, until: now + ZALO_CACHE_MS });
    return user;
  }

  async function resolve(token: string): Promise<Actor | null> {
    const claims = options.signer.verify(token);
    if (claims?.kind === 'resident') {
      return {
        role: 'resident',
        residentId: claims.sub,
        name: claims.name,
      } satisfies ResidentActor;
    }
    if (claims?.kind === 'officer') {
      const officer = await findOfficerById(options.db, claims.sub);
      if (!officer || officer.disabled) return null;
      return {
        role: officer.role,
        officerId: officer.id,
        username: officer.username,
        communeCode: officer.commune_code,
      } satisfies OfficerActor;
    }
    if (claims === null && !token.startsWith('mc1.') && kinds.includes('resident')) {
      const user = await fromZalo(token);
      return user ? { role: 'resident', residentId: residentIdOf(user), name: user.name } : null;
    }
    return null;
  }

  return async function requireActor(req, res, next) {
    const token = bearerToken(req.headers.authorization);
    if (!token) throw unauthorized();
    const actor = await resolve(token);
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
