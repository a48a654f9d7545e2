/**
 * A pool of helper threads for the shared gradient (shared-gradient.ts), whatever starts them:
 * worker_threads in Node (node-threads.ts), Web Workers in the page (browser-threads.ts). The
 * helpers start loading at once; `prepare` shares the distances and the PCA with them
 * (shared-prepare.ts); `gradient` hands them P, waits for them to be ready, and falls back to one
 * thread, with a warning, when they fail or do not answer in time.
 */
import type { SparseP } from './affinities';
import { CACHE_LIMIT } from './distance-cache';
import type { DistanceRows } from './distance-kernel';
import { ExactKernel } from './exact-kernel';
import { leaderGradient, readyHelpers, sharedGradient, stopHelpers, type SharedExact, type SharedGradient } from './shared-gradient';
import { leaderPrepare, sharedPrepare, type SharedPrepare } from './shared-prepare';
import { yieldToEventLoop } from './event-loop';
import type { GradientFn, TsneSettings } from './tsne';

/** What a helper gets when the run starts. */
export interface HelperStart {
  p: SparseP;
  theta: number;
  exact?: SharedExact;
}

/** One started helper thread as the pool sees it. */
export interface HelperThread {
  /** Sends P, theta and the exact kernel's memory when the run sums exactly (the helper then runs helperLoop). */
  start(msg: HelperStart): void;
  /** Sends the shared distance and PCA work (the helper then runs helperPrepare). */
  prepare(shared: SharedPrepare): void;
  terminate(): void;
  /** Settles when the helper's code has loaded (Web Workers start only while their parent's event loop runs). */
  loaded?: Promise<unknown>;
}

/** Starts helper t (1 ≤ t < threads) on the shared state; calls `fail` if it cannot run. */
export type SpawnHelper = (t: number, shared: SharedGradient, fail: (message: string) => void) => HelperThread;

/** A pool of threads − 1 helpers computing the gradient with this thread; close() ends them. */
export interface GradientPool {
  gradient: (p: SparseP, settings: TsneSettings) => GradientFn;
  /**
   * The distance triangle, P at `perplexity` (and PCA scores when `pca` is given) computed on every
   * thread, before `gradient`; null on one thread, after a helper failed, or past the distance cache's size.
   */
  prepare(
    x: ArrayLike<number>,
    d: number,
    perplexity: number,
    pca: { components: number; seed: number } | null,
  ): Promise<{ distances: DistanceRows; p: SparseP; pcaScores?: Float64Array } | null>;
  /** Threads actually used (1 when the helpers did not start). */
  threads(): number;
  /** Settles when every helper has loaded, failed, or `readyTimeoutMs` has passed: await it before the synchronous work. */
  loaded(): Promise<void>;
  close(): void;
}

/** Starts threads − 1 helpers now; `readyTimeoutMs` bounds the wait for them in `gradient`; `cores` says whether waiting threads may poll. */
export function gradientPool(
  n: number,
  dims: 2 | 3,
  threads: number,
  spawn: SpawnHelper,
  warn: (msg: string) => void,
  readyTimeoutMs = 20_000,
  cores = threads,
): GradientPool {
  const shared = sharedGradient(n, dims, threads, 0.5, cores);
  const helpers: HelperThread[] = [];
  let failed = false;
  for (let t = 1; t < threads; t++) {
    helpers.push(
      spawn(t, shared, (message) => {
        failed = true;
        warn(`t-SNE thread ${t} failed: ${message}`);
      }),
    );
  }
  let used = threads;
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    stopHelpers(shared);
    for (const h of helpers) h.terminate();
  };
  return {
    threads: () => used,
    close,
    prepare: async (x, d, perplexity, pca) => {
      if (used === 1 || failed || closed || (n * (n - 1)) / 2 > CACHE_LIMIT) return null;
      const s = sharedPrepare(x, n, d, perplexity, pca);
      for (const h of helpers) h.prepare(s);
      // Chromium hands a worker's messages to its nested workers only once its event loop runs.
      await yieldToEventLoop();
      return leaderPrepare(s);
    },
    loaded: () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, readyTimeoutMs);
        void Promise.allSettled(helpers.map((h) => h.loaded)).then(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
    gradient: (p, settings) => {
      const s: SharedGradient = { ...shared, theta: settings.theta };
      let kernel: ExactKernel | undefined;
      let exact: SharedExact | undefined;
      if (settings.method === 'exact') {
        kernel = ExactKernel.forP(p, dims, threads > 1);
        exact = { layout: kernel.layout, memory: kernel.memory };
      }
      for (const h of helpers) h.start({ p, theta: settings.theta, exact });
      const deadline = Date.now() + readyTimeoutMs;
      let ready = readyHelpers(s);
      while (ready < threads - 1 && !failed && Date.now() < deadline) {
        Atomics.wait(s.ctrl, 2, ready, 50);
        ready = readyHelpers(s);
      }
      if (ready < threads - 1) {
        warn(`t-SNE: ${threads - 1 - ready} helper thread(s) did not start; using one thread`);
        close();
        used = 1;
        s.threads = 1;
      }
      return leaderGradient(s, p, kernel);
    },
  };
}
