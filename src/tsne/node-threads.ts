/**
 * Node-only (the CLI's; pages never import it): the t-SNE gradient on worker_threads sharing
 * memory with this thread (gradient-pool.ts); the same result as one thread, bit for bit. This
 * file is also the workers' entry.
 */
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { gradientPool, type GradientPool, type HelperStart } from './gradient-pool';
import { helperLoop, type SharedGradient } from './shared-gradient';
import { helperPrepare, type SharedPrepare } from './shared-prepare';

/** A pool of threads − 1 worker_threads computing the gradient with this thread; close() ends them. */
export type ThreadedGradient = GradientPool;

/** Starts the workers now (they load while the affinities are computed); see gradientPool. */
export function threadedGradient(n: number, dims: 2 | 3, threads: number, warn: (msg: string) => void = console.warn): ThreadedGradient {
  return gradientPool(
    n,
    dims,
    threads,
    (t, shared, fail) => {
      const w = new Worker(new URL(import.meta.url), { workerData: { tsneThread: t, shared } });
      w.on('error', (e) => fail(e.message));
      w.unref();
      return {
        start: (msg) => w.postMessage({ start: msg }),
        prepare: (prepare) => w.postMessage({ prepare }),
        terminate: () => void w.terminate(),
      };
    },
    warn,
    20_000,
    availableParallelism(),
  );
}

if (!isMainThread && (workerData as { tsneThread?: number } | null)?.tsneThread) {
  const { tsneThread: t, shared } = workerData as { tsneThread: number; shared: SharedGradient };
  parentPort!.on('message', (msg: { start?: HelperStart; prepare?: SharedPrepare }) => {
    if (msg.prepare) helperPrepare(msg.prepare);
    else if (msg.start) helperLoop(t, { ...shared, theta: msg.start.theta }, msg.start.p, msg.start.exact);
  });
}
