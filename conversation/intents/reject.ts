import type { Procedure } from '../../knowledge/index.js';
import { plain } from '../context.js';
import { texts } from '../texts.js';
import type { Intent } from './intent.js';
import { REJECT_PATTERN } from './words.js';

/** "không phải": the answer was about the wrong procedure; offer the runners-up. */
export const reject: Intent = {
  name: 'reject',
  handle(turn, ctx) {
    if (!REJECT_PATTERN.test(turn.folded)) return null;
    const { session } = turn;
    const options = session.alternatives
      .map((c) => ctx.deps.catalogue.get(c))
      .filter((p): p is Procedure => p !== undefined)
      .slice(0, 3);
    session.currentCode = null;
    session.alternatives = [];
    if (options.length === 0) return plain(texts.rejectedNoOptions(ctx.deps.desk));
    return ctx.offer(session, options, texts.rejected);
  },
};
