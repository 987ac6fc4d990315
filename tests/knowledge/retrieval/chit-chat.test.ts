import { describe, expect, it } from 'vitest';
import {
  CHIT_CHAT,
  ChitChat,
  detectSmallTalk,
  stripGreeting,
} from '../../../knowledge/retrieval/chit-chat.js';
import { Lexicon } from '../../../knowledge/retrieval/lexicon.js';
import { foldedTokens, tokenize } from '../../../knowledge/text/normalize.js';

const file = ChitChat.load() as unknown as {
  data: Record<string, { list?: Array<{ say: string[]; note: string }> }>;
};

describe('chit-chat.json (the one chit-chat list)', () => {
  it('gives every entry a note and lists no phrase twice for the same reader', () => {
    for (const [name, section] of Object.entries(file.data)) {
      if (!section.list) continue;
      for (const entry of section.list) expect(entry.note.length, name).toBeGreaterThan(5);
      const conversation = section.list
        .filter((e) => (e as { conversation?: boolean }).conversation !== false)
        .flatMap((e) => e.say.map((s) => foldedTokens(s).join(' ')));
      expect(new Set(conversation).size, name).toBe(conversation.length);
    }
  });
});

describe('one classifier, two readers', () => {
  it('answers greetings, thanks, goodbyes, desk questions and secrets in the conversation', () => {
    expect(detectSmallTalk('Chào bạn')).toBe('greeting');
    expect(detectSmallTalk('hi')).toBe('greeting');
    expect(detectSmallTalk('cam ong ban nhe')).toBe('thanks');
    expect(detectSmallTalk('tạm biệt')).toBe('bye');
    expect(detectSmallTalk('mấy giờ mở cửa vậy')).toBe('desk');
    expect(detectSmallTalk('mã OTP của em là 123456')).toBe('sensitive');
    expect(detectSmallTalk('chào bạn, cho hỏi làm giấy khai sinh')).toBeNull();
  });

  it('gives retrieval the same greetings as polite chit-chat and the off-topic subjects', () => {
    const lexicon = new Lexicon([...CHIT_CHAT.lexiconEntries]);
    const kinds = (q: string) =>
      lexicon.match(tokenize(q)).map((m) => (m.entry.polite ? 'polite' : m.entry.kind));
    expect(kinds('xin chào')).toEqual(['polite']);
    expect(kinds('giá vàng hôm nay')).toEqual(['offtopic']);
    expect(kinds('mã otp')).toEqual([]);
  });

  it('is what the bundled lexicon uses for chit-chat', () => {
    const offTopic = Lexicon.load().entries.filter((e) => e.kind === 'offtopic');
    expect(offTopic).toHaveLength(CHIT_CHAT.lexiconEntries.length);
  });
});

describe('stripGreeting (greeting.openers in chit-chat.json)', () => {
  it('lists its words once, each with a note', () => {
    const greeting = file.data.greeting as unknown as Record<
      string,
      { say: string[]; note: string }
    >;
    for (const key of ['openers', 'openerLead']) {
      expect(greeting[key]!.note.length, key).toBeGreaterThan(10);
      expect(new Set(greeting[key]!.say).size).toBe(greeting[key]!.say.length);
    }
  });

  it('removes a leading greeting typed with marks or without, up to the first punctuation', () => {
    expect(stripGreeting('Xin chào ad, cho hỏi làm CCCD ở đâu')).toBe('cho hỏi làm CCCD ở đâu');
    expect(stripGreeting('chao ban! lam cccd o dau')).toBe('lam cccd o dau');
    expect(stripGreeting('hi. đăng ký khai sinh')).toBe('đăng ký khai sinh');
    expect(stripGreeting('hy, đăng ký khai sinh')).toBe('hy, đăng ký khai sinh');
    expect(stripGreeting('chào bạn')).toBe('chào bạn');
    expect(stripGreeting('chảo, đăng ký khai sinh')).toBe('chảo, đăng ký khai sinh');
  });
});
