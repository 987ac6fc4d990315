import type { ChatHandler } from '../../api/routes/chat.js';
import { realAssistant } from './assistant.js';
import { startHarness, type Harness } from './api-harness.js';

/** The real API app with POST /api/chat wired to the real conversation core (as `npm start` does). */
export async function startChatHarness(): Promise<Harness> {
  const assistant = await realAssistant();
  const chat: ChatHandler = ({ sessionId, text, action }) =>
    assistant.conversation.handle({
      channel: 'web',
      userId: sessionId,
      text,
      ...(action ? { action } : {}),
    });
  return startHarness({ chat });
}
