import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a received secret with the expected one in constant time. Both sides are hashed first so
 * that their lengths match (timingSafeEqual needs equal lengths) and the length is not leaked either.
 */
export function secretsEqual(received: string | undefined, expected: string): boolean {
  if (received === undefined) return false;
  const a = createHash('sha256').update(received, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}
