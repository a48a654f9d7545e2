/** Web Worker entry of one t-SNE helper thread (browser-threads.ts starts it): says it has loaded; the first message carries its share, then it runs helperLoop. */
import type { SparseP } from './affinities';
import { helperLoop, type SharedGradient } from './shared-gradient';

interface HelperScope {
  postMessage(msg: unknown): void;
  onmessage: ((e: { data: { t: number; shared: SharedGradient; p: SparseP; theta: number } }) => void) | null;
}

const scope = self as unknown as HelperScope;
scope.onmessage = (e) => {
  const { t, shared, p, theta } = e.data;
  scope.onmessage = null;
  helperLoop(t, { ...shared, theta }, p);
};
scope.postMessage('loaded');
