import { describe, expect, it } from 'vitest';
import { offeredHits } from '../../../knowledge/retrieval/retriever.js';

const hit = (code: string, name: string, score: number) => ({ code, name, score });
const hits = [
  hit('1', 'Đăng ký khai sinh', 0.8),
  hit('2', 'Đăng ký khai sinh', 0.79),
  hit('3', 'Đăng ký lại khai sinh', 0.78),
  hit('4', 'Đăng ký khai sinh lưu động', 0.77),
  hit('5', 'Đăng ký khai tử', 0.7),
];

describe('what a resident is offered', () => {
  it('is the first hit when the retriever is sure, nothing when it declines', () => {
    expect(offeredHits({ answered: true, hits, unsure: false }).map((h) => h.code)).toEqual(['1']);
    expect(offeredHits({ answered: false, hits, unsure: true })).toEqual([]);
  });

  it('is three different procedures when unsure: copies under one name count once', () => {
    expect(offeredHits({ answered: true, hits, unsure: true }).map((h) => h.code)).toEqual([
      '1',
      '3',
      '4',
    ]);
  });

  it('is the retriever’s own choices when it gives them', () => {
    const choices = [hits[0]!, hits[2]!, hits[4]!];
    expect(offeredHits({ answered: true, hits, unsure: true, choices }).map((h) => h.code)).toEqual(
      ['1', '3', '5'],
    );
  });
});
