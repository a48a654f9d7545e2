/** Loads TensorFlow.js (only when training is near), points the wasm backend at its bundled binaries, and picks a backend. */
import type { BackendChoice } from '../../src/train/backends';
import type { TF } from '../../src/tensor/tf-types';

let tfPromise: Promise<TF> | null = null;

/** tfjs with the wasm binaries' URLs set (they are emitted by the bundler next to the page's scripts). */
export function loadTf(): Promise<TF> {
  tfPromise ??= (async () => {
    const [tf, wasm, plain, simd, threaded] = await Promise.all([
      import('@tensorflow/tfjs'),
      import('@tensorflow/tfjs-backend-wasm'),
      import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url'),
      import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url'),
      import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url'),
    ]);
    wasm.setWasmPaths({
      'tfjs-backend-wasm.wasm': plain.default,
      'tfjs-backend-wasm-simd.wasm': simd.default,
      'tfjs-backend-wasm-threaded-simd.wasm': threaded.default,
    });
    if (globalThis.crossOriginIsolated) await (await import('./wasm-threaded-source')).useSelfContainedThreadedFactory();
    return tf as unknown as TF;
  })();
  tfPromise.catch(() => {
    tfPromise = null;
  });
  return tfPromise;
}

/** Switches tf to the first backend of `order` that works (with `auto`, software GPU renderers after wasm); the failures of the others are returned. */
export async function useBackend(tf: TF, order: string[], auto: boolean): Promise<BackendChoice> {
  const { selectBackend } = await import('../../src/train/backends');
  return selectBackend(tf, { preferred: order, avoidSoftware: auto });
}

export { backendText } from '../../src/runs/backend-text';

/**
 * When wasm trains on one thread because this page is not cross-origin isolated but the book's
 * service worker (public/coi-sw.js) is now active and would isolate a fresh load: how to get every core.
 */
export async function threadsHint(choice: BackendChoice): Promise<string> {
  if (choice.name !== 'wasm' || (choice.threads?.count ?? 1) > 1 || globalThis.crossOriginIsolated || !('serviceWorker' in navigator))
    return '';
  const reg = await navigator.serviceWorker.getRegistration().catch(() => undefined);
  if (!reg?.active || navigator.serviceWorker.controller) return '';
  const cores = navigator.hardwareConcurrency ?? 0;
  return cores > 1
    ? ` Reload the page to train on up to ${Math.min(cores, 8)} threads: the book's service worker, which allows that, started after this page opened.`
    : '';
}

/** Watches the WebGPU device of tf's current backend; `lost` turns true when the browser loses it. */
export function watchDeviceLoss(tf: TF): { readonly lost: boolean; waitLost(ms: number): Promise<boolean> } {
  const device = tf.getBackend() === 'webgpu' ? (tf.backend() as unknown as { device?: { lost?: Promise<unknown> } }).device : undefined;
  const state = { lost: false };
  const lost = device?.lost?.then(() => (state.lost = true)) ?? new Promise<boolean>(() => {});
  return {
    get lost() {
      return state.lost;
    },
    /** Resolves true if the device is lost within `ms` (the loss is reported after the failing call). */
    waitLost: (ms: number) => Promise.race([lost.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(state.lost), ms))]),
  };
}

/** Drops a backend whose device was lost, keeping its factory, so that choosing it again starts a fresh device. */
export function resetBackend(tf: TF, name: string): void {
  const factory = tf.findBackendFactory(name);
  if (!factory) return;
  tf.removeBackend(name);
  tf.registerBackend(name, factory);
}
