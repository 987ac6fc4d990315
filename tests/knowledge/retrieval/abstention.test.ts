import { describe, expect, it } from 'vitest';
import { ConceptCoverage } from '../../../knowledge/retrieval/abstention.js';
import { Bm25Index } from '../../../knowledge/retrieval/bm25.js';
import type { QueryConcept } from '../../../knowledge/retrieval/query-analyzer.js';

const index = Bm25Index.build([
  { name: 'đăng ký khai sinh', field: 'hộ tịch', body: 'tờ khai' },
  { name: 'đăng ký kết hôn', field: 'hộ tịch', body: 'giấy khai sinh của hai bên' },
]);

/** A concept of folded syllables, each accepting its own form only. */
const concept = (words: string, weight = 1, fromLexicon = false): QueryConcept => ({
  syllables: words.split(' ').map((w) => ({ folded: w, accepts: [w] })),
  weight,
  fromLexicon,
});

describe('ConceptCoverage', () => {
  it('tells a procedure named by the question from one that only mentions it in its papers', () => {
    const coverage = new ConceptCoverage([concept('khai sinh')], index);
    expect(coverage.of(0)).toEqual({ coverage: 1, nameCoverage: 1 });
    expect(coverage.of(1)).toEqual({ coverage: 1, nameCoverage: 0 });
  });

  it('weighs a concept by rarity and counts words the catalogue never uses as missing', () => {
    const coverage = new ConceptCoverage([concept('ket hon'), concept('xyzzy')], index);
    const onMarriage = coverage.of(1);
    expect(onMarriage.nameCoverage).toBeGreaterThan(0);
    expect(onMarriage.nameCoverage).toBeLessThan(1);
    expect(coverage.of(0).nameCoverage).toBe(0);
  });

  it('gives nothing for a query without concepts', () => {
    expect(new ConceptCoverage([], index).of(0)).toEqual({ coverage: 0, nameCoverage: 0 });
  });
});
