/** Web Worker entry of one t-SNE helper thread (browser-threads.ts starts it): says it has loaded; runs the shared distance work when sent it, then its share of every gradient (helperLoop). */
import type { HelperStart } from './gradient-pool';
import { helperLoop, type SharedGradient } from './shared-gradient';
import { helperPrepare, type SharedPrepare } from './shared-prepare';

interface HelperScope {
  postMessage(msg: unknown): void;
  onmessage: ((e: { data: { start?: HelperStart & { t: number; shared: SharedGradient }; prepare?: SharedPrepare } }) => void) | null;
}

const scope = self as unknown as HelperScope;
scope.onmessage = (e) => {
  const { start, prepare } = e.data;
  if (prepare) helperPrepare(prepare);
  else if (start) {
    scope.onmessage = null;
    helperLoop(start.t, { ...start.shared, theta: start.theta }, start.p, start.exact);
  }
};
scope.postMessage('loaded');
