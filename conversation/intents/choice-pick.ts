import type { Intent } from './intent.js';

/** A number ("1", "2", "3") picks one of the choices just offered (Zalo has no buttons). */
export const choicePick: Intent = {
  name: 'choice-pick',
  handle(turn, ctx) {
    if (!/^\d$/.test(turn.folded)) return null;
    const { session } = turn;
    const code = session.lastChoices[Number(turn.folded) - 1];
    const procedure = code ? ctx.deps.catalogue.get(code) : undefined;
    if (!procedure) return null;
    const question = session.pendingQuestion ?? '';
    session.pendingQuestion = null;
    return ctx.explain(session, procedure, question);
  },
};
