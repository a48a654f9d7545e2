import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/data/rng';
import { distanceRows } from '../../../src/tsne/distance-kernel';
import { exactKnn } from '../../../src/tsne/knn';

describe('exactKnn', () => {
  it('finds the same k nearest neighbours, in order, as sorting every distance', () => {
    const n = 57;
    const d = 9;
    const rng = mulberry32(4);
    const x = Float32Array.from({ length: n * d }, () => rng());
    const k = 11;
    const knn = exactKnn(distanceRows(x, n, d), k);
    for (let i = 0; i < n; i++) {
      const all = Array.from({ length: n }, (_, j) => j)
        .filter((j) => j !== i)
        .map((j) => ({ j, d2: Array.from({ length: d }, (_, c) => (x[i * d + c] - x[j * d + c]) ** 2).reduce((a, b) => a + b, 0) }))
        .sort((a, b) => a.d2 - b.d2);
      expect(Array.from(knn.indices.subarray(i * k, i * k + k))).toEqual(all.slice(0, k).map((e) => e.j));
      for (let r = 0; r < k; r++) expect(knn.distances[i * k + r]).toBeCloseTo(all[r].d2, 5);
    }
  });

  it('refuses k outside [1, n − 1]', () => {
    const rows = distanceRows(new Float32Array(12), 4, 3);
    expect(() => exactKnn(rows, 4)).toThrow(/k must be/);
    expect(() => exactKnn(rows, 0)).toThrow(/k must be/);
  });
});
