/**
 * @module
 * The only way a request reaches Zalo to check a bearer token. Any string can be sent as a bearer
 * token, so without a gate every random token costs one outbound call to Zalo. The gate remembers
 * answers (valid for a minute, invalid for ten), and limits the calls out per client and overall
 * (counted in the database): past the limit the caller gets a 429 and Zalo is not asked.
 */
import { createHash } from 'node:crypto';
import type { Counters } from '../guard/counters.js';
import { tooMany } from '../middleware/rate-limit.js';
import type { ZaloUser, ZaloUserVerifier } from './zalo-verifier.js';

/** Checks a Zalo access token for `client` (e.g. "ip:…"); null when Zalo says it is not valid. */
export type ZaloGate = (accessToken: string, client: string) => Promise<ZaloUser | null>;

export interface ZaloGateOptions {
  /** Calls to Zalo per client per minute for tokens the gate does not know. */
  perClientPerMinute?: number;
  /** Calls to Zalo per minute from this deployment, whoever asks. */
  overallPerMinute?: number;
  now?: () => number;
}

const VALID_MS = 60_000;
const INVALID_MS = 10 * 60_000;
const MAX_ENTRIES = 20_000;

/** Wraps `verify` with the answer cache and the call-out limits. */
export function createZaloGate(
  verify: ZaloUserVerifier,
  counters: Counters,
  options: ZaloGateOptions = {},
): ZaloGate {
  const perClient = options.perClientPerMinute ?? 30;
  const overall = options.overallPerMinute ?? 600;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { user: ZaloUser | null; until: number }>();
  const message = 'Bạn đăng nhập quá nhiều lần. Vui lòng thử lại sau {seconds} giây.';

  return async (token, client) => {
    const key = createHash('sha256').update(token).digest('base64url');
    const t = now();
    const hit = cache.get(key);
    if (hit && hit.until > t) return hit.user;

    const mine = await counters.hit(`zalo:client:${client}`, 60_000);
    if (mine.count > perClient) throw tooMany(message, mine.resetInMs);
    const all = await counters.hit('zalo:all', 60_000);
    if (all.count > overall) throw tooMany(message, all.resetInMs);

    const user = await verify(token);
    if (cache.size >= MAX_ENTRIES) {
      for (const [k, v] of cache) if (v.until <= t) cache.delete(k);
      if (cache.size >= MAX_ENTRIES) cache.clear();
    }
    cache.set(key, { user, until: t + (user ? VALID_MS : INVALID_MS) });
    return user;
  };
}
