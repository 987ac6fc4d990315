/**
 * A second `npm start` on a PGlite folder another live process holds is refused with one clear
 * Vietnamese line and exit code 1 — not an uncaught stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, inject, it } from 'vitest';
import { openTemplateStore } from '../support/api-harness.js';

it('refuses a second server on the same PGlite folder with one clear line', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'motcua-second-'));
  const store = await openTemplateStore(dataDir);
  try {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        // The shared prebuilt index: building one would keep the process busy before it opens the store.
        INDEX_DIR: inject('indexDir'),
        DATABASE_URL: '',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_SILENT: 'true',
        TELEGRAM_BOT_TOKEN: '',
        ZALO_BOT_TOKEN: '',
        ZALO_OA_APP_ID: '',
      },
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Không khởi động được: Cơ sở dữ liệu nhúng .* đang được tiến trình \d+ dùng/,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  } finally {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}, 90_000);
