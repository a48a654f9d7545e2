/** The t-SNE worker's logic without the worker: takes requests, posts responses; one run at a time, cancellable. */
import { parseTsneRequest, type TsneResponse } from './protocol';
import { runTsneAsync } from './tsne';
import { trustworthiness } from './trustworthiness';

/** How responses leave (self.postMessage in the worker; transfer lists the embedding's buffer). */
export type PostResponse = (msg: TsneResponse, transfer?: Transferable[]) => void;

/** Returns the message handler; `yieldFn` lets queued messages (a cancel) in between iterations. */
export function createTsneWorkerHandler(post: PostResponse, yieldFn?: () => Promise<void>): (msg: unknown) => Promise<void> {
  const cancelled = new Set<number>();
  let running: number | null = null;
  return async (msg) => {
    const parsed = parseTsneRequest(msg);
    if (!parsed.ok) { post({ type: 'error', id: parsed.id, message: parsed.message }); return; }
    const req = parsed.request;
    if (req.type === 'cancel') { if (running === req.id) cancelled.add(req.id); return; }
    if (running !== null) { post({ type: 'error', id: req.id, message: `t-SNE worker: run ${running} is still going; cancel it first` }); return; }
    running = req.id;
    const signal = { get aborted() { return cancelled.has(req.id); } };
    try {
      const result = await runTsneAsync(req.features, req.n, req.d, req.options, {
        signal, yieldFn,
        onProgress: (p) => post({ type: 'progress', id: req.id, ...p }),
      });
      if (result.cancelled) { post({ type: 'cancelled', id: req.id, iteration: result.iterations }); return; }
      const k = req.trustworthinessK ?? 10;
      const t0 = performance.now();
      const trust = k >= 1 && k < req.n / 2 ? trustworthiness(req.features, req.n, req.d, result.embedding, result.dims, k) : null;
      const seconds = { ...result.seconds, trustworthiness: (performance.now() - t0) / 1000 };
      post({ type: 'done', id: req.id, embedding: result.embedding, n: result.n, dims: result.dims, kl: result.kl, iterations: result.iterations, trustworthiness: trust, settings: result.settings, seconds }, [result.embedding.buffer]);
    } catch (e) {
      if (signal.aborted) post({ type: 'cancelled', id: req.id, iteration: 0 });
      else post({ type: 'error', id: req.id, message: (e as Error).message });
    } finally {
      running = null;
      cancelled.delete(req.id);
    }
  };
}
