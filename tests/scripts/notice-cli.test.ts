import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertOfficer } from '../../api/store/officer-repository.js';
import { openTemplateStore } from '../support/api-harness.js';

/* `npm run notice`: an officer schedules a notice from a template and reads its ledger. */

let dataDir: string;

function cli(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/notice.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_SILENT: 'true' },
    timeout: 90_000,
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'motcua-notice-cli-'));
  const store = await openTemplateStore(dataDir);
  await upsertOfficer(store.db, {
    username: 'can.bo.xa',
    passwordHash: 'scrypt$x',
    communeCode: '15124',
    role: 'officer',
    displayName: 'Lê Văn Bình',
  });
  await store.close();
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe('npm run notice', () => {
  it('prints help, refuses an unfilled template, schedules one, shows it in the ledger, cancels it', () => {
    const help = cli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/npm run notice -- <lệnh>/);

    const missing = cli(['send', '--as', 'can.bo.xa', '--template', 'hop-thon', '--commune-wide']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/còn thiếu: --set thon=…/);

    const at = new Date(Date.now() + 86_400_000).toISOString();
    const sent = cli([
      'send',
      '--as',
      'can.bo.xa',
      '--template',
      'hop-thon',
      ...['--set', 'thon=Thôn Đông', '--set', 'gio=19h30', '--set', 'ngay=12/12'],
      ...['--set', 'dia_diem=nhà văn hoá', '--set', 'noi_dung=bầu trưởng thôn'],
      '--village',
      'Thôn Đông',
      '--at',
      at,
    ]);
    expect(sent.status, sent.stderr).toBe(0);
    const notice = JSON.parse(sent.stdout);
    expect(notice).toMatchObject({
      title: 'Thông báo họp Thôn Đông',
      status: 'scheduled',
      createdBy: 'Lê Văn Bình',
    });
    expect(notice.body).toContain('19h30 ngày 12/12 tại nhà văn hoá');

    const cancelled = cli(['cancel', notice.id, '--as', 'can.bo.xa']);
    expect(cancelled.status, cancelled.stderr).toBe(0);
    expect(JSON.parse(cancelled.stdout).status).toBe('cancelled');
  }, 300_000);
});
