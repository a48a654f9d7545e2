import { describe, expect, it } from 'vitest';
import { conditionalP, conditionalRows, symmetricP } from '../../../src/tsne/affinities';
import { distanceRows } from '../../../src/tsne/distance-kernel';
import { exactKnn } from '../../../src/tsne/knn';
import { blobs } from './helpers';

describe('conditionalP and symmetricP', () => {
  const { x, n } = blobs(3, 40, 6, 2);
  const knn = exactKnn(distanceRows(x, n, 6), 31);

  it('calibrates every row to entropy log(perplexity) within 1e-5 and each row sums to 1', () => {
    const p = conditionalP(knn, 10);
    for (let i = 0; i < n; i++) {
      const row = Array.from(p.subarray(i * 31, i * 31 + 31));
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      const h = -row.filter((v) => v > 0).reduce((a, v) => a + v * Math.log(v), 0);
      expect(Math.abs(h - Math.log(10))).toBeLessThan(1e-5);
    }
  });

  it('conditionalRows gives conditionalP row by row, bit for bit, wherever the rows are cut', () => {
    const whole = conditionalP(knn, 10);
    const parts = new Float64Array(n * 31);
    for (const [from, to] of [
      [50, n],
      [0, 17],
      [17, 50],
    ])
      conditionalRows(knn, 10, from, to, parts);
    expect(Array.from(parts)).toEqual(Array.from(whole));
  });

  it('conditionalRows stays finite where Newton has no slope (equal distances) and on far-spread rows', () => {
    const k = 6;
    const distances = Float64Array.from([0, 0, 0, 0, 0, 0, 1e-6, 1, 50, 900, 1e4, 1e6]);
    const p = new Float64Array(2 * k);
    conditionalRows({ k, distances }, 3, 0, 2, p);
    expect(Array.from(p.subarray(0, k))).toEqual(new Array(k).fill(1 / k));
    const row = Array.from(p.subarray(k));
    expect(row.every(Number.isFinite)).toBe(true);
    expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const h = -row.filter((v) => v > 0).reduce((a, v) => a + v * Math.log(v), 0);
    expect(Math.abs(h - Math.log(3))).toBeLessThan(1e-5);
  });

  it('P is (C + Cᵀ) / sum: symmetric, sums to 1, matches the dense computation', () => {
    const c = conditionalP(knn, 10);
    const p = symmetricP(knn, c);
    const dense = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let r = 0; r < 31; r++) {
        const j = knn.indices[i * 31 + r];
        dense[i * n + j] += c[i * 31 + r];
        dense[j * n + i] += c[i * 31 + r];
      }
    const total = dense.reduce((a, b) => a + b, 0);
    const sparse = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let e = p.rowPtr[i]; e < p.rowPtr[i + 1]; e++) sparse[i * n + p.cols[e]] = p.values[e];
    let sum = 0;
    let worst = 0;
    let asymmetric = 0;
    for (let e = 0; e < n * n; e++) {
      worst = Math.max(worst, Math.abs(sparse[e] - dense[e] / total));
      sum += sparse[e];
      if (sparse[e] !== sparse[(e % n) * n + Math.floor(e / n)]) asymmetric++;
    }
    expect(worst).toBeLessThan(1e-15);
    expect(sum).toBeCloseTo(1, 12);
    expect(asymmetric).toBe(0);
  });
});
