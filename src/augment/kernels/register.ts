/**
 * The augmentation kernels (GridSample, AdjustHue, Separable, HFlip), registered for tfjs's cpu, wasm and
 * webgpu backends on first use; the ops in grid-sample.ts, hsv.ts, separable.ts and augment-batch.ts call them where
 * the current backend has them (webgl keeps the op-by-op versions, which are the reference).
 */
import type { TF, Tensor } from '../../train/tf-types';
import { hostAdjustHue, hostGridSample, hostHFlip, hostSeparable } from './host-kernels';
import { webgpuAdjustHue, webgpuGridSample, webgpuHFlip } from './webgpu-kernels';

type KernelFunc = import('@tensorflow/tfjs-core').KernelFunc;

/** The kernels' names in tfjs's registry. */
export const AUGMENT_KERNEL = { gridSample: 'BookGridSample', adjustHue: 'BookAdjustHue', separable: 'BookSeparable', hflip: 'BookHFlip' } as const;
type KernelName = (typeof AUGMENT_KERNEL)[keyof typeof AUGMENT_KERNEL];

const TABLE: Record<string, Partial<Record<KernelName, KernelFunc>>> = {
  cpu: { BookGridSample: hostGridSample('cpu'), BookAdjustHue: hostAdjustHue('cpu'), BookSeparable: hostSeparable('cpu'), BookHFlip: hostHFlip('cpu') },
  wasm: { BookGridSample: hostGridSample('wasm'), BookAdjustHue: hostAdjustHue('wasm'), BookSeparable: hostSeparable('wasm'), BookHFlip: hostHFlip('wasm') },
  webgpu: { BookGridSample: webgpuGridSample, BookAdjustHue: webgpuAdjustHue, BookHFlip: webgpuHFlip },
};

let enabled = true;

/** Turns the kernels off (true: back on), so benchmarks and tests can run the op-by-op versions on the same backend. */
export function setAugmentKernelsEnabled(on: boolean): void {
  enabled = on;
}

function ensureRegistered(tf: TF): void {
  for (const [backendName, kernels] of Object.entries(TABLE)) {
    for (const [kernelName, kernelFunc] of Object.entries(kernels)) {
      if (!tf.getKernel(kernelName, backendName)) tf.registerKernel({ kernelName, backendName, kernelFunc: kernelFunc as KernelFunc });
    }
  }
}

/** Runs augmentation kernel `name` on the current backend, or returns null where it has none (the caller composes ops instead). */
export function runAugmentKernel(tf: TF, name: KernelName, inputs: Record<string, Tensor>, attrs: Record<string, unknown> = {}): Tensor | Tensor[] | null {
  if (!enabled) return null;
  ensureRegistered(tf);
  if (!tf.getKernel(name, tf.getBackend())) return null;
  return tf.engine().runKernel(name, inputs as never, attrs as never) as Tensor | Tensor[];
}
