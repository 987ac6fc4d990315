import { plain } from '../context.js';
import { texts } from '../texts.js';
import type { Intent } from './intent.js';
import { MORE_PATTERN } from './words.js';

/** "xem thêm": the next page of detail about the current procedure. */
export const more: Intent = {
  name: 'more',
  handle(turn, ctx) {
    if (!MORE_PATTERN.test(turn.folded)) return null;
    const { session } = turn;
    const current = session.currentCode ? ctx.deps.catalogue.get(session.currentCode) : undefined;
    return current ? ctx.explain(session, current, '', 'full') : plain(texts.noCurrentForMore);
  },
};
