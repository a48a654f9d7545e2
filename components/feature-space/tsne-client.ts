/** Runs t-SNE in the Web Worker (src/tsne/tsne-worker.ts): a promise of the result, progress, and cancel. */
import type { TsneRequest, TsneResponse } from '../../src/tsne/protocol';
import type { TsneOptions } from '../../src/tsne/tsne';

/** The worker's 'done' message. */
export type TsneDone = Extract<TsneResponse, { type: 'done' }>;

/** A run in flight: `result` resolves with the embedding, or null when cancelled; rejects on an error. */
export interface TsneJob {
  result: Promise<TsneDone | null>;
  cancel(): void;
}

let worker: Worker | null = null;
let nextId = 1;

function tsneWorker(): Worker {
  worker ??= new Worker(new URL('../../src/tsne/tsne-worker.ts', import.meta.url), { type: 'module' });
  return worker;
}

/** Starts t-SNE of [n, d] features (copied, so the caller keeps its array) with progress every 50 iterations. */
export function startTsne(
  features: Float32Array,
  n: number,
  d: number,
  options: TsneOptions,
  onProgress?: (iteration: number, iterations: number, kl: number) => void,
): TsneJob {
  const w = tsneWorker();
  const id = nextId++;
  const result = new Promise<TsneDone | null>((resolve, reject) => {
    const listen = (ev: MessageEvent<TsneResponse>) => {
      const m = ev.data;
      if (m.id !== id) return;
      if (m.type === 'progress') {
        onProgress?.(m.iteration, m.iterations, m.kl);
        return;
      }
      w.removeEventListener('message', listen);
      if (m.type === 'done') resolve(m);
      else if (m.type === 'cancelled') resolve(null);
      else reject(new Error(m.message));
    };
    w.addEventListener('message', listen);
    const copy = Float32Array.from(features);
    const req: TsneRequest = { type: 'run', id, features: copy, n, d, options };
    w.postMessage(req, [copy.buffer]);
  });
  return { result, cancel: () => w.postMessage({ type: 'cancel', id } satisfies TsneRequest) };
}
