/**
 * Picks the fastest working tfjs backend: webgpu → webgl → wasm → cpu by default. Custom kernels
 * (wasm Conv2DBackpropFilter, a stride-1 wasm Conv2DBackpropInput, a tiled wasm MaxPoolGrad) are registered first. Works in browsers and in Node (where webgpu
 * needs a `navigator.gpu`, e.g. from the `webgpu` package, and webgl is unavailable).
 */
import { registerWasmConv2DBackpropFilter } from './kernels/wasm-conv2d-backprop-filter.ts';
import { registerWasmConv2DBackpropInput } from './kernels/wasm-conv2d-backprop-input.ts';
import { registerWasmMaxPoolGrad } from './kernels/wasm-max-pool-grad.ts';
import type { TF } from './tf-types.ts';

/** Backend names in the default order of preference. */
export const DEFAULT_BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;

/** Options for selectBackend. */
export interface SelectOptions {
  /** Backends to try, in order (default DEFAULT_BACKENDS). */
  preferred?: string[];
  /** Folder (ending in '/') or URL prefix holding the tfjs-backend-wasm .wasm files. */
  wasmPaths?: string;
}

/** The backend chosen and, for each one tried before it, why it was not usable. */
export interface BackendChoice {
  name: string;
  failures: { name: string; reason: string }[];
}

function nodeCwd(): string | null {
  const proc = (globalThis as { process?: { versions?: { node?: string }; cwd?: () => string } }).process;
  return proc?.versions?.node && proc.cwd ? proc.cwd() : null;
}

/** Makes the backend's package register itself (webgpu and wasm are loaded on demand). */
async function loadBackendPackage(tf: TF, name: string, opts: SelectOptions): Promise<void> {
  if (name === 'webgpu' && !tf.findBackendFactory('webgpu')) {
    if (!(globalThis as { navigator?: { gpu?: unknown } }).navigator?.gpu) throw new Error('navigator.gpu is not available (no WebGPU)');
    await import('@tensorflow/tfjs-backend-webgpu');
  }
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const cwd = nodeCwd();
    const paths = opts.wasmPaths ?? (cwd ? `${cwd}/node_modules/@tensorflow/tfjs-backend-wasm/dist/` : undefined);
    if (paths) wasm.setWasmPaths(paths);
    registerWasmConv2DBackpropFilter(tf);
    registerWasmConv2DBackpropInput(tf);
    registerWasmMaxPoolGrad(tf);
  }
}

/** Tries each preferred backend in order and switches tf to the first that initialises. */
export async function selectBackend(tf: TF, opts: SelectOptions = {}): Promise<BackendChoice> {
  const order = opts.preferred ?? [...DEFAULT_BACKENDS];
  const failures: { name: string; reason: string }[] = [];
  for (const name of order) {
    try {
      await loadBackendPackage(tf, name, opts);
      if (!tf.findBackendFactory(name)) throw new Error('backend is not registered (its package is not loaded)');
      const ok = await tf.setBackend(name);
      if (!ok) throw new Error('initialisation failed');
      await tf.ready();
      if (tf.getBackend() !== name) throw new Error(`tf switched to ${tf.getBackend()} instead`);
      return { name, failures };
    } catch (e) {
      failures.push({ name, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  throw new Error(`no tfjs backend could be initialised: ${failures.map((f) => `${f.name}: ${f.reason}`).join('; ')}`);
}
