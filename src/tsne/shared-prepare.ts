/**
 * The work before the first iteration, shared by the threads of a gradient pool, in two phases:
 * the distance triangle in blocks of rows (and the PCA scores, computed by the first thread to
 * claim them), then, once the triangle is whole, each point's kNN and conditional P in blocks of
 * points. Blocks go out through atomic counters and each is computed whole by one thread, so the
 * values are the one-thread values. A helper that stops midway costs time, not the result: the
 * leader computes whatever is still missing after a wait.
 */
import { conditionalRows, symmetricP, type SparseP } from './affinities';
import { filledDistanceRows, triangleBase, triangleFloats, triangleRow } from './distance-cache';
import { distanceRows, type DistanceRows } from './distance-kernel';
import { nearestInRow } from './knn';
import { pcaScores } from './pca';

/** Rows per block of distances; points per block of kNN. */
const ROWS = 8;
const POINTS = 32;

/**
 * The shared state. ctrl = [next row block, PCA (0 free, 1 claimed, 2 done), triangle whole (0/1),
 * next point block]; rowBlocks and pointBlocks hold 0 free, 1 claimed, 2 done per block.
 */
export interface SharedPrepare {
  n: number;
  d: number;
  k: number;
  perplexity: number;
  x: Float32Array;
  triangle: Float32Array;
  ctrl: Int32Array;
  rowBlocks: Int32Array;
  pointBlocks: Int32Array;
  indices: Int32Array;
  distances: Float64Array;
  conditional: Float64Array;
  pca: { components: number; seed: number; scores: Float64Array } | null;
}

const shared = <T>(make: (b: SharedArrayBuffer) => T, bytes: number) => make(new SharedArrayBuffer(Math.max(8, bytes)));

/** Copies [n, d] features into shared memory with room for the triangle, the kNN (3·perplexity neighbours) and, with `pca`, its scores. */
export function sharedPrepare(
  x: ArrayLike<number>,
  n: number,
  d: number,
  perplexity: number,
  pca: { components: number; seed: number } | null,
): SharedPrepare {
  const k = Math.min(n - 1, Math.floor(3 * perplexity + 1));
  const xs = shared((b) => new Float32Array(b), 4 * n * d);
  xs.set(x);
  return {
    n,
    d,
    k,
    perplexity,
    x: xs,
    triangle: shared((b) => new Float32Array(b), 4 * triangleFloats(n)),
    ctrl: shared((b) => new Int32Array(b), 16),
    rowBlocks: shared((b) => new Int32Array(b), 4 * Math.ceil((n - 1) / ROWS)),
    pointBlocks: shared((b) => new Int32Array(b), 4 * Math.ceil(n / POINTS)),
    indices: shared((b) => new Int32Array(b), 4 * n * k),
    distances: shared((b) => new Float64Array(b), 8 * n * k),
    conditional: shared((b) => new Float64Array(b), 8 * n * k),
    pca: pca && { ...pca, scores: shared((b) => new Float64Array(b), 8 * n * pca.components) },
  };
}

function done(view: Int32Array, i: number): void {
  Atomics.store(view, i, 2);
  Atomics.notify(view, i);
}

function rowBlock(s: SharedPrepare, rows: DistanceRows, b: number): void {
  const to = Math.min(s.n - 1, (b + 1) * ROWS);
  for (let i = b * ROWS; i < to; i++) s.triangle.set(rows.squaredDistancesAfter(i).subarray(i + 1, s.n), triangleBase(s.n, i) + i + 1);
  done(s.rowBlocks, b);
}

function pointBlock(s: SharedPrepare, row: Float64Array, b: number): void {
  const from = b * POINTS;
  const to = Math.min(s.n, from + POINTS);
  for (let i = from; i < to; i++) {
    triangleRow(s.n, s.triangle, i, row);
    nearestInRow(row, i, s.k, s.indices, s.distances, i * s.k);
  }
  conditionalRows(s, s.perplexity, from, to, s.conditional);
  done(s.pointBlocks, b);
}

function computePca(s: SharedPrepare): void {
  const pca = s.pca!;
  pca.scores.set(pcaScores(s.x, s.n, s.d, pca.components, pca.seed));
  done(s.ctrl, 1);
}

/** Takes blocks from counter ctrl[at] until none is left. */
function take(s: SharedPrepare, at: number, blocks: Int32Array, work: (b: number) => void): void {
  for (;;) {
    const b = Atomics.add(s.ctrl, at, 1);
    if (b >= blocks.length) return;
    Atomics.store(blocks, b, 1);
    work(b);
  }
}

/** Computes the PCA here when no thread has claimed it. */
function claimPca(s: SharedPrepare): void {
  if (s.pca && Atomics.compareExchange(s.ctrl, 1, 0, 1) === 0) computePca(s);
}

/** A helper's share: the PCA while it is unclaimed, blocks of rows, then (once the leader says the triangle is whole) blocks of points. */
export function helperPrepare(s: SharedPrepare): void {
  claimPca(s);
  const rows = distanceRows(s.x, s.n, s.d);
  take(s, 0, s.rowBlocks, (b) => rowBlock(s, rows, b));
  Atomics.wait(s.ctrl, 2, 0);
  const row = new Float64Array(s.n);
  take(s, 3, s.pointBlocks, (b) => pointBlock(s, row, b));
}

/** Waits until view[i] is 2 or the deadline passes; whether it got there. */
function waitDone(view: Int32Array, i: number, deadline: number): boolean {
  for (;;) {
    const v = Atomics.load(view, i);
    if (v === 2) return true;
    const left = deadline - Date.now();
    if (left <= 0) return false;
    Atomics.wait(view, i, v, left);
  }
}

/**
 * The leader's share of both phases; after each it waits for the helpers' blocks (at most
 * `waitMs` in all) and computes any still missing itself. Blocks; returns the filled distance
 * rows, P and the PCA scores.
 */
export function leaderPrepare(s: SharedPrepare, waitMs = 10_000): { distances: DistanceRows; p: SparseP; pcaScores?: Float64Array } {
  const deadline = Date.now() + waitMs;
  const rows = distanceRows(s.x, s.n, s.d);
  take(s, 0, s.rowBlocks, (b) => rowBlock(s, rows, b));
  for (let b = 0; b < s.rowBlocks.length; b++) if (!waitDone(s.rowBlocks, b, deadline)) rowBlock(s, rows, b);
  Atomics.store(s.ctrl, 2, 1);
  Atomics.notify(s.ctrl, 2);
  const row = new Float64Array(s.n);
  take(s, 3, s.pointBlocks, (b) => pointBlock(s, row, b));
  claimPca(s);
  for (let b = 0; b < s.pointBlocks.length; b++) if (!waitDone(s.pointBlocks, b, deadline)) pointBlock(s, row, b);
  if (s.pca && !waitDone(s.ctrl, 1, deadline)) computePca(s);
  const p = symmetricP({ n: s.n, k: s.k, indices: s.indices, distances: s.distances }, s.conditional);
  return { distances: filledDistanceRows(s.n, s.d, rows.kind, s.triangle), p, pcaScores: s.pca?.scores };
}
