import { describe, expect, it } from 'vitest';
import { fuseScores, minMaxNormalize } from '../../../knowledge/retrieval/fusion.js';

describe('minMaxNormalize', () => {
  it('maps the best score to 1 and the worst to 0, linearly', () => {
    expect(minMaxNormalize([10, 5, 0])).toEqual([1, 0.5, 0]);
  });

  it('treats a single or all-equal scores as full marks, and an empty list as empty', () => {
    expect(minMaxNormalize([3.2])).toEqual([1]);
    expect(minMaxNormalize([2, 2])).toEqual([1, 1]);
    expect(minMaxNormalize([])).toEqual([]);
  });
});

describe('fuseScores', () => {
  const lexical = new Map([
    [1, 40],
    [2, 20],
    [3, 0],
  ]);
  const dense = new Map([
    [2, 0.9],
    [4, 0.3],
  ]);

  it('combines normalised scores with the given weights, missing lists counting 0', () => {
    const fused = fuseScores(lexical, dense, { lexical: 0.8, dense: 0.2 });
    expect(fused.get(1)).toBeCloseTo(0.8);
    expect(fused.get(2)).toBeCloseTo(0.8 * 0.5 + 0.2 * 1);
    expect(fused.get(3)).toBeCloseTo(0);
    expect(fused.get(4)).toBeCloseTo(0);
  });

  it('lets the weights decide between the two rankings', () => {
    const lexicalHeavy = fuseScores(lexical, dense, { lexical: 0.9, dense: 0.1 });
    const denseHeavy = fuseScores(lexical, dense, { lexical: 0.1, dense: 0.9 });
    expect(lexicalHeavy.get(1)! > lexicalHeavy.get(2)!).toBe(true);
    expect(denseHeavy.get(2)! > denseHeavy.get(1)!).toBe(true);
  });
});
