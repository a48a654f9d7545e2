import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/data/rng';
import { trustworthiness } from '../../../src/tsne/trustworthiness';
import { normal } from './helpers';

/** sklearn.manifold.trustworthiness written out literally: full argsort of the input distances, inverted index, ranks. */
function bruteForce(x: Float32Array, n: number, d: number, y: Float32Array, dims: number, k: number): number {
  const dist = (a: ArrayLike<number>, w: number, i: number, j: number) => {
    let s = 0;
    for (let c = 0; c < w; c++) s += (a[i * w + c] - a[j * w + c]) ** 2;
    return Math.sqrt(s);
  };
  let t = 0;
  for (let i = 0; i < n; i++) {
    const others = Array.from({ length: n }, (_, j) => j).filter((j) => j !== i);
    const byX = [...others].sort((a, b) => dist(x, d, i, a) - dist(x, d, i, b));
    const inverted = new Map(byX.map((j, r) => [j, r + 1]));
    const byY = [...others].sort((a, b) => dist(y, dims, i, a) - dist(y, dims, i, b)).slice(0, k);
    for (const j of byY) t += Math.max(0, inverted.get(j)! - k);
  }
  return 1 - t * (2 / (n * k * (2 * n - 3 * k - 1)));
}

describe('trustworthiness', () => {
  for (const [n, d, dims, k] of [
    [40, 6, 2, 5],
    [61, 13, 3, 10],
    [25, 3, 2, 1],
  ] as const) {
    it(`equals the brute-force sklearn formula (n ${n}, d ${d}, ${dims}-D, k ${k})`, () => {
      const rng = mulberry32(n);
      const x = Float32Array.from({ length: n * d }, () => normal(rng));
      // A noisy projection: partly faithful, so the penalty is neither 0 nor maximal.
      const y = new Float32Array(n * dims);
      for (let i = 0; i < n; i++) for (let a = 0; a < dims; a++) y[i * dims + a] = x[i * d + a] + 0.8 * normal(rng);
      const t = trustworthiness(x, n, d, y, dims, k);
      expect(t).toBeLessThan(1);
      expect(t).toBeCloseTo(bruteForce(x, n, d, y, dims, k), 12);
    });
  }

  it('is 1 for an embedding that keeps every neighbourhood (the data itself)', () => {
    const rng = mulberry32(9);
    const x = Float32Array.from({ length: 30 * 2 }, () => normal(rng));
    expect(trustworthiness(x, 30, 2, x, 2, 5)).toBe(1);
  });

  it('refuses k ≥ n/2, as scikit-learn does', () => {
    expect(() => trustworthiness(new Float32Array(20), 10, 2, new Float32Array(20), 2, 5)).toThrow(/k must be/);
  });
});
