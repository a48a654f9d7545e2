import { describe, expect, it } from 'vitest';
import { lossVsWeight } from '../../../src/charts-data/loss-vs-weight';

const secondDifferences = (ys: number[]) => ys.slice(2).map((y, i) => y - 2 * ys[i + 1] + ys[i]);

describe('lossVsWeight', () => {
  const pts = lossVsWeight();

  it('has an MSE curve that is non-convex (some negative second difference)', () => {
    expect(Math.min(...secondDifferences(pts.map((p) => p.mse)))).toBeLessThan(-1e-6);
  });

  it('has a convex BCE curve (no negative second difference beyond rounding)', () => {
    expect(Math.min(...secondDifferences(pts.map((p) => p.bce)))).toBeGreaterThan(-1e-12);
  });
});
