import { createHash, timingSafeEqual } from 'node:crypto';

/*
 * Zalo OA webhook signature (platforms.md §2.3): header `X-ZEvent-Signature: mac=<hex>` where
 * mac = sha256_hex(app_id + rawBody + timestamp + OA secret key), a plain hash, not an HMAC, over
 * the exact bytes received; `timestamp` is the body's own `timestamp` field (ms, as a string).
 */

/** Computes the expected mac (hex) for a delivery. */
export function computeOaMac(
  appId: string,
  rawBody: Buffer,
  timestamp: string,
  secretKey: string,
): string {
  return createHash('sha256')
    .update(appId, 'utf8')
    .update(rawBody)
    .update(timestamp, 'utf8')
    .update(secretKey, 'utf8')
    .digest('hex');
}

/** Checks the header (with or without the `mac=` prefix) in constant time. */
export function verifyOaSignature(header: string | undefined, expectedHex: string): boolean {
  if (!header) return false;
  const received = header.trim().replace(/^mac=/i, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(received)) return false;
  return timingSafeEqual(Buffer.from(received, 'hex'), Buffer.from(expectedHex, 'hex'));
}
