import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../api/auth/password.js';
import { createSessionSigner } from '../../api/auth/session-token.js';
import { newReference } from '../../api/dossiers/reference.js';
import { normaliseReference, REFERENCE_PATTERN } from '../../common/dossier-schema.js';

describe('session tokens', () => {
  const signer = createSessionSigner('a-secret-of-sufficient-length-0123456789');

  it('round-trips claims until they expire', () => {
    const now = Date.now();
    const { token, expiresAt } = signer.sign(
      { kind: 'resident', sub: 'zalo:1', name: 'An' },
      60,
      now,
    );
    expect(expiresAt.getTime()).toBe(Math.floor(now / 1000) * 1000 + 60_000);
    expect(signer.verify(token, now)).toMatchObject({
      kind: 'resident',
      sub: 'zalo:1',
      name: 'An',
    });
    expect(signer.verify(token, now + 61_000)).toBeNull();
  });

  it('rejects tampered tokens and tokens signed with another secret', () => {
    const { token } = signer.sign({ kind: 'officer', sub: 'o1', name: null }, 60);
    const [prefix, claims, mac] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ kind: 'officer', sub: 'o2', name: null, exp: 9e9 }),
    ).toString('base64url');
    expect(signer.verify(`${prefix}.${forged}.${mac}`)).toBeNull();
    expect(signer.verify(`${prefix}.${claims}.${mac}x`)).toBeNull();
    expect(createSessionSigner('another-secret-of-sufficient-length-01').verify(token)).toBeNull();
    expect(signer.verify('not a token')).toBeNull();
  });
});

describe('officer passwords', () => {
  it('verifies the right password only', async () => {
    const hash = await hashPassword('Mật khẩu đúng 123');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('Mật khẩu đúng 123', hash)).toBe(true);
    expect(await verifyPassword('mật khẩu đúng 123', hash)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
});

describe('dossier references', () => {
  it('are 8 characters from the unambiguous alphabet with digits at positions 3 and 6', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const ref = newReference();
      expect(ref).toMatch(REFERENCE_PATTERN);
      expect(ref).not.toMatch(/[IOQZ01]/);
      seen.add(ref);
    }
    expect(seen.size).toBe(2000);
  });

  it('accept what people type: lower case, spaces, dashes', () => {
    expect(normaliseReference(' ab3-cd4 ef ')).toBe('AB3CD4EF');
  });
});
