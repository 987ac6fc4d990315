import { foldForMatching } from '../../knowledge/index.js';
import type { Intent } from './intent.js';
import { FOLLOW_UP_FILLER } from './words.js';

/**
 * True when every word of the (folded) question is filler or an attribute word (words.json
 * `followUpFiller`): then it refers to the current procedure ("còn lệ phí thì sao?").
 */
export function onlyFiller(foldedQuestion: string): boolean {
  const words = foldedQuestion.split(' ').filter(Boolean);
  return words.length > 0 && words.every((w) => FOLLOW_UP_FILLER.has(w));
}

/** A question about another part of the current procedure ("còn lệ phí thì sao?"). */
export const followUp: Intent = {
  name: 'follow-up',
  handle(turn, ctx) {
    const { session } = turn;
    if (!session.currentCode) return null;
    // The greeting-stripped question differs from the text only when a greeting led the message.
    const folded = turn.question === turn.text ? turn.folded : foldForMatching(turn.question);
    if (!onlyFiller(folded)) return null;
    const current = ctx.deps.catalogue.get(session.currentCode);
    return current ? ctx.explain(session, current, turn.question) : null;
  },
};
