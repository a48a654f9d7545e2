import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/exercises/variant';
import { classCentroidDistances, clearlyClosest, closestPair, farthestPair, mostIsolated } from '../../../src/homework/q2-3-features';

/** Points scattered (±0.1) around given centres, `per` per class. */
function cloud(centres: number[][], per: number, seed: number): { features: Float32Array; labels: number[] } {
  const rng = mulberry32(seed);
  const d = centres[0].length;
  const labels: number[] = [];
  const features = new Float32Array(centres.length * per * d);
  let row = 0;
  centres.forEach((c, k) => {
    for (let p = 0; p < per; p++, row++) {
      labels.push(k);
      for (let j = 0; j < d; j++) features[row * d + j] = c[j] + (rng() - 0.5) * 0.2;
    }
  });
  return { features, labels };
}

describe('classCentroidDistances', () => {
  it('equals the distances between per-class means computed directly, symmetric with a zero diagonal', () => {
    const { features, labels } = cloud(
      [
        [0, 0, 0],
        [3, 0, 0],
        [0, 4, 0],
        [10, 10, 10],
      ],
      25,
      7,
    );
    const dist = classCentroidDistances(features, 3, labels, 4);
    const mean = (k: number) => [0, 1, 2].map((j) => labels.reduce((s, l, i) => s + (l === k ? features[i * 3 + j] : 0), 0) / 25);
    for (let a = 0; a < 4; a++) {
      expect(dist[a][a]).toBe(0);
      for (let b = 0; b < 4; b++) {
        const ma = mean(a);
        const mb = mean(b);
        expect(dist[a][b]).toBeCloseTo(Math.hypot(ma[0] - mb[0], ma[1] - mb[1], ma[2] - mb[2]), 9);
        expect(dist[a][b]).toBe(dist[b][a]);
      }
    }
  });

  it('refuses a class without points, a label outside the classes and a size mismatch', () => {
    expect(() => classCentroidDistances(new Float32Array(4), 2, [0, 0], 2)).toThrow(/class 1 has no point/);
    expect(() => classCentroidDistances(new Float32Array(4), 2, [0, 5], 2)).toThrow(/label 5/);
    expect(() => classCentroidDistances(new Float32Array(5), 2, [0, 1], 2)).toThrow(/not 2 points × 2/);
  });
});

describe('closestPair, farthestPair, mostIsolated, clearlyClosest', () => {
  const { features, labels } = cloud(
    [
      [0, 0],
      [1, 0],
      [0, 5],
      [20, 20],
    ],
    30,
    3,
  );
  const dist = classCentroidDistances(features, 2, labels, 4);
  it('finds the pair that was placed closest, the one placed farthest, and the lone class', () => {
    expect(closestPair(dist)).toEqual([0, 1]);
    expect(farthestPair(dist)).toEqual([0, 3]);
    expect(mostIsolated(dist)).toBe(3);
    expect(clearlyClosest(dist)).toBe(true);
  });
  it('calls a near-tie unclear', () => {
    const tie = [
      [0, 1, 1.001],
      [1, 0, 2],
      [1.001, 2, 0],
    ];
    expect(clearlyClosest(tie)).toBe(false);
    expect(closestPair(tie)).toEqual([0, 1]);
  });
});
