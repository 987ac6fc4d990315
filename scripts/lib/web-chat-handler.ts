import type { ChatHandler } from '../../api/routes/chat.js';
import type { Conversation } from '../../conversation/types.js';

/**
 * The web chat route's turn handler: a browser session is the conversation's user, and the caller's
 * client key (never the client-chosen session id) is what limits and gap counts use.
 */
export function webChatHandler(conversation: Conversation): ChatHandler {
  return ({ sessionId, text, action, client }) =>
    conversation.handle({
      channel: 'web',
      userId: sessionId,
      ...(client ? { clientKey: client } : {}),
      text,
      ...(action ? { action } : {}),
    });
}
