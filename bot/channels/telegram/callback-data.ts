import { createHash } from 'node:crypto';
import type { ChatAction } from '../../../common/chat.js';
import { BoundedMap } from '../shared/bounded-set.js';

/*
 * Telegram limits callback_data to 64 bytes. Buttons carry `p:<code>` (pick) or `m:<code>` (more);
 * a code too long for that is kept server-side and the button carries a short hash (`p#…`).
 */

const MAX_BYTES = 64;
const PREFIX: Record<ChatAction['type'], string> = { pick: 'p', more: 'm' };
const TYPE: Record<string, ChatAction['type']> = { p: 'pick', m: 'more' };

/** Encodes and decodes button actions within Telegram's 64-byte callback_data limit. */
export class CallbackCodec {
  private readonly long = new BoundedMap<string>(5_000);

  encode(action: ChatAction): string {
    const prefix = PREFIX[action.type];
    const plain = `${prefix}:${action.code}`;
    if (Buffer.byteLength(plain, 'utf8') <= MAX_BYTES) return plain;
    const id = createHash('sha256').update(action.code).digest('base64url').slice(0, 16);
    this.long.set(id, action.code);
    return `${prefix}#${id}`;
  }

  /** The action a button stands for, or undefined for data we did not make (or have forgotten). */
  decode(data: string): ChatAction | undefined {
    const type = TYPE[data.slice(0, 1)];
    if (!type) return undefined;
    const rest = data.slice(2);
    if (data[1] === ':' && rest) return { type, code: rest };
    if (data[1] === '#') {
      const code = this.long.get(rest);
      return code ? { type, code } : undefined;
    }
    return undefined;
  }
}
