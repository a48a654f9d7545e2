/**
 * The t-SNE gradient shared between threads over SharedArrayBuffers (Node's worker_threads in
 * node-threads.ts, Web Workers in browser-threads.ts). Exact: the threads take the SIMD kernel's
 * chunks of rows from a shared counter, on one shared memory. Barnes–Hut: every thread builds the same tree from
 * the shared embedding and takes a part of its groups (repulsion) and a slice of P's rows
 * (attraction). Z and the KL are summed group by group and row by row in one order, so the result
 * is the one-thread result, bit for bit, whatever the thread count.
 */
import type { SparseP } from './affinities';
import { combineExact } from './exact-gradient';
import { CHUNKS, ExactKernel, type ExactLayout } from './exact-kernel';
import { attraction, combineGradient, pLogP, rowLogQ } from './gradient';
import { SpaceTree } from './space-tree';
import type { GradientFn } from './tsne';

/** Shared state: ctrl = [generation (−1 stops), threads done, threads ready, next exact chunk]; params = [exaggeration, wantKl]. */
export interface SharedGradient {
  n: number;
  dims: 2 | 3;
  theta: number;
  threads: number;
  /** How long a waiting thread polls before it sleeps (0 when there are more threads than cores: polling would take a core from a thread at work). */
  spinMs: number;
  ctrl: Int32Array;
  params: Float64Array;
  y: Float64Array;
  forces: Float64Array;
  attract: Float64Array;
  /** Z of each group of the tree (at most n groups). */
  groupZ: Float64Array;
  /** KL part of each row of P (Barnes–Hut: Σ p (log p + log(1 + d²)); exact: Σ p log(1 + d²), Σ p log p being constant). */
  rowKl: Float64Array;
}

/** The state for n points in dims dimensions and `threads` threads on `cores` cores, in SharedArrayBuffers. */
export function sharedGradient(n: number, dims: 2 | 3, threads: number, theta: number, cores = threads): SharedGradient {
  const f64 = (count: number) => new Float64Array(new SharedArrayBuffer(Math.max(8, count * 8)));
  return {
    n,
    dims,
    theta,
    threads,
    spinMs: threads <= cores ? 2 : 0,
    ctrl: new Int32Array(new SharedArrayBuffer(16)),
    params: f64(2),
    y: f64(n * dims),
    forces: f64(n * dims),
    attract: f64(n * dims),
    groupZ: f64(n),
    rowKl: f64(n),
  };
}

/** The exact kernel's shared memory and its layout (the leader has written P into it). */
export interface SharedExact {
  memory: WebAssembly.Memory;
  layout: ExactLayout;
}

/** Rows [from, to) of thread t. */
function share(t: number, s: SharedGradient): [number, number] {
  return [Math.floor((t * s.n) / s.threads), Math.floor(((t + 1) * s.n) / s.threads)];
}

/** Thread t's share of one gradient: exact chunks while any is left, or its part of the tree's groups and of P's rows. */
function work(t: number, s: SharedGradient, p: SparseP, tree: SpaceTree | ExactKernel): void {
  if (tree instanceof ExactKernel) {
    const wantKl = s.params[1] === 1;
    for (let c = Atomics.add(s.ctrl, 3, 1); c < CHUNKS; c = Atomics.add(s.ctrl, 3, 1)) {
      tree.chunk(c);
      if (wantKl) for (let i = tree.layout.chunkStart[c]; i < tree.layout.chunkStart[c + 1]; i++) s.rowKl[i] = rowLogQ(p, s.y, s.dims, i);
    }
    return;
  }
  const [from, to] = share(t, s);
  tree.build(s.y);
  tree.repulsion(s.y, s.theta, t, s.threads, s.groupZ);
  attraction(p, s.y, s.dims, s.params[0], s.attract, from, to, s.params[1] === 1, s.rowKl);
}

/** Polls view[i] for up to `spinMs` while it still holds `value`, then sleeps on it: a sleeping thread takes a while to wake (long on a virtual machine), and an iteration lasts about a millisecond. */
function waitWhile(view: Int32Array, i: number, value: number, spinMs: number): void {
  const until = performance.now() + spinMs;
  for (let k = 0; Atomics.load(view, i) === value; k++) {
    if ((k & 255) === 0 && performance.now() > until) {
      Atomics.wait(view, i, value);
      return;
    }
  }
}

/** A helper thread's life (t ≥ 1): says it is ready, then computes its share of each gradient until told to stop. Blocks. */
export function helperLoop(t: number, s: SharedGradient, p: SparseP, exact?: SharedExact): void {
  const tree = exact ? new ExactKernel(exact.layout, exact.memory, true) : new SpaceTree(s.n, s.dims, s.forces);
  Atomics.add(s.ctrl, 2, 1);
  Atomics.notify(s.ctrl, 2);
  let seen = 0;
  for (;;) {
    waitWhile(s.ctrl, 0, seen, s.spinMs);
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
export function leaderGradient(s: SharedGradient, p: SparseP, kernel?: ExactKernel): GradientFn {
  const tree = kernel ?? new SpaceTree(s.n, s.dims, s.forces);
  const plogp = kernel ? pLogP(p) : 0;
  return (y, exaggeration, grad, wantKl) => {
    if (kernel) kernel.writeY(y);
    if (!kernel || wantKl) s.y.set(y);
    s.params[0] = exaggeration;
    s.params[1] = wantKl ? 1 : 0;
    Atomics.store(s.ctrl, 1, 0);
    Atomics.store(s.ctrl, 3, 0);
    if (s.threads > 1) {
      Atomics.add(s.ctrl, 0, 1);
      Atomics.notify(s.ctrl, 0);
    }
    work(0, s, p, tree);
    let done = Atomics.load(s.ctrl, 1);
    while (done < s.threads - 1) {
      waitWhile(s.ctrl, 1, done, s.spinMs);
      done = Atomics.load(s.ctrl, 1);
    }
    if (tree instanceof ExactKernel) {
      tree.sumColumns();
      let logQ = NaN;
      if (wantKl) {
        logQ = 0;
        for (let i = 0; i < s.n; i++) logQ += s.rowKl[i];
      }
      return combineExact(tree, exaggeration, grad, plogp, logQ);
    }
    let z = 0;
    for (let g = 0; g < tree.groupCount; g++) z += s.groupZ[g];
    let kl = 0;
    if (wantKl) for (let i = 0; i < s.n; i++) kl += s.rowKl[i];
    return combineGradient(s.attract, s.forces, z, grad, kl, wantKl);
  };
}
