/**
 * @module
 * Short-lived session tokens, signed with HMAC-SHA256: `mc1.<claims base64url>.<mac base64url>`.
 * A resident gets one in exchange for a verified Zalo Mini App access token; an officer at login.
 */
import { createHmac, createSecretKey, timingSafeEqual } from 'node:crypto';

/** What a session token asserts. */
export interface SessionClaims {
  /** `resident` (Zalo user) or `officer`. */
  kind: 'resident' | 'officer';
  /** Resident id (`zalo:<user id>`) or officer id. */
  sub: string;
  /** Display name, when known. */
  name: string | null;
  /** Expiry, seconds since the epoch. */
  exp: number;
  /** Officers: the server-side session (officer_sessions.id), so sign-out and idle timeout hold. */
  sid?: string;
}

const PREFIX = 'mc1';

export interface SessionSigner {
  sign(
    claims: Omit<SessionClaims, 'exp'>,
    ttlSeconds: number,
    now?: number,
  ): { token: string; expiresAt: Date };
  /** The claims of a valid, unexpired token, else null. */
  verify(token: string, now?: number): SessionClaims | null;
}

/** Creates a signer for `secret` (at least 32 bytes of entropy recommended). */
export function createSessionSigner(secret: string | Buffer): SessionSigner {
  // Imported once as a key object: every request verifies a token, and re-importing a raw secret
  // for each HMAC costs more than the HMAC itself.
  const key = createSecretKey(typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret);
  const mac = (data: string) => createHmac('sha256', key).update(data).digest();
  return {
    sign(claims, ttlSeconds, now = Date.now()) {
      const exp = Math.floor(now / 1000) + ttlSeconds;
      const body = Buffer.from(JSON.stringify({ ...claims, exp })).toString('base64url');
      const signed = `${PREFIX}.${body}`;
      return {
        token: `${signed}.${mac(signed).toString('base64url')}`,
        expiresAt: new Date(exp * 1000),
      };
    },
    verify(token, now = Date.now()) {
      const parts = token.split('.');
      if (parts.length !== 3 || parts[0] !== PREFIX) return null;
      const given = Buffer.from(parts[2] ?? '', 'base64url');
      const expected = mac(`${parts[0]}.${parts[1]}`);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      let claims: SessionClaims;
      try {
        claims = JSON.parse(
          Buffer.from(parts[1] ?? '', 'base64url').toString('utf8'),
        ) as SessionClaims;
      } catch {
        return null;
      }
      if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) return null;
      if (claims.kind !== 'resident' && claims.kind !== 'officer') return null;
      if (typeof claims.sub !== 'string') return null;
      return claims;
    },
  };
}
