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

/** The k-th smallest value of a (0-based), reordering a (quickselect, median-of-three pivots). */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // Median of three as the pivot keeps sorted and constant rows linear.
    let x = a[lo];
    let y = a[mid];
    let z = a[hi];
    if (x > y) [x, y] = [y, x];
    if (y > z) [y, z] = [z, y];
    if (x > y) [x, y] = [y, x];
    const pivot = y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k];
}

/**
 * Point i's k nearest from its full row of squared distances (`row[j]` for every j; `row[i]` is
 * ignored): into indices/distances at `at`, nearest first, ties the lower index first (as exactKnn).
 * `scratch` holds at least row.length values.
 */
export function nearestInRow(
  row: ArrayLike<number>,
  i: number,
  k: number,
  scratch: Float64Array,
  indices: Int32Array,
  distances: Float64Array,
  at: number,
): void {
  const n = row.length;
  const work = scratch.subarray(0, n);
  for (let j = 0; j < n; j++) work[j] = row[j];
  work[i] = Infinity;
  const kth = select(work, k - 1);
  let c = 0;
  for (let j = 0; j < n && c < k; j++) if (j !== i && row[j] < kth) c = place(row[j], j, c, at, indices, distances);
  for (let j = 0; j < n && c < k; j++) if (j !== i && row[j] === kth) c = place(row[j], j, c, at, indices, distances);
}

/** Inserts (d, j) into the sorted run of c entries at `at` (j larger than every index of equal d already there). */
function place(d: number, j: number, c: number, at: number, indices: Int32Array, distances: Float64Array): number {
  let r = c;
  while (r > 0 && distances[at + r - 1] > d) {
    distances[at + r] = distances[at + r - 1];
    indices[at + r] = indices[at + r - 1];
    r--;
  }
  distances[at + r] = d;
  indices[at + r] = j;
  return c + 1;
}
