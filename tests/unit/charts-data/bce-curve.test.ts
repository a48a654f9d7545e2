import { describe, expect, it } from 'vitest';
import { bceCurve } from '../../../src/charts-data/bce-curve';

describe('bceCurve', () => {
  it('is in bits exactly 1/ln 2 times the curve in nats (rel 1e-12)', () => {
    const bits = bceCurve(1, 'bits');
    const nats = bceCurve(1, 'nats');
    bits.forEach((b, i) => expect(Math.abs(b.loss * Math.LN2 - nats[i].loss)).toBeLessThanOrEqual(1e-12 * nats[i].loss + 1e-15));
  });

  it('falls with ŷ for y = 1, rises for y = 0, and stays finite', () => {
    const up = bceCurve(0, 'bits').map((p) => p.loss);
    const down = bceCurve(1, 'bits').map((p) => p.loss);
    expect(up.every((l, i) => i === 0 || l > up[i - 1])).toBe(true);
    expect(down.every((l, i) => i === 0 || l < down[i - 1])).toBe(true);
    expect([...up, ...down].every(Number.isFinite)).toBe(true);
  });
});
