/** Web Worker entry for t-SNE (DOM-free): `new Worker(new URL('./tsne-worker.ts', import.meta.url), { type: 'module' })`; messages in protocol.ts. */
import { createTsneWorkerHandler } from './worker-handler';

interface WorkerScope {
  postMessage(msg: unknown, transfer?: Transferable[]): void;
  onmessage: ((e: { data: unknown }) => void) | null;
}

const scope = self as unknown as WorkerScope;
const handle = createTsneWorkerHandler((msg, transfer) => scope.postMessage(msg, transfer ?? []));
scope.onmessage = (e) => { void handle(e.data); };
