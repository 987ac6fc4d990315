import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../knowledge/text/normalize.js';
import { Lexicon } from '../../../knowledge/retrieval/lexicon.js';
import { accentTerm } from '../../../knowledge/retrieval/terms.js';
import {
  DEFAULT_QUERY_WEIGHTS,
  QueryAnalyzer,
} from '../../../knowledge/retrieval/query-analyzer.js';

describe('typo repair', () => {
  const vocabulary = new Map([
    ['dang', 900],
    ['ky', 900],
    ['thuoc', 400],
    ['thuong', 120],
    ['tru', 80],
    ['bao', 300],
    ['ve', 300],
  ]);
  const pairs = new Map([
    ['dang ky', 800],
    ['ky thuoc', 30],
    ['thuong tru', 60],
    ['bao ve', 200],
  ]);
  const analyzer = new QueryAnalyzer(
    new Lexicon([]),
    vocabulary,
    ['thuốc', 'thương', 'thường', 'thước'].map(accentTerm),
    DEFAULT_QUERY_WEIGHTS,
    (pair) => pairs.get(pair) ?? 0,
  );
  const repaired = (q: string) =>
    analyzer
      .repair(tokenize(q))
      .map((t) => t.folded)
      .join(' ');

  it('repairs a typo to the word that fits its neighbours, not the most frequent one', () => {
    expect(repaired('dang ky thuog tru')).toBe('dang ky thuong tru');
    expect(repaired('đăng ky thươg trú')).toBe('dang ky thuong tru');
  });

  it('falls back to the most frequent word when the neighbours say nothing', () => {
    expect(repaired('thuog')).toBe('thuoc');
  });
});
