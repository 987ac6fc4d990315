import { plain } from '../context.js';
import { texts } from '../texts.js';
import type { Intent } from './intent.js';

/** Empty messages and messages without a single letter or digit (stickers, binary junk). */
export const unreadable: Intent = {
  name: 'unreadable',
  handle(turn) {
    if (!turn.text) return plain(texts.empty);
    if (turn.unreadable) return plain(texts.unreadable);
    return null;
  },
};
