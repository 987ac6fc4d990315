import { plain } from '../context.js';
import { texts } from '../texts.js';
import type { Intent } from './intent.js';

/** A pressed button: a choice picked, or "xem thêm" (the next page of detail) about a procedure. */
export const button: Intent = {
  name: 'button',
  handle(turn, ctx) {
    const action = turn.message.action;
    if (!action) return null;
    const { session } = turn;
    const procedure = ctx.deps.catalogue.get(action.code);
    if (!procedure) return plain(texts.unknownChoice);
    if (action.type === 'more') return ctx.explain(session, procedure, '', 'full');
    const question = session.pendingQuestion ?? '';
    session.pendingQuestion = null;
    session.alternatives = [];
    return ctx.explain(session, procedure, question);
  },
};
