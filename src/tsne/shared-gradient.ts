/**
 * The t-SNE gradient shared between threads over SharedArrayBuffers (Node's worker_threads in
 * node-threads.ts, Web Workers in browser-threads.ts): every thread builds the same tree from the
 * shared embedding and takes a part of its groups (repulsion) and a slice of P's rows
 * (attraction). Z and the KL are summed group by group and row by row in one order, so the result
 * is the one-thread result, bit for bit, whatever the thread count.
 */
import type { SparseP } from './affinities';
import { attraction, combineGradient } from './gradient';
import { SpaceTree } from './space-tree';
import type { GradientFn } from './tsne';

/** Shared state: ctrl = [generation (−1 stops), threads done, threads ready]; params = [exaggeration, wantKl]. */
export interface SharedGradient {
  n: number;
  dims: 2 | 3;
  theta: number;
  threads: number;
  ctrl: Int32Array;
  params: Float64Array;
  y: Float64Array;
  forces: Float64Array;
  attract: Float64Array;
  /** Z of each group of the tree (at most n groups). */
  groupZ: Float64Array;
  /** KL part of each row of P. */
  rowKl: Float64Array;
}

/** The state for n points in dims dimensions and `threads` threads, in SharedArrayBuffers. */
export function sharedGradient(n: number, dims: 2 | 3, threads: number, theta: number): SharedGradient {
  const f64 = (count: number) => new Float64Array(new SharedArrayBuffer(Math.max(8, count * 8)));
  return {
    n,
    dims,
    theta,
    threads,
    ctrl: new Int32Array(new SharedArrayBuffer(16)),
    params: f64(2),
    y: f64(n * dims),
    forces: f64(n * dims),
    attract: f64(n * dims),
    groupZ: f64(n),
    rowKl: f64(n),
  };
}

/** Thread t's share of one gradient. */
function work(t: number, s: SharedGradient, p: SparseP, tree: SpaceTree): void {
  const from = Math.floor((t * s.n) / s.threads);
  const to = Math.floor(((t + 1) * s.n) / s.threads);
  tree.build(s.y);
  tree.repulsion(s.y, s.theta, t, s.threads, s.groupZ);
  attraction(p, s.y, s.dims, s.params[0], s.attract, from, to, s.params[1] === 1, s.rowKl);
}

/** A helper thread's life (t ≥ 1): says it is ready, then computes its share of each gradient until told to stop. Blocks. */
export function helperLoop(t: number, s: SharedGradient, p: SparseP): void {
  const tree = new SpaceTree(s.n, s.dims, s.forces);
  Atomics.add(s.ctrl, 2, 1);
  Atomics.notify(s.ctrl, 2);
  let seen = 0;
  for (;;) {
    Atomics.wait(s.ctrl, 0, seen);
    const gen = Atomics.load(s.ctrl, 0);
    if (gen < 0) break;
    seen = gen;
    work(t, s, p, tree);
    Atomics.add(s.ctrl, 1, 1);
    Atomics.notify(s.ctrl, 1);
  }
}

/** Tells the helpers to stop. */
export function stopHelpers(s: SharedGradient): void {
  Atomics.store(s.ctrl, 0, -1);
  Atomics.notify(s.ctrl, 0);
}

/** Helpers that have said they are ready. */
export function readyHelpers(s: SharedGradient): number {
  return Atomics.load(s.ctrl, 2);
}

/** The leading thread's gradient: starts the helpers' shares, does share 0, waits, then sums the parts in order. */
export function leaderGradient(s: SharedGradient, p: SparseP): GradientFn {
  const tree = new SpaceTree(s.n, s.dims, s.forces);
  return (y, exaggeration, grad, wantKl) => {
    s.y.set(y);
    s.params[0] = exaggeration;
    s.params[1] = wantKl ? 1 : 0;
    Atomics.store(s.ctrl, 1, 0);
    if (s.threads > 1) {
      Atomics.add(s.ctrl, 0, 1);
      Atomics.notify(s.ctrl, 0);
    }
    work(0, s, p, tree);
    let done = Atomics.load(s.ctrl, 1);
    while (done < s.threads - 1) {
      Atomics.wait(s.ctrl, 1, done);
      done = Atomics.load(s.ctrl, 1);
    }
    let z = 0;
    for (let g = 0; g < tree.groupCount; g++) z += s.groupZ[g];
    let kl = 0;
    if (wantKl) for (let i = 0; i < s.n; i++) kl += s.rowKl[i];
    return combineGradient(s.attract, s.forces, z, grad, kl, wantKl);
  };
}
