import type { ChatReply } from '../../common/chat.js';
import type { ConversationContext } from '../context.js';
import type { Turn } from '../turn.js';

/**
 * One thing a resident may mean by a message (a greeting, a dossier lookup, a pick among choices …).
 * The conversation asks each intent in order; the first that returns a reply answers the turn.
 */
export interface Intent {
  /** Short stable name, for logs and tests. */
  readonly name: string;
  /** A reply when this intent recognises the turn, otherwise null (the next intent is asked). */
  handle(turn: Turn, ctx: ConversationContext): Promise<ChatReply | null> | ChatReply | null;
}
