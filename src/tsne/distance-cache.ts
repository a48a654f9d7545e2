/**
 * The upper triangle of the squared distances kept after its first pass, so that the kNN of the
 * affinities and the two passes of trustworthiness compute the N²·D distances once between them.
 * Threads can fill one triangle together (shared-prepare.ts) and serve it through filledDistanceRows.
 */
import type { DistanceRows } from './distance-kernel';

/** Largest triangle kept (floats): 16 M, 64 MB; beyond it the rows are recomputed on each pass. */
export const CACHE_LIMIT = 16 * 1024 * 1024;

/** Floats a triangle of n points takes (the pairs, plus room so that every row's view is n long). */
export function triangleFloats(n: number): number {
  return 2 * n + (n * (n - 1)) / 2;
}

/** Row i's value for column j > i sits at triangleBase(n, i) + j (≥ n − 1 for every i). */
export function triangleBase(n: number, i: number): number {
  return n + i * (n - 1) - (i * (i - 1)) / 2 - i - 1;
}

/** Point i's squared distances to every point from a filled triangle into out (n values; out[i] = 0). */
export function triangleRow(n: number, triangle: Float32Array, i: number, out: Float64Array): void {
  for (let j = 0; j < i; j++) out[j] = triangle[triangleBase(n, j) + i];
  out[i] = 0;
  const b = triangleBase(n, i);
  for (let j = i + 1; j < n; j++) out[j] = triangle[b + j];
}

/** Serves rows from `cache`, filling rows [done, i] from `fill` on first use. */
function serve(
  n: number,
  d: number,
  kind: DistanceRows['kind'],
  cache: Float32Array,
  fill: DistanceRows | null,
  done: number,
): DistanceRows {
  return {
    n,
    d,
    kind,
    squaredDistancesAfter(i) {
      const b = triangleBase(n, i);
      if (i >= done) {
        if (!fill) throw new Error(`distances: row ${i} of the triangle was never filled`);
        for (let r = done; r <= i; r++) {
          const row = fill.squaredDistancesAfter(r);
          cache.set(row.subarray(r + 1, n), triangleBase(n, r) + r + 1);
        }
        done = i + 1;
      }
      return cache.subarray(b, b + n);
    },
  };
}

/**
 * Wraps `rows` so that each row is computed once and then served from memory (the same values, so
 * results do not change); returns `rows` itself when the triangle would pass `limit` floats.
 */
export function cachedDistanceRows(rows: DistanceRows, limit = CACHE_LIMIT): DistanceRows {
  const { n } = rows;
  if ((n * (n - 1)) / 2 > limit) return rows;
  return serve(n, rows.d, rows.kind, new Float32Array(triangleFloats(n)), rows, 0);
}

/** Rows served from a triangle that is already filled (every row i < n − 1). */
export function filledDistanceRows(n: number, d: number, kind: DistanceRows['kind'], triangle: Float32Array): DistanceRows {
  if (triangle.length < triangleFloats(n))
    throw new Error(`distances: a triangle of ${n} points needs ${triangleFloats(n)} floats, got ${triangle.length}`);
  return serve(n, d, kind, triangle, null, n);
}
