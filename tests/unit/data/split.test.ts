import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitCounts, stratifiedSplit } from '../../../src/data/split';

function labelsFor(counts: number[]): number[] {
  return counts.flatMap((n, c) => Array.from({ length: n }, () => c));
}

describe('splitCounts', () => {
  it('gives 70/10/20 exactly when n is a multiple of 10', () => {
    expect(splitCounts(500)).toEqual({ total: 500, train: 350, val: 50, test: 100 });
  });

  it('handles tiny classes as documented', () => {
    const table = [0, 1, 2, 3, 4, 5, 6].map((n) => splitCounts(n)).map((c) => [c.train, c.val, c.test]);
    expect(table).toEqual([
      [0, 0, 0],
      [1, 0, 0],
      [2, 0, 0],
      [2, 0, 1],
      [3, 0, 1],
      [4, 0, 1],
      [4, 1, 1],
    ]);
  });

  it('is within one image of the exact proportion and sums to n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), (n) => {
        const c = splitCounts(n);
        expect(c.train + c.val + c.test).toBe(n);
        expect(Math.abs(c.train - 0.7 * n)).toBeLessThan(1);
        expect(Math.abs(c.val - 0.1 * n)).toBeLessThan(1);
        expect(Math.abs(c.test - 0.2 * n)).toBeLessThan(1);
      }),
    );
  });

  it('rejects fractions that do not sum to 1', () => {
    expect(() => splitCounts(10, { train: 0.5, val: 0.1, test: 0.2 })).toThrow(/sum to 1/);
  });
});

describe('stratifiedSplit', () => {
  it('splits every class within one image of 70/10/20 and covers each index once', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 8 }), fc.integer(), (counts, seed) => {
        const labels = labelsFor(counts);
        const s = stratifiedSplit(labels, counts.length, seed);
        const all = [...s.train, ...s.val, ...s.test].sort((a, b) => a - b);
        expect(all).toEqual(labels.map((_, i) => i));
        counts.forEach((n, c) => {
          const inSplit = (idx: number[]) => idx.filter((i) => labels[i] === c).length;
          expect(Math.abs(inSplit(s.train) - 0.7 * n)).toBeLessThan(1);
          expect(Math.abs(inSplit(s.val) - 0.1 * n)).toBeLessThan(1);
          expect(Math.abs(inSplit(s.test) - 0.2 * n)).toBeLessThan(1);
          expect(s.perClass[c].total).toBe(n);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic in the seed and changes with it', () => {
    const labels = labelsFor([40, 30, 20]);
    const a = stratifiedSplit(labels, 3, 1);
    expect(stratifiedSplit(labels, 3, 1)).toEqual(a);
    expect(stratifiedSplit(labels, 3, 2).test).not.toEqual(a.test);
  });

  it('lists tiny classes missing from a split', () => {
    const s = stratifiedSplit(labelsFor([1, 3, 10, 0]), 4, 5);
    expect(s.tinyClasses).toEqual([0, 1]);
    expect(s.perClass[0]).toEqual({ total: 1, train: 1, val: 0, test: 0 });
    expect(s.perClass[3]).toEqual({ total: 0, train: 0, val: 0, test: 0 });
  });

  it('rejects labels outside the class range with a clear message', () => {
    expect(() => stratifiedSplit([0, 1, 3], 3, 0)).toThrow(/label 3 at index 2/);
    expect(() => stratifiedSplit([0, 1.5], 3, 0)).toThrow(/label 1.5/);
  });
});
