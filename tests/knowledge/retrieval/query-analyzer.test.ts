import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../knowledge/text/normalize.js';
import { purposeFactors } from '../../../knowledge/retrieval/query-analyzer.js';

/** The syllables that keep less than full weight. */
function weakened(question: string): string[] {
  const tokens = tokenize(question);
  const factors = purposeFactors(question, tokens, 0.4);
  return tokens.filter((_, i) => factors[i]! < 1).map((t) => t.folded);
}

describe('purpose clauses', () => {
  it('weighs down what a request is for, not the request itself', () => {
    expect(weakened('muốn chuyển đất vườn lên thổ cư để xây nhà')).toEqual(['xay', 'nha']);
    expect(weakened('muon chuyen dat vuon len tho cu de xay nha')).toEqual(['xay', 'nha']);
    // Only to the end of the sentence part.
    expect(weakened('xin giấy xác nhận để nộp hồ sơ, làm nhanh không')).toEqual([
      'nop',
      'ho',
      'so',
    ]);
  });

  it('keeps the topic when "để" introduces it or means something else', () => {
    expect(weakened('cần giấy tờ gì để đăng ký khai sinh')).toEqual([]);
    expect(weakened('bo mat khong de lai di chuc thi chia dat the nao')).toEqual([]);
    expect(weakened('nop don de nghi cap lai so ho khau')).toEqual([]);
  });
});
