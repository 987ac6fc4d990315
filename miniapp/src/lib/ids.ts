/** A random id for an Idempotency-Key or a trial device key (URL-safe, ≥ 22 characters). */
export function randomId(prefix = ''): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return prefix + s;
}
