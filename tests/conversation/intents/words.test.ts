import { describe, expect, it } from 'vitest';
import {
  FOLLOW_UP_FILLER,
  INTENT_WORDS,
  MORE_PATTERN,
  REJECT_PATTERN,
  type IntentWordsFile,
} from '../../../conversation/intents/words.js';
import { foldForMatching, foldPhrase, type PhraseList } from '../../../knowledge/index.js';

const lists = Object.entries(INTENT_WORDS).filter(
  (entry): entry is [keyof IntentWordsFile & string, PhraseList] => !entry[0].startsWith('_'),
);

describe('conversation/intents/words.json (reviewed word lists)', () => {
  it('gives every list its purpose and every entry a note', () => {
    for (const [name, list] of lists) {
      expect(list._about?.length, name).toBeGreaterThan(20);
      for (const entry of list.list) {
        expect(entry.note.length, `${name}: ${entry.say.join(', ')}`).toBeGreaterThan(10);
        expect(entry.say.length).toBeGreaterThan(0);
      }
    }
  });

  it('lists nothing twice (compared folded)', () => {
    for (const [name, list] of lists) {
      const said = list.list.flatMap((e) => e.say);
      const folded = said.map(foldPhrase);
      expect(
        folded.filter((p, i) => folded.indexOf(p) !== i),
        name,
      ).toEqual([]);
    }
  });

  it('writes follow-up filler one syllable per word', () => {
    for (const word of INTENT_WORDS.followUpFiller.list.flatMap((e) => e.say)) {
      expect(foldPhrase(word).split(' '), word).toHaveLength(1);
    }
  });

  it('matches with marks and without', () => {
    expect(FOLLOW_UP_FILLER.has(foldForMatching('lệ'))).toBe(true);
    expect(MORE_PATTERN.test(foldForMatching('Xem thêm'))).toBe(true);
    expect(MORE_PATTERN.test(foldForMatching('xem them'))).toBe(true);
    expect(MORE_PATTERN.test(foldForMatching('xem thêm về đất'))).toBe(false);
    expect(REJECT_PATTERN.test(foldForMatching('Không phải ạ'))).toBe(true);
    expect(REJECT_PATTERN.test(foldForMatching('sai roi nhe'))).toBe(true);
    expect(REJECT_PATTERN.test(foldForMatching('không phải đâu ạ'))).toBe(false);
    expect(REJECT_PATTERN.test(foldForMatching('không phải đăng ký kết hôn'))).toBe(false);
  });
});
