import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/data/rng';
import { cachedDistanceRows, filledDistanceRows, triangleBase, triangleFloats, triangleRow } from '../../../src/tsne/distance-cache';
import { distanceRows, type DistanceRows } from '../../../src/tsne/distance-kernel';

/** Wraps rows to count how many times each row is computed. */
function counting(rows: DistanceRows): { rows: DistanceRows; calls: number[] } {
  const calls = new Array<number>(rows.n).fill(0);
  return {
    calls,
    rows: {
      n: rows.n,
      d: rows.d,
      kind: rows.kind,
      squaredDistancesAfter: (i) => {
        calls[i]++;
        return rows.squaredDistancesAfter(i);
      },
    },
  };
}

describe('cachedDistanceRows', () => {
  const n = 23;
  const d = 9;
  const rng = mulberry32(4);
  const x = Float32Array.from({ length: n * d }, () => rng() * 2 - 1);

  it('serves the same values as the rows it wraps, over several passes and out of order, computing each row once', () => {
    const plain = distanceRows(x, n, d);
    const { rows, calls } = counting(distanceRows(x, n, d));
    const cached = cachedDistanceRows(rows);
    for (const pass of [[0, 5, 21], Array.from({ length: n - 1 }, (_, i) => i), Array.from({ length: n - 1 }, (_, i) => n - 2 - i)]) {
      for (const i of pass) {
        const got = Array.from(cached.squaredDistancesAfter(i).subarray(i + 1, n));
        expect(got).toEqual(Array.from(plain.squaredDistancesAfter(i).subarray(i + 1, n)));
      }
    }
    expect(calls.slice(0, n - 1).every((c) => c === 1)).toBe(true);
  });

  it('leaves the rows uncached past the limit', () => {
    const rows = distanceRows(x, n, d);
    expect(cachedDistanceRows(rows, (n * (n - 1)) / 2 - 1)).toBe(rows);
    expect(cachedDistanceRows(rows, (n * (n - 1)) / 2)).not.toBe(rows);
  });
});

describe('filledDistanceRows / triangleRow', () => {
  const n = 19;
  const d = 5;
  const rng = mulberry32(9);
  const x = Float32Array.from({ length: n * d }, () => rng());
  const plain = distanceRows(x, n, d);
  const triangle = new Float32Array(triangleFloats(n));
  for (let i = 0; i < n - 1; i++) triangle.set(plain.squaredDistancesAfter(i).subarray(i + 1, n), triangleBase(n, i) + i + 1);

  it('serves a triangle filled elsewhere as rows, and refuses one too small', () => {
    const rows = filledDistanceRows(n, d, plain.kind, triangle);
    for (let i = 0; i < n - 1; i++)
      expect(Array.from(rows.squaredDistancesAfter(i).subarray(i + 1, n))).toEqual(
        Array.from(plain.squaredDistancesAfter(i).subarray(i + 1, n)),
      );
    expect(() => filledDistanceRows(n, d, plain.kind, new Float32Array(10))).toThrow(/needs \d+ floats, got 10/);
  });

  it("gives a point's distances to every point, both halves of the triangle", () => {
    const out = new Float64Array(n);
    triangleRow(n, triangle, 7, out);
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += (x[7 * d + c] - x[j * d + c]) ** 2;
      expect(out[j]).toBeCloseTo(s, 5);
    }
    expect(out[7]).toBe(0);
  });
});
