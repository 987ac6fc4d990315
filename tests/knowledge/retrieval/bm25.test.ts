import { describe, expect, it } from 'vitest';
import { Bm25Index, IN_BODY, IN_FIELD, IN_NAME } from '../../../knowledge/retrieval/bm25.js';
import { accentTerm } from '../../../knowledge/retrieval/terms.js';

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

describe('Bm25Index.build', () => {
  const fields = [
    { name: 'khai sinh', field: 'hộ tịch', body: 'tờ khai đăng ký khai sinh' },
    { name: 'kết hôn', field: 'hộ tịch', body: 'tờ khai đăng ký kết hôn' },
    { name: 'cấp thẻ căn cước', field: 'căn cước', body: 'ảnh' },
  ];
  const built = Bm25Index.build(fields);

  it('records where each term occurs, per procedure, with accented forms and bigrams', () => {
    expect(built.flagsOf('sinh', 0)).toBe(IN_NAME | IN_BODY);
    expect(built.flagsOf('ho tich', 1)).toBe(IN_FIELD);
    expect(built.flagsOf('can cuoc', 2)).toBe(IN_NAME | IN_FIELD);
    expect(built.flagsOf('sinh', 1)).toBe(0);
    expect(built.df('to khai')).toBe(2);
    expect(built.df('anh')).toBe(1);
    expect(built.accentTerms()).toContain(accentTerm('cước'));
  });

  it("keeps terms sorted and each term's procedures in order", () => {
    const { terms, offsets, docs } = built.data;
    expect([...terms].sort()).toEqual(terms);
    for (let t = 0; t < terms.length; t += 1) {
      const list = [...docs.subarray(offsets[t]!, offsets[t + 1]!)];
      expect([...list].sort((a, b) => a - b)).toEqual(list);
    }
  });

  it('ranks a name match above the same words in the documents list', () => {
    expect(
      built
        .search(
          new Map([
            ['khai', 1],
            ['sinh', 1],
          ]),
          3,
        )
        .map((s) => s.doc),
    ).toEqual([0, 1]);
  });
});
