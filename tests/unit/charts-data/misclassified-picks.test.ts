import { describe, expect, it } from 'vitest';
import { pickMisclassified } from '../../../src/charts-data/misclassified-picks';

describe('pickMisclassified', () => {
  it('keeps up to n per true class, mapped through the test indices', () => {
    const mis = [0, 1, 2, 3]
      .map((i) => ({ index: i, trueLabel: 0, predicted: 1 }))
      .concat([
        { index: 4, trueLabel: 1, predicted: 0 },
        { index: 99, trueLabel: 1, predicted: 0 },
      ]);
    const out = pickMisclassified(mis, [10, 11, 12, 13, 14], 3, 3);
    expect(out[0].map((p) => p.dataIndex)).toEqual([10, 11, 12]);
    expect(out[1]).toEqual([{ dataIndex: 14, trueLabel: 1, predicted: 0 }]);
    expect(out[2]).toEqual([]);
  });
});
