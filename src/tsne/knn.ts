/** Exact k nearest neighbours (squared Euclidean) from the upper triangle of the distances, each pair computed once. */
import type { DistanceRows } from './distance-kernel';

/** Neighbours of each point, nearest first: indices[i*k + r] and their squared distances. */
export interface Knn {
  n: number;
  k: number;
  indices: Int32Array;
  distances: Float64Array;
}

/** Fixed-size max-heaps, one per point, in flat typed arrays (no per-pair allocation). */
class Heaps {
  readonly dist: Float64Array;
  readonly idx: Int32Array;
  readonly size: Int32Array;
  constructor(
    readonly n: number,
    readonly k: number,
  ) {
    this.dist = new Float64Array(n * k);
    this.idx = new Int32Array(n * k);
    this.size = new Int32Array(n);
  }

  /** Offers neighbour j at squared distance d to point i's heap. */
  offer(i: number, j: number, d: number): void {
    const k = this.k;
    const base = i * k;
    const dist = this.dist;
    const idx = this.idx;
    let s = this.size[i];
    if (s < k) {
      let c = s;
      this.size[i] = s + 1;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (dist[base + p] >= d) break;
        dist[base + c] = dist[base + p];
        idx[base + c] = idx[base + p];
        c = p;
      }
      dist[base + c] = d;
      idx[base + c] = j;
      return;
    }
    if (d >= dist[base]) return;
    s = k;
    let c = 0;
    for (;;) {
      let m = 2 * c + 1;
      if (m >= s) break;
      if (m + 1 < s && dist[base + m + 1] > dist[base + m]) m++;
      if (dist[base + m] <= d) break;
      dist[base + c] = dist[base + m];
      idx[base + c] = idx[base + m];
      c = m;
    }
    dist[base + c] = d;
    idx[base + c] = j;
  }
}

/** The k nearest other points of every row (ties: the lower index first); k must be below n. */
export function exactKnn(rows: DistanceRows, k: number, onRow?: (i: number) => void): Knn {
  const n = rows.n;
  if (!Number.isInteger(k) || k < 1 || k >= n) throw new Error(`kNN: k must be an integer in [1, ${n - 1}], got ${k}`);
  const heaps = new Heaps(n, k);
  for (let i = 0; i < n - 1; i++) {
    const row = rows.squaredDistancesAfter(i);
    for (let j = i + 1; j < n; j++) {
      const d = row[j];
      heaps.offer(i, j, d);
      heaps.offer(j, i, d);
    }
    onRow?.(i);
  }
  const order = new Int32Array(k);
  const indices = new Int32Array(n * k);
  const distances = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const base = i * k;
    for (let r = 0; r < k; r++) order[r] = base + r;
    order.sort((a, b) => heaps.dist[a] - heaps.dist[b] || heaps.idx[a] - heaps.idx[b]);
    for (let r = 0; r < k; r++) {
      indices[base + r] = heaps.idx[order[r]];
      distances[base + r] = heaps.dist[order[r]];
    }
  }
  return { n, k, indices, distances };
}
