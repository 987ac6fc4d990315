import type { ChatAction, ChatReply } from '../../../common/chat.js';
import { BoundedMap } from './bounded-set.js';

/*
 * Zalo has no buttons, so clarifying choices are shown as "1. …", "2. …" and the resident answers
 * with the number (or "xem thêm"). This remembers, per person, what the last reply offered, so that
 * the very next message can be read as that pick.
 */

interface Offer {
  choices: ChatReply['choices'];
  moreCode: string | undefined;
  at: number;
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[.!?,;:“”"']/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const MORE = new Set(['xem them', 'them', 'chi tiet', 'xem chi tiet', 'xem day du']);

/** Remembers the numbered options shown to each person and resolves their next answer. */
export class PendingChoices {
  private readonly offers: BoundedMap<Offer>;

  constructor(
    private readonly ttlMs = 30 * 60_000,
    capacity = 10_000,
    private readonly now: () => number = Date.now,
  ) {
    this.offers = new BoundedMap(capacity);
  }

  /** Records what `reply` offered to `key` (or forgets, when it offered nothing). */
  remember(key: string, reply: ChatReply): void {
    const moreCode = reply.hasMore ? reply.procedure?.code : undefined;
    if (reply.choices.length === 0 && !moreCode) {
      this.offers.delete(key);
      return;
    }
    this.offers.set(key, { choices: reply.choices, moreCode, at: this.now() });
  }

  /**
   * Reads `text` as an answer to the last offer: a choice number or "xem thêm". Any message consumes
   * the offer, so a later bare "2" is not misread as a pick.
   */
  resolve(key: string, text: string): { action: ChatAction; label: string } | undefined {
    const offer = this.offers.get(key);
    if (!offer) return undefined;
    this.offers.delete(key);
    if (this.now() - offer.at > this.ttlMs) return undefined;
    const folded = fold(text);
    const number = /^(?:so )?(\d{1,2})$/.exec(folded);
    if (number) {
      const choice = offer.choices[Number(number[1]) - 1];
      return choice
        ? { action: { type: 'pick', code: choice.code }, label: choice.label }
        : undefined;
    }
    if (offer.moreCode && MORE.has(folded)) {
      return { action: { type: 'more', code: offer.moreCode }, label: 'xem thêm' };
    }
    return undefined;
  }
}
