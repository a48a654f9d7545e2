/**
 * Node-only (the CLI's; pages never import it): the t-SNE gradient shared between this thread and
 * worker_threads over SharedArrayBuffers. Every thread builds the same tree from the shared
 * embedding and takes a slice of the points (repulsion) and of P's rows (attraction); the caller
 * adds the parts. Deterministic for a given thread count. This file is also the worker's entry.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { SparseP } from './affinities';
import { attraction, combineGradient } from './gradient';
import { SpaceTree } from './space-tree';
import type { GradientFn, TsneSettings } from './tsne';

/** Shared state: ctrl = [generation (−1 stops), threads done, threads ready]; params = [exaggeration, wantKl]. */
interface Shared {
  n: number;
  dims: 2 | 3;
  theta: number;
  threads: number;
  ctrl: Int32Array;
  params: Float64Array;
  y: Float64Array;
  forces: Float64Array;
  attract: Float64Array;
  /** [z, klPart] per thread. */
  parts: Float64Array;
}

const READY_TIMEOUT_MS = 20_000;

function sab(bytes: number): SharedArrayBuffer {
  return new SharedArrayBuffer(Math.max(8, bytes));
}

/** One thread's share: its slice of the tree's depth-first order and of P's rows. */
function work(t: number, s: Shared, p: SparseP, tree: SpaceTree): void {
  const from = Math.floor((t * s.n) / s.threads);
  const to = Math.floor(((t + 1) * s.n) / s.threads);
  tree.build(s.y);
  s.parts[2 * t] = tree.repulsion(s.y, s.theta, from, to);
  s.parts[2 * t + 1] = attraction(p, s.y, s.dims, s.params[0], s.attract, from, to, s.params[1] === 1);
}

/** A pool of threads − 1 workers computing the gradient with this thread; close() ends them. */
export interface ThreadedGradient {
  gradient: (p: SparseP, settings: TsneSettings) => GradientFn;
  /** Threads actually used (1 when the workers did not start). */
  threads(): number;
  close(): void;
}

/**
 * Starts the workers now (they load while the affinities are computed); `gradient` then hands them
 * P and returns the gradient function. Falls back to one thread, with a warning, if they fail.
 */
export function threadedGradient(n: number, dims: 2 | 3, threads: number, warn: (msg: string) => void = console.warn): ThreadedGradient {
  const f64 = (count: number) => new Float64Array(sab(count * 8));
  const shared = {
    n, dims, theta: 0.5, threads,
    ctrl: new Int32Array(sab(16)), params: f64(2), y: f64(n * dims), forces: f64(n * dims), attract: f64(n * dims), parts: f64(2 * threads),
  };
  const workers: Worker[] = [];
  let failed = false;
  for (let t = 1; t < threads; t++) {
    const w = new Worker(new URL(import.meta.url), { workerData: { tsneThread: t, shared } });
    w.on('error', (e) => { failed = true; warn(`t-SNE thread ${t} failed: ${e.message}`); });
    w.unref();
    workers.push(w);
  }
  let used = threads;
  const close = () => {
    Atomics.store(shared.ctrl, 0, -1);
    Atomics.notify(shared.ctrl, 0);
    for (const w of workers) void w.terminate();
  };
  return {
    threads: () => used,
    close,
    gradient: (p, settings) => {
      const s: Shared = { ...shared, theta: settings.theta };
      const tree = new SpaceTree(n, dims, s.forces);
      for (const w of workers) w.postMessage({ p, theta: settings.theta });
      const deadline = Date.now() + READY_TIMEOUT_MS;
      let ready = Atomics.load(s.ctrl, 2);
      while (ready < threads - 1 && !failed && Date.now() < deadline) {
        Atomics.wait(s.ctrl, 2, ready, 50);
        ready = Atomics.load(s.ctrl, 2);
      }
      if (ready < threads - 1) {
        warn(`t-SNE: ${threads - 1 - ready} worker thread(s) did not start; using one thread`);
        close();
        used = 1;
        s.threads = 1;
      }
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
        let kl = 0;
        for (let t = 0; t < s.threads; t++) {
          z += s.parts[2 * t];
          kl += s.parts[2 * t + 1];
        }
        return combineGradient(s.attract, s.forces, z, grad, kl, wantKl);
      };
    },
  };
}

if (!isMainThread && (workerData as { tsneThread?: number } | null)?.tsneThread) {
  const { tsneThread: t, shared } = workerData as { tsneThread: number; shared: Shared };
  parentPort!.once('message', (msg: { p: SparseP; theta: number }) => {
    const s: Shared = { ...shared, theta: msg.theta };
    const tree = new SpaceTree(s.n, s.dims, s.forces);
    Atomics.add(s.ctrl, 2, 1);
    Atomics.notify(s.ctrl, 2);
    let seen = 0;
    for (;;) {
      Atomics.wait(s.ctrl, 0, seen);
      const gen = Atomics.load(s.ctrl, 0);
      if (gen < 0) break;
      seen = gen;
      work(t, s, msg.p, tree);
      Atomics.add(s.ctrl, 1, 1);
      Atomics.notify(s.ctrl, 1);
    }
  });
}
