/** Web Worker entry for t-SNE (DOM-free): `new Worker(new URL('./tsne-worker.ts', import.meta.url), { type: 'module' })`; messages in protocol.ts; helper threads where the page allows (browser-threads.ts). */
import { browserGradientPool, pageThreads } from './browser-threads';
import { createTsneWorkerHandler } from './worker-handler';

interface WorkerScope {
  postMessage(msg: unknown, transfer?: Transferable[]): void;
  onmessage: ((e: { data: unknown }) => void) | null;
}

const scope = self as unknown as WorkerScope;
const handle = createTsneWorkerHandler(
  (msg, transfer) => scope.postMessage(msg, transfer ?? []),
  undefined,
  (n, dims) => {
    const threads = pageThreads();
    return threads > 1 ? browserGradientPool(n, dims, threads) : null;
  },
);
scope.onmessage = (e) => {
  void handle(e.data);
};
