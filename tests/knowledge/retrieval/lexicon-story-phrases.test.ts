import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../../knowledge/retrieval/lexicon.js';
import { tokenize } from '../../../knowledge/text/normalize.js';

const lexicon = Lexicon.load();

const meaningOf = (question: string) =>
  lexicon
    .match(tokenize(question))
    .map((m) => m.entry.means)
    .filter((m) => m !== '');

describe('lexicon.json: phrases that tell a letter’s story or point back to it', () => {
  it('weighs a marriage told with its place or its years as background, asking to marry as not', () => {
    const told = lexicon
      .match(tokenize('Em gái tôi lấy chồng ở Quảng Xương được bảy năm, nay bị chồng đánh.'))
      .find((m) => m.entry.means === 'đăng ký kết hôn');
    expect(told?.entry.weight).toBeLessThan(1);
    const years = lexicon
      .match(tokenize('Tôi lấy vợ từ năm 2015, nay vợ bỏ đi không rõ tin tức.'))
      .find((m) => m.entry.means === 'đăng ký kết hôn');
    expect(years?.entry.weight).toBeLessThan(1);
    // asking to marry keeps the full weight
    const asked = lexicon
      .match(tokenize('Tháng sau tôi lấy chồng, cần giấy tờ gì?'))
      .find((m) => m.entry.means === 'đăng ký kết hôn');
    expect(asked?.entry.weight ?? 1).toBe(1);
  });

  it('reads "biện pháp này" and "được áp dụng như thế nào" as question words without meaning', () => {
    const tokens = tokenize('Xin hỏi biện pháp đó được áp dụng như thế nào');
    const silent = lexicon.match(tokens).filter((m) => m.entry.means === '');
    // every word of the measure pointed back to and of "áp dụng" is inside a phrase without meaning
    const covered = (word: string) =>
      silent.some((m) => tokens.slice(m.start, m.end).some((t) => t.folded === word));
    for (const word of ['bien', 'phap', 'ap', 'dung']) expect(covered(word), word).toBe(true);
    expect(meaningOf('Xin hỏi biện pháp này áp dụng ra sao')).toEqual([]);
  });
});
