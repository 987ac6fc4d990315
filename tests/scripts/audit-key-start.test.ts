/**
 * `npm start` without the audit key it needs stops with one clear line, not a stack trace: in
 * production on PostgreSQL a key must be configured, and a configured key file must exist.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'motcua-audit-start-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      INDEX_DIR: inject('indexDir'),
      DATABASE_URL: '',
      AUDIT_KEY: '',
      AUDIT_KEY_FILE: '',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_SILENT: 'true',
      TELEGRAM_BOT_TOKEN: '',
      ZALO_BOT_TOKEN: '',
      ZALO_OA_APP_ID: '',
      ...env,
    },
    timeout: 90_000,
  });
}

it('refuses production on PostgreSQL without an audit key', () => {
  const run = start({ NODE_ENV: 'production', DATABASE_URL: 'postgres://postgres@127.0.0.1:1/x' });
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(
    /^Cấu hình không hợp lệ \/ invalid configuration:\n {2}- AUDIT_KEY: cần khóa kiểm toán khi chạy production với PostgreSQL \/ required with NODE_ENV=production and DATABASE_URL: set AUDIT_KEY or AUDIT_KEY_FILE[^\n]*\n$/,
  );
}, 120_000);

it('refuses a configured key file that is not there, in one line', () => {
  const missing = path.join(dataDir, 'secrets', 'audit-key');
  const run = start({ AUDIT_KEY_FILE: missing });
  expect(run.status).toBe(1);
  expect(run.stderr).toBe(
    `Không khởi động được: không tìm thấy khóa kiểm toán / audit key not found at ${missing} (set AUDIT_KEY or AUDIT_KEY_FILE to the key the server signs with)\n`,
  );
}, 120_000);
