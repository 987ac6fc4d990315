import { describe, expect, it } from 'vitest';
import {
  backgroundFactors,
  clauseIds,
  purposeFactors,
  sentenceParts,
} from '../../../knowledge/retrieval/clause-weights.js';
import type { Token } from '../../../knowledge/text/normalize.js';

type FactorRule = (
  tokens: readonly Token[],
  clause: readonly number[],
  share: number,
  minMainRequest: number,
) => number[];

/** Tokens and sentence part of each, as the query analyser sees a question. */
function split(question: string) {
  const parts = sentenceParts(question);
  return { tokens: parts.flat(), clause: clauseIds(parts) };
}

/** The syllables a weighting rule leaves with less than full weight. */
const weakenedBy = (rule: FactorRule) => (question: string) => {
  const { tokens, clause } = split(question);
  const factors = rule(tokens, clause, 0.5, 2);
  return tokens.filter((_, i) => factors[i]! < 1).map((t) => t.folded);
};
const weakened = weakenedBy(purposeFactors);

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

  it('looks for the main request in the same sentence part, not in the story before it', () => {
    // A letter's story names plenty of things; "Tôi phải làm gì" has no request of its own.
    expect(
      weakened('tôi hưởng chế độ bệnh binh ở ninh bình, tôi phải làm gì để chuyển chế độ về'),
    ).toEqual([]);
  });
});

describe('situation told before the request', () => {
  const background = weakenedBy(backgroundFactors);

  it('weighs down the story before "giờ"/"bây giờ"/"nay"', () => {
    expect(background('bố mất rồi, giờ muốn đổi chủ hộ sang tên mẹ')).toEqual(['bo', 'mat', 'roi']);
    expect(background('toi da ly hon, bay gio muon lay vo khac')).toEqual([
      'toi',
      'da',
      'ly',
      'hon',
    ]);
  });

  it('keeps everything when the request part says nothing of its own or there is no turn', () => {
    expect(background('giấy khai sinh bị mất, giờ làm sao')).toEqual([]);
    expect(background('làm giấy khai sinh mất mấy giờ')).toEqual([]);
  });
});

describe('purpose clauses after a request with no recognised topic', () => {
  it('keep their weight when the caller says nothing before "để" names a topic', () => {
    const { tokens, clause } = split('diện tích đất tối thiểu để tách thửa là bao nhiêu');
    expect(purposeFactors(tokens, clause, 0.25, 2, () => false).every((f) => f === 1)).toBe(true);
    expect(purposeFactors(tokens, clause, 0.25, 2).some((f) => f < 1)).toBe(true);
  });
});
