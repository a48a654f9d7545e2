import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/data/rng';
import { pcaScores, symmetricEigen } from '../../../src/tsne/pca';
import { normal } from './helpers';

describe('symmetricEigen', () => {
  it('A v = λ v for every eigenpair of a random symmetric matrix', () => {
    const b = 6;
    const rng = mulberry32(1);
    const a = new Float64Array(b * b);
    for (let i = 0; i < b; i++) for (let j = 0; j <= i; j++) a[i * b + j] = a[j * b + i] = normal(rng);
    const { values, vectors } = symmetricEigen(a, b);
    for (let c = 0; c < b; c++) {
      for (let r = 0; r < b; r++) {
        let av = 0;
        for (let k = 0; k < b; k++) av += a[r * b + k] * vectors[k * b + c];
        expect(av).toBeCloseTo(values[c] * vectors[r * b + c], 10);
      }
    }
  });
});

describe('pcaScores', () => {
  it('projects on the covariance eigenvectors (checked against a dense eigen-decomposition), largest loading positive', () => {
    const n = 200;
    const d = 8;
    const rng = mulberry32(3);
    const scales = [5, 3, 2, 1, 0.5, 0.4, 0.3, 0.2];
    const x = new Float32Array(n * d);
    for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) x[i * d + k] = scales[k] * normal(rng) + (k === 0 ? 0 : 0.3 * x[i * d]) + 7;
    const mean = Array.from({ length: d }, (_, k) => Array.from({ length: n }, (_, i) => x[i * d + k]).reduce((a, b) => a + b, 0) / n);
    const cov = new Float64Array(d * d);
    for (let i = 0; i < n; i++)
      for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) cov[a * d + b] += (x[i * d + a] - mean[a]) * (x[i * d + b] - mean[b]);
    const { values, vectors } = symmetricEigen(cov, d);
    const order = Array.from({ length: d }, (_, i) => i).sort((a, b) => values[b] - values[a]);
    const scores = pcaScores(x, n, d, 3, 0);
    for (let c = 0; c < 3; c++) {
      const v = Array.from({ length: d }, (_, k) => vectors[k * d + order[c]]);
      const big = v.reduce((m, e) => (Math.abs(e) > Math.abs(m) ? e : m), 0);
      const sign = Math.sign(big);
      for (let i = 0; i < n; i += 17) {
        const expected = sign * v.reduce((s, e, k) => s + e * (x[i * d + k] - mean[k]), 0);
        expect(scores[i * 3 + c]).toBeCloseTo(expected, 3);
      }
    }
  });
});
