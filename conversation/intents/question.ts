import { texts } from '../texts.js';
import type { Intent } from './intent.js';

/** Everything else is a question about a procedure: search, then answer, ask back or abstain. */
export const question: Intent = {
  name: 'question',
  async handle(turn, ctx) {
    const reply = await ctx.search(turn);
    if (turn.truncated) reply.text = `${texts.tooLong}\n\n${reply.text}`;
    return reply;
  },
};
