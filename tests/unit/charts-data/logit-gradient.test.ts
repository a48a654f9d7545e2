import { describe, expect, it } from 'vitest';
import { logitGradientSeries } from '../../../src/charts-data/logit-gradient';

describe('logitGradientSeries', () => {
  it('shows the MSE gradient vanishing when confidently wrong while BCE stays near ∓1', () => {
    const s1 = logitGradientSeries(1);
    const wrong1 = s1[0]; // z = −8, y = 1
    expect(wrong1.z).toBe(-8);
    expect(Math.abs(wrong1.mse)).toBeLessThan(1e-3);
    expect(wrong1.bce).toBeLessThan(-0.99);
    const wrong0 = logitGradientSeries(0).at(-1)!; // z = 8, y = 0
    expect(Math.abs(wrong0.mse)).toBeLessThan(1e-3);
    expect(wrong0.bce).toBeGreaterThan(0.99);
  });

  it('gives n evenly spaced finite points', () => {
    const s = logitGradientSeries(0, -2, 2, 5);
    expect(s.map((p) => p.z)).toEqual([-2, -1, 0, 1, 2]);
    expect(s.every((p) => Number.isFinite(p.mse) && Number.isFinite(p.bce))).toBe(true);
  });
});
