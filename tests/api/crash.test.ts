import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTemplateStore } from '../support/api-harness.js';

describe('crash test (scripts/crash-test.ts)', () => {
  it('loses no acknowledged dossier and leaves no half dossier when the server is SIGKILLed mid-stream', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'motcua-crash-test-'));
    try {
      await (await openTemplateStore(dataDir)).close(); // skip initdb: start from the migrated template
      const run = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'scripts/crash-test.ts',
          '--data-dir',
          dataDir,
          '--kill-after',
          '1.5',
          '--workers',
          '6',
        ],
        { encoding: 'utf8', timeout: 90_000 },
      );
      const summary = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}');
      expect(summary.problems, run.stderr).toEqual([]);
      expect(summary.acknowledgedBeforeKill).toBeGreaterThan(0);
      expect(summary.verifiedAfterRestart).toBe(
        summary.acknowledgedBeforeKill + summary.unknownOutcomeAtKill,
      );
      expect(summary.ok).toBe(true);
      expect(run.status).toBe(0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
