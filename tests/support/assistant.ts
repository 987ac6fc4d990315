import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../common/config.js';
import { silentLogger } from '../../common/logger.js';
import { createMemoryGapLog } from '../../knowledge/index.js';
import { createAssistant, type Assistant } from '../../scripts/lib/create-assistant.js';

/** Desk contact used by tests (the configured one-stop desk). */
export const TEST_DESK_PHONE = '0237 3 999 888';

/** Test configuration: offline defaults, a temp data dir and the shared prebuilt index. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'motcua-data-')),
    INDEX_DIR: inject('indexDir'),
    DESK_PHONE: TEST_DESK_PHONE,
    LOG_SILENT: 'true',
    ...env,
  });
}

/** The real assistant (catalogue, index, answers, conversation) with an in-memory gap log. */
export async function realAssistant(): Promise<
  Assistant & { gaps: ReturnType<typeof createMemoryGapLog> }
> {
  const gaps = createMemoryGapLog();
  const assistant = await createAssistant(testConfig(), silentLogger, { gapLog: gaps });
  return { ...assistant, gaps };
}
