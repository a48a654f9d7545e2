import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { networkShapes, parameterCount } from '../../../src/math/shapes';
import { canonicalNumbers } from '../../helpers/answer-keys';

describe('parameterCount', () => {
  it('gives the homework count for Dx = 3, Da = 4, K = 3', () => {
    expect(parameterCount({ Dx: 3, Da: 4, K: 3 })).toBe(canonicalNumbers('q1.2b')[0]);
  });

  it('equals the sum of the sizes of the trainable arrays', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 50 }), (Dx, Da, K) => {
        const total = networkShapes({ Dx, Da, K, m: 7 })
          .filter((s) => s.trainable)
          .reduce((n, s) => n + s.shape[0] * s.shape[1], 0);
        return total === parameterCount({ Dx, Da, K });
      }),
    );
  });
});

describe('networkShapes', () => {
  it('chains: inner dimensions of W[l]·A[l−1] match and b[l] is a column', () => {
    const s = Object.fromEntries(networkShapes({ Dx: 5, Da: 6, K: 7, m: 8 }).map((n) => [n.name, n.shape]));
    expect(s['W[1]'][1]).toBe(s.X[0]);
    expect(s['W[2]'][1]).toBe(s['A[1]'][0]);
    expect(s['Z[2]']).toEqual([s['W[2]'][0], s['A[1]'][1]]);
    expect(s['b[2]']).toEqual([s['W[2]'][0], 1]);
  });
});
