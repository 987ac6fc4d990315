import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditKeyError, auditKeyFrom, loadAuditKey } from '../../../api/audit/audit-key.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'motcua-audit-key-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the audit key', () => {
  it('is generated once beside the database folder, readable by its owner only, and reused', async () => {
    const file = path.join(dir, 'data', 'audit-key');
    const first = await loadAuditKey({ keyFile: file, generate: true });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const again = await loadAuditKey({ keyFile: file, generate: true });
    expect(again.mac('x')).toBe(first.mac('x'));
    // The MAC is the key's only use: nothing on the object reveals the key itself.
    expect(JSON.stringify(first)).not.toContain((await readFile(file, 'utf8')).trim());
    expect(first.mac('x')).toBe(auditKeyFrom((await readFile(file, 'utf8')).trim()).mac('x'));
  });

  it('prefers AUDIT_KEY and never creates a configured key file', async () => {
    const configured = await loadAuditKey({
      key: 'k'.repeat(40),
      keyFile: path.join(dir, 'unused'),
      generate: true,
    });
    expect(configured.mac('x')).toBe(auditKeyFrom('k'.repeat(40)).mac('x'));
    await expect(
      loadAuditKey({ keyFile: path.join(dir, 'missing-secret'), generate: false }),
    ).rejects.toThrow(AuditKeyError);
    await expect(
      loadAuditKey({ keyFile: path.join(dir, 'missing-secret'), generate: false }),
    ).rejects.toThrow(/audit key not found at .*missing-secret/);
  });

  it('refuses a key file that is too short', async () => {
    const file = path.join(dir, 'short');
    await writeFile(file, 'abc\n');
    await expect(loadAuditKey({ keyFile: file, generate: true })).rejects.toThrow(
      /shorter than 32/,
    );
  });
});

describe('the audit key created by processes starting together', () => {
  it('is never read half-written: every starter gets the one key', async () => {
    // Four servers on one fresh data folder (tests/api/migrations.test.ts) read the file while the
    // first was still writing it and stopped with "khóa kiểm toán quá ngắn".
    for (let round = 0; round < 20; round += 1) {
      const dir = await mkdtemp(path.join(tmpdir(), 'motcua-key-race-'));
      try {
        const keyFile = path.join(dir, 'audit-key');
        const keys = await Promise.all(
          Array.from({ length: 8 }, () => loadAuditKey({ keyFile, generate: true })),
        );
        expect(new Set(keys.map((k) => k.mac('x'))).size).toBe(1);
        expect((await readdir(dir)).sort()).toEqual(['audit-key']);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  });
});
