import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../../knowledge/retrieval/bm25.js';

const NAMES = [
  'đăng ký khai sinh',
  'đăng ký kết hôn',
  'cấp thẻ căn cước',
  'khai sinh',
  'đăng ký kết hôn', // an exact copy of 1: a tie
];
const index = Bm25Index.build(NAMES.map((name) => ({ name, field: '', body: '' })));
const q = (...terms: string[]) => new Map(terms.map((t) => [t, 1]));

describe('Bm25Index.search', () => {
  it('returns the best documents first, at most `limit`, ties in document order', () => {
    const all = index.search(q('dang', 'ky', 'ket'), 10);
    expect(all.map((s) => s.doc)).toEqual([1, 4, 0]);
    const scores = all.map((s) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(index.search(q('khai', 'sinh', 'dang'), 1).map((s) => s.doc)).toEqual([0]);
  });

  it('leaves no score behind for the next search', () => {
    index.search(q('can', 'cuoc'), 1);
    expect(index.search(q('the'), 5).map((s) => s.doc)).toEqual([2]);
    expect(index.search(q('unknown'), 5)).toEqual([]);
    expect(index.search(q('dang'), 0)).toEqual([]);
  });
});
