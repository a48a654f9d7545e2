/**
 * Exact k nearest neighbours (squared Euclidean): streamed from the upper triangle of the
 * distances (each pair computed once), or point by point from full rows (threads split the points).
 */
import type { DistanceRows } from './distance-kernel';

/** Neighbours of each point, nearest first: indices[i*k + r] and their squared distances. */
export interface Knn {
  n: number;
  k: number;
  indices: Int32Array;
  distances: Float64Array;
}

/** Fixed-size max-heaps by (distance, index), one per point, in flat typed arrays (no per-pair allocation). */
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

  /** Whether entry a of the heap comes after (d, j): farther, or as far with a higher index. */
  private after(a: number, d: number, j: number): boolean {
    const da = this.dist[a];
    return da > d || (da === d && this.idx[a] > j);
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
        if (this.after(base + p, d, j)) break;
        dist[base + c] = dist[base + p];
        idx[base + c] = idx[base + p];
        c = p;
      }
      dist[base + c] = d;
      idx[base + c] = j;
      return;
    }
    if (!this.after(base, d, j)) return;
    s = k;
    let c = 0;
    for (;;) {
      let m = 2 * c + 1;
      if (m >= s) break;
      if (m + 1 < s && this.after(base + m + 1, dist[base + m], idx[base + m])) m++;
      if (!this.after(base + m, d, j)) break;
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

/**
 * Point i's k nearest from its full row of squared distances (`row[j]` for every j; `row[i]` is
 * ignored): into indices/distances at `at`, nearest first, ties the lower index first (as exactKnn).
 * A max-heap of the k best so far: after the first few hundred columns almost every column is
 * turned away by one comparison.
 */
export function nearestInRow(row: Float64Array, i: number, k: number, indices: Int32Array, distances: Float64Array, at: number): void {
  const n = row.length;
  let size = 0;
  // The heap lives in indices/distances[at, at + k): the root (the farthest kept) at `at`.
  for (let j = 0; j < n; j++) {
    if (j === i) continue;
    const d = row[j];
    if (size < k) {
      // Columns come in increasing order, so a kept column of the same distance has a lower index and stays above.
      let c = size++;
      while (c > 0) {
        const parent = (c - 1) >> 1;
        if (distances[at + parent] > d) break;
        distances[at + c] = distances[at + parent];
        indices[at + c] = indices[at + parent];
        c = parent;
      }
      distances[at + c] = d;
      indices[at + c] = j;
    } else if (d < distances[at]) siftDown(d, j, k, at, indices, distances);
  }
  // Heap sort in place: the farthest (highest index among equals) moves to the end, one by one.
  for (let end = size - 1; end > 0; end--) {
    const d = distances[at + end];
    const j = indices[at + end];
    distances[at + end] = distances[at];
    indices[at + end] = indices[at];
    siftDown(d, j, end, at, indices, distances);
  }
}

/** Puts (d, j) at the root of the max-heap of `size` entries at `at` and sifts it down; order by distance, then index. */
function siftDown(d: number, j: number, size: number, at: number, indices: Int32Array, distances: Float64Array): void {
  let c = 0;
  for (;;) {
    let m = 2 * c + 1;
    if (m >= size) break;
    if (m + 1 < size && after(distances[at + m + 1], indices[at + m + 1], distances[at + m], indices[at + m])) m++;
    if (!after(distances[at + m], indices[at + m], d, j)) break;
    distances[at + c] = distances[at + m];
    indices[at + c] = indices[at + m];
    c = m;
  }
  distances[at + c] = d;
  indices[at + c] = j;
}

/** Whether (da, ja) comes after (db, jb): farther, or as far with a higher index. */
function after(da: number, ja: number, db: number, jb: number): boolean {
  return da > db || (da === db && ja > jb);
}
