import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/data/rng';
import { distanceRows } from '../../../src/tsne/distance-kernel';
import { exactKnn, nearestInRow } from '../../../src/tsne/knn';

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

describe('nearestInRow', () => {
  it('picks what exactKnn picks from every full row, ties (duplicate points) the lower index first', () => {
    const n = 61;
    const d = 3;
    const rng = mulberry32(8);
    const x = Float32Array.from({ length: n * d }, () => Math.round(rng() * 4));
    const k = 13;
    const knn = exactKnn(distanceRows(x, n, d), k);
    const row = new Float64Array(n);
    const indices = new Int32Array(n * k);
    const distances = new Float64Array(n * k);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let c = 0; c < d; c++) s += (x[i * d + c] - x[j * d + c]) ** 2;
        row[j] = s;
      }
      nearestInRow(row, i, k, indices, distances, i * k);
    }
    expect(Array.from(indices)).toEqual(Array.from(knn.indices));
    expect(Array.from(distances)).toEqual(Array.from(knn.distances));
  });
});
