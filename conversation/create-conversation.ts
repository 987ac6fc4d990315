import { createContext, type ConversationDeps } from './context.js';
import { button } from './intents/button.js';
import { choicePick } from './intents/choice-pick.js';
import { commune } from './intents/commune.js';
import { dossierLookup } from './intents/dossier-lookup.js';
import { followUp } from './intents/follow-up.js';
import type { Intent } from './intents/intent.js';
import { more } from './intents/more.js';
import { question } from './intents/question.js';
import { reject } from './intents/reject.js';
import { smallTalk } from './intents/small-talk.js';
import { unreadable } from './intents/unreadable.js';
import { SessionStore } from './session-store.js';
import { readTurn } from './turn.js';
import type { Conversation } from './types.js';

export type { ConversationDeps } from './context.js';

/**
 * The intents in the order they are asked; the first that recognises a turn answers it. `question`
 * recognises everything, so it is last.
 */
export const INTENTS: readonly Intent[] = [
  button,
  unreadable,
  dossierLookup,
  smallTalk,
  choicePick,
  more,
  reject,
  commune,
  followUp,
  question,
];

/**
 * The platform-free conversation core: small talk, dossier lookups, retrieval with clarification and
 * abstention, grounded answers, follow-ups on the current procedure, and "xem thêm". Every channel
 * (web chat, bots, CLI) talks to it.
 */
export function createConversation(
  deps: ConversationDeps,
  intents: readonly Intent[] = INTENTS,
): Conversation {
  const sessions = new SessionStore(deps.sessionTtlMinutes * 60_000, 50_000, deps.now);
  const ctx = createContext(deps, sessions);
  return {
    async handle(message) {
      const key = `${message.channel}:${message.userId}`;
      const turn = readTurn(message, key, sessions.get(key));
      for (const intent of intents) {
        const reply = await intent.handle(turn, ctx);
        if (reply) return reply;
      }
      // Unreachable with the default list (`question` always answers); a custom list may end early.
      throw new Error('no intent answered the turn');
    },
  };
}
