import { describe, expect, it } from 'vitest';
import {
  RECALL_MARGIN,
  RISE_MARGIN,
  correctCount,
  largestRecallRise,
  lowestRecall,
  misclassifiedCount,
  mostConfused,
  recalls,
} from '../../../src/homework/q2-3-confusion';

const M = [
  [8, 1, 1],
  [4, 5, 1],
  [0, 2, 8],
];

describe('confusion-matrix facts', () => {
  it('count the errors off the diagonal and the right answers on it, which add up to every image', () => {
    expect(misclassifiedCount(M)).toBe(1 + 1 + 4 + 1 + 0 + 2);
    expect(correctCount(M)).toBe(8 + 5 + 8);
    expect(misclassifiedCount(M) + correctCount(M)).toBe(M.flat().reduce((a, b) => a + b, 0));
  });

  it('find the largest off-diagonal cell as [true, predicted], and say when it is tied', () => {
    expect(mostConfused(M)).toEqual({ pair: [1, 0], count: 4, clear: true });
    expect(
      mostConfused([
        [3, 2],
        [2, 3],
      ])?.clear,
    ).toBe(false);
    expect(
      mostConfused([
        [3, 0],
        [0, 3],
      ]),
    ).toBeNull();
  });

  it('read recall along the rows, and the lowest one only when it is clearly the lowest', () => {
    expect(recalls(M)).toEqual([8 / 10, 5 / 10, 8 / 10]);
    expect(lowestRecall(M)).toEqual({ cls: 1, clear: true });
    expect(
      lowestRecall([
        [5, 5],
        [5, 5],
      ])?.clear,
    ).toBe(false);
    const close = [
      [1000 - 1, 1],
      [Math.round((1000 * RECALL_MARGIN) / 2), 1000 - Math.round((1000 * RECALL_MARGIN) / 2)],
    ];
    expect(lowestRecall(close)?.clear).toBe(false);
  });

  it('find the class whose recall rose most between two runs, unclear within a point, null for matrices of different classes', () => {
    const after = [
      [9, 1, 0],
      [2, 8, 0],
      [0, 2, 8],
    ];
    const rise = largestRecallRise(M, after)!;
    expect(rise.cls).toBe(1);
    expect(rise.rise).toBeCloseTo(0.3, 12);
    expect(rise.clear).toBe(true);
    expect(largestRecallRise(M, M)?.clear).toBe(false);
    expect(RISE_MARGIN).toBeGreaterThan(0);
    expect(
      largestRecallRise(M, [
        [1, 0],
        [0, 1],
      ]),
    ).toBeNull();
  });
});
