/**
 * The upper triangle of the squared distances kept after its first pass, so that the kNN of the
 * affinities and the two passes of trustworthiness compute the N²·D distances once between them.
 */
import type { DistanceRows } from './distance-kernel';

/** Largest triangle kept (floats): 16 M, 64 MB; beyond it the rows are recomputed on each pass. */
export const CACHE_LIMIT = 16 * 1024 * 1024;

/**
 * Wraps `rows` so that each row is computed once and then served from memory (the same values, so
 * results do not change); returns `rows` itself when the triangle would pass `limit` floats.
 */
export function cachedDistanceRows(rows: DistanceRows, limit = CACHE_LIMIT): DistanceRows {
  const { n } = rows;
  const triangle = (n * (n - 1)) / 2;
  if (triangle > limit) return rows;
  // Row i's value for j sits at base(i) + j, with base(i) = n + i(n−1) − i(i−1)/2 − i − 1 ≥ n − 1.
  const cache = new Float32Array(2 * n + triangle);
  const base = (i: number) => n + i * (n - 1) - (i * (i - 1)) / 2 - i - 1;
  let done = 0;
  return {
    n,
    d: rows.d,
    kind: rows.kind,
    squaredDistancesAfter(i) {
      const b = base(i);
      if (i >= done) {
        for (let r = done; r <= i; r++) {
          const row = rows.squaredDistancesAfter(r);
          cache.set(row.subarray(r + 1, n), base(r) + r + 1);
        }
        done = i + 1;
      }
      return cache.subarray(b, b + n);
    },
  };
}
