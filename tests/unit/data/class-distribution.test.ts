import { describe, expect, it } from 'vitest';
import { classDistribution, classFractionRange, randomSplitLengths, randomSplitPerClass } from '../../../src/data/class-distribution';
import { stratifiedSplit } from '../../../src/data/split';

const labels = Array.from({ length: 1000 }, (_, i) => (i < 600 ? 0 : i < 900 ? 1 : 2));

describe('classDistribution', () => {
  it('gives counts and each class share of every split', () => {
    const s = stratifiedSplit(labels, 3, 42);
    const d = classDistribution(s.perClass, ['a', 'b', 'c']);
    expect(d.totals).toEqual({ train: 700, val: 100, test: 200, all: 1000 });
    expect(d.rows[0]).toMatchObject({ name: 'a', total: 600, counts: { train: 420, val: 60, test: 120 } });
    for (const r of d.rows) {
      expect(r.shares.train).toBeCloseTo(r.total / 1000, 12);
      expect(r.shares.val).toBeCloseTo(r.total / 1000, 12);
    }
  });

  it('rejects mismatched rows and handles empty splits', () => {
    expect(() => classDistribution([], ['a'])).toThrow(/0 count rows/);
    const d = classDistribution(
      [
        { total: 1, train: 1, val: 0, test: 0 },
        { total: 1, train: 1, val: 0, test: 0 },
      ],
      ['a', 'b'],
    );
    expect(d.rows[0].shares.val).toBe(0);
  });
});

describe('random split for comparison', () => {
  it('cuts like torch random_split: floors, then remainder from the first split', () => {
    expect(randomSplitLengths(10)).toEqual({ train: 7, val: 1, test: 2 });
    expect(randomSplitLengths(11)).toEqual({ train: 8, val: 1, test: 2 });
    expect(randomSplitLengths(13)).toEqual({ train: 10, val: 1, test: 2 });
    expect(() => randomSplitLengths(-1)).toThrow();
  });

  it('is seeded, keeps totals, but class fractions wander while the stratified ones do not', () => {
    const a = randomSplitPerClass(labels, 3, 1);
    expect(randomSplitPerClass(labels, 3, 1)).toEqual(a);
    expect(a.reduce((s, c) => s + c.val, 0)).toBe(100);
    expect(a.map((c) => c.total)).toEqual([600, 300, 100]);
    const r = classFractionRange(a, 'val');
    expect(r.max - r.min).toBeGreaterThan(0.005);
    const st = classFractionRange(stratifiedSplit(labels, 3, 1).perClass, 'val');
    expect(st).toEqual({ min: 0.1, max: 0.1 });
    expect(classFractionRange([], 'val')).toEqual({ min: 0, max: 0 });
  });
});
