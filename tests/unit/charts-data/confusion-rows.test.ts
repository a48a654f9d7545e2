import { describe, expect, it } from 'vitest';
import { f1Bars, rowNormalise } from '../../../src/charts-data/confusion-rows';

describe('confusion rows', () => {
  it('row-normalises, leaving empty rows at 0', () => {
    expect(
      rowNormalise([
        [3, 1],
        [0, 0],
      ]),
    ).toEqual([
      [0.75, 0.25],
      [0, 0],
    ]);
  });
  it('names the F1 bars', () => {
    expect(f1Bars([{ precision: 1, recall: 0.5, f1: 2 / 3, support: 4 }], ['cat', 'dog'])).toEqual([
      { name: 'cat', f1: 2 / 3, support: 4 },
    ]);
  });
});
