import { gettingReadyReply } from '../../common/chat.js';
import type { Conversation } from '../../conversation/types.js';

/**
 * A conversation that answers at once: until `ready` resolves, every turn gets the polite
 * "getting ready" reply (nothing waits on a search index being built); afterwards the real one answers.
 */
export function conversationWhenReady(ready: Promise<Conversation>): Conversation {
  let real: Conversation | undefined;
  void ready.then(
    (conversation) => {
      real = conversation;
    },
    () => undefined,
  );
  return {
    handle: async (message) => (real ? real.handle(message) : gettingReadyReply()),
  };
}
