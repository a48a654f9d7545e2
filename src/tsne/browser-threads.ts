/**
 * The page's t-SNE threads: from inside the t-SNE worker, helper Web Workers (gradient-thread.ts)
 * that share the gradient with it over SharedArrayBuffers, when the page is cross-origin isolated
 * (coi-sw.js) and has more than one core; the result is the one-thread result, bit for bit.
 */
import { gradientPool, type GradientPool } from './gradient-pool';

/** Most threads the page uses. */
export const MAX_PAGE_THREADS = 4;

/** What pageThreads reads of the global scope. */
export interface PageScope {
  crossOriginIsolated?: boolean;
  navigator?: { hardwareConcurrency?: number };
  SharedArrayBuffer?: unknown;
  Worker?: unknown;
}

/** Threads to use here: the cores, at most MAX_PAGE_THREADS, and 1 without shared memory or workers. */
export function pageThreads(scope: PageScope = globalThis as PageScope): number {
  if (!scope.crossOriginIsolated || !scope.SharedArrayBuffer || !scope.Worker) return 1;
  return Math.max(1, Math.min(MAX_PAGE_THREADS, scope.navigator?.hardwareConcurrency ?? 1));
}

/** Starts threads − 1 helper workers for n points in dims dimensions (see gradientPool). */
export function browserGradientPool(n: number, dims: 2 | 3, threads: number, warn: (msg: string) => void = console.warn): GradientPool {
  return gradientPool(
    n,
    dims,
    threads,
    (t, shared, fail) => {
      const w = new Worker(new URL('./gradient-thread.ts', import.meta.url), { type: 'module' });
      const loaded = new Promise<void>((resolve) => {
        w.onmessage = () => resolve();
        w.onerror = (e) => {
          fail(e.message || 'the helper worker did not load');
          resolve();
        };
      });
      return {
        start: ({ p, theta, exact }) => w.postMessage({ start: { t, shared, p, theta, exact } }),
        prepare: (prepare) => w.postMessage({ prepare }),
        terminate: () => w.terminate(),
        loaded,
      };
    },
    warn,
    10_000,
  );
}
