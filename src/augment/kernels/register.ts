/**
 * The augmentation kernels (GridSample, AdjustHue, Separable, HFlip) for tfjs's cpu, wasm and webgpu
 * backends: part of each backend's kernel table (src/train/kernels), and registered here too on first
 * use where the backend was set without selectBackend. The ops in grid-sample.ts, hsv.ts, separable.ts
 * and augment-batch.ts call them where the current backend has them (webgl keeps the op-by-op
 * versions, which are the reference).
 */
import type { TF, Tensor } from '../../tensor/tf-types';
import { type BookKernelConfig, registerBookKernels } from '../../tensor/kernel-table';
import { hostKernelConfigs } from './host-kernels';
import { type AugmentKernelName, AUGMENT_KERNEL } from './names';
import { WEBGPU_AUGMENT_KERNELS } from './webgpu-kernels';

/** The kernels' names, for the ops that call them. */
export { AUGMENT_KERNEL };

/** The augmentation kernels of each backend that has them. */
export const AUGMENT_KERNELS: Readonly<Record<string, readonly BookKernelConfig[]>> = {
  cpu: hostKernelConfigs('cpu'),
  wasm: hostKernelConfigs('wasm'),
  webgpu: WEBGPU_AUGMENT_KERNELS,
};

let enabled = true;

/** Turns the kernels off (true: back on), so benchmarks and tests can run the op-by-op versions on the same backend. */
export function setAugmentKernelsEnabled(on: boolean): void {
  enabled = on;
}

/** Runs augmentation kernel `name` on the current backend, or returns null where it has none (the caller composes ops instead). */
export function runAugmentKernel(
  tf: TF,
  name: AugmentKernelName,
  inputs: Record<string, Tensor>,
  attrs: Record<string, unknown> = {},
): Tensor | Tensor[] | null {
  if (!enabled) return null;
  const backend = tf.getBackend();
  if (!tf.getKernel(name, backend)) registerBookKernels(tf, AUGMENT_KERNELS[backend] ?? []);
  if (!tf.getKernel(name, backend)) return null;
  return tf.engine().runKernel(name, inputs as never, attrs as never) as Tensor | Tensor[];
}
