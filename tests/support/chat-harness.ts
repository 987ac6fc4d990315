import type { PublicStatusLookup } from '../../common/dossier-contracts.js';
import { silentLogger } from '../../common/logger.js';
import { createDbGapLog, type GapLimits } from '../../api/gaps/gap-store.js';
import { createAssistant } from '../../scripts/lib/create-assistant.js';
import { webChatHandler } from '../../scripts/lib/web-chat-handler.js';
import { testConfig } from './assistant.js';
import { startHarness, type Harness } from './api-harness.js';

/**
 * The real API app with POST /api/chat wired to the real conversation core, and the conversation wired
 * to the API's public status lookup — as `npm start` does.
 */
export async function startChatHarness(
  options: { env?: Record<string, string>; gapLimits?: GapLimits } = {},
): Promise<Harness & { gaps: { settled(): Promise<void> } }> {
  const late: { lookup?: PublicStatusLookup; gaps?: ReturnType<typeof createDbGapLog> } = {};
  const assistant = await createAssistant(testConfig(), silentLogger, {
    // The database gap log `npm start` uses, once the harness's store is open.
    gapLog: { record: (entry) => late.gaps?.record(entry) },
    statusLookup: (reference, phone4, client) => late.lookup!(reference, phone4, client),
  });
  const chat = webChatHandler(assistant.conversation);
  const harness = await startHarness({ chat, ...(options.env ? { env: options.env } : {}) });
  late.lookup = harness.runtime.statusLookup;
  late.gaps = createDbGapLog(harness.runtime.store.db, harness.runtime.counters, {
    ...(options.gapLimits ? { limits: options.gapLimits } : {}),
  });
  return Object.assign(harness, { gaps: late.gaps });
}
