import { classifySmallTalk } from '../../knowledge/index.js';
import { plain } from '../context.js';
import { texts } from '../texts.js';
import type { Intent } from './intent.js';

/** Greetings, thanks, goodbyes, questions about the desk itself, and secrets sent by mistake. */
export const smallTalk: Intent = {
  name: 'small-talk',
  handle(turn, ctx) {
    const kind = classifySmallTalk(turn.folded);
    const { desk } = ctx.deps;
    switch (kind) {
      case 'sensitive':
        return plain(texts.sensitive);
      case 'greeting':
        return plain(texts.greeting(desk));
      case 'thanks':
        return plain(texts.thanks);
      case 'desk':
        return plain(texts.desk(desk));
      case 'bye':
        ctx.forget(turn.key);
        return plain(texts.bye);
      default:
        return null;
    }
  },
};
