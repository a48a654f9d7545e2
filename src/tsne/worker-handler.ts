/** The t-SNE worker's logic without the worker: takes requests, posts responses; one run at a time, cancellable. */
import { parseTsneRequest, type TsneResponse } from './protocol';
import type { GradientPool } from './gradient-pool';
import { runInputs } from './run-inputs';
import { resolveSettings, runTsneAsync, validateFeatures } from './tsne';
import { trustworthiness } from './trustworthiness';

/** How responses leave (self.postMessage in the worker; transfer lists the embedding's buffer). */
export type PostResponse = (msg: TsneResponse, transfer?: Transferable[]) => void;

/** Starts helper threads for a run of n points (browser-threads.ts in the page), or null for one thread. */
export type StartThreads = (n: number, dims: 2 | 3) => GradientPool | null;

/** Returns the message handler; `yieldFn` lets queued messages (a cancel) in between iterations; `threads` shares the gradient. */
export function createTsneWorkerHandler(
  post: PostResponse,
  yieldFn?: () => Promise<void>,
  threads?: StartThreads,
): (msg: unknown) => Promise<void> {
  const cancelled = new Set<number>();
  let running: number | null = null;
  return async (msg) => {
    const parsed = parseTsneRequest(msg);
    if (!parsed.ok) {
      post({ type: 'error', id: parsed.id, message: parsed.message });
      return;
    }
    const req = parsed.request;
    if (req.type === 'cancel') {
      if (running === req.id) cancelled.add(req.id);
      return;
    }
    if (running !== null) {
      post({ type: 'error', id: req.id, message: `t-SNE worker: run ${running} is still going; cancel it first` });
      return;
    }
    running = req.id;
    const signal = {
      get aborted() {
        return cancelled.has(req.id);
      },
    };
    let pool: GradientPool | null = null;
    try {
      validateFeatures(req.features, req.n, req.d);
      const settings = resolveSettings(req.n, req.options);
      pool = threads?.(req.n, settings.dims) ?? null;
      await pool?.loaded();
      const inputs = await runInputs(pool, req.features, req.n, req.d, settings);
      const result = await runTsneAsync(req.features, req.n, req.d, req.options, {
        ...inputs.hooks,
        signal,
        yieldFn,
        gradient: pool?.gradient,
        onProgress: (p) => post({ type: 'progress', id: req.id, ...p }),
      });
      result.seconds.affinities += inputs.seconds;
      if (result.cancelled) {
        post({ type: 'cancelled', id: req.id, iteration: result.iterations });
        return;
      }
      const k = req.trustworthinessK ?? 10;
      const t0 = performance.now();
      const trust =
        k >= 1 && k < req.n / 2
          ? trustworthiness(req.features, req.n, req.d, result.embedding, result.dims, k, inputs.hooks.distances)
          : null;
      const seconds = { ...result.seconds, trustworthiness: (performance.now() - t0) / 1000 };
      post(
        {
          type: 'done',
          id: req.id,
          embedding: result.embedding,
          n: result.n,
          dims: result.dims,
          kl: result.kl,
          iterations: result.iterations,
          trustworthiness: trust,
          settings: result.settings,
          seconds,
          threads: pool?.threads() ?? 1,
        },
        [result.embedding.buffer],
      );
    } catch (e) {
      if (signal.aborted) post({ type: 'cancelled', id: req.id, iteration: 0 });
      else post({ type: 'error', id: req.id, message: (e as Error).message });
    } finally {
      pool?.close();
      running = null;
      cancelled.delete(req.id);
    }
  };
}
