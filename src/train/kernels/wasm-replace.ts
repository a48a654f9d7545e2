/** Puts the book's version of a wasm kernel in place of tfjs-backend-wasm's, keeping the original as its fallback. */
import type { TF } from '../tf-types';

type KernelFunc = import('@tensorflow/tfjs-core').KernelFunc;

/** Replaces kernel `name` of 'wasm' by `make(original)`, once (the replacement is marked `fastPath`); does nothing if wasm lacks it. */
export function replaceWasmKernel(tf: TF, name: string, make: (fallback: KernelFunc) => unknown): void {
  const current = tf.getKernel(name, 'wasm');
  if (!current || (current.kernelFunc as { fastPath?: boolean }).fastPath) return;
  const kernelFunc = make(current.kernelFunc) as KernelFunc;
  (kernelFunc as { fastPath?: boolean }).fastPath = true;
  tf.unregisterKernel(name, 'wasm');
  tf.registerKernel({ ...current, kernelFunc });
}
