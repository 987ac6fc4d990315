import type { ChatHandler } from '../../api/routes/chat.js';
import type { PublicStatusLookup } from '../../common/dossier-contracts.js';
import { silentLogger } from '../../common/logger.js';
import { createMemoryGapLog } from '../../knowledge/index.js';
import { createAssistant } from '../../scripts/lib/create-assistant.js';
import { testConfig } from './assistant.js';
import { startHarness, type Harness } from './api-harness.js';

/**
 * The real API app with POST /api/chat wired to the real conversation core, and the conversation wired
 * to the API's public status lookup — as `npm start` does.
 */
export async function startChatHarness(
  options: { env?: Record<string, string> } = {},
): Promise<Harness> {
  const late: { lookup?: PublicStatusLookup } = {};
  const assistant = await createAssistant(testConfig(), silentLogger, {
    gapLog: createMemoryGapLog(),
    statusLookup: (reference, phone4, client) => late.lookup!(reference, phone4, client),
  });
  const chat: ChatHandler = ({ sessionId, text, action, client }) =>
    assistant.conversation.handle({
      channel: 'web',
      userId: sessionId,
      ...(client ? { clientKey: client } : {}),
      text,
      ...(action ? { action } : {}),
    });
  const harness = await startHarness({ chat, ...(options.env ? { env: options.env } : {}) });
  late.lookup = harness.runtime.statusLookup;
  return harness;
}
