/**
 * Registers the project's WebGPU kernels over tfjs-backend-webgpu's (call after that package is
 * imported, e.g. where the webgpu backend is selected), and puts the stock ones back (benchmarks
 * compare both in one process). Both are idempotent.
 */
import type { TF } from '../tf-types';
import { makeWebgpuConv2DBackpropFilter } from './webgpu-conv2d-backprop-filter';
import { makeWebgpuMaxPoolGrad } from './webgpu-max-pool-grad';
import { makeWebgpuSum } from './webgpu-sum';
import type { MarkedKernelFunc } from './webgpu-types';

type KernelFunc = import('@tensorflow/tfjs-core').KernelFunc;

const MAKERS: Record<string, (tf: TF, stock: KernelFunc) => unknown> = {
  Conv2DBackpropFilter: makeWebgpuConv2DBackpropFilter,
  MaxPoolGrad: makeWebgpuMaxPoolGrad,
  Sum: makeWebgpuSum,
};

/** Names of the kernels this project replaces on the webgpu backend. */
export const WEBGPU_KERNEL_NAMES = Object.keys(MAKERS);

/** Replaces tfjs-webgpu's kernels with the project's; throws if the webgpu package is not loaded. */
export function registerWebgpuKernels(tf: TF): void {
  for (const [name, make] of Object.entries(MAKERS)) {
    const current = tf.getKernel(name, 'webgpu');
    if (!current) throw new Error(`tfjs-backend-webgpu's ${name} is not registered: import @tensorflow/tfjs-backend-webgpu first`);
    if ((current.kernelFunc as MarkedKernelFunc).webgpuCustom) continue;
    const kernelFunc = make(tf, current.kernelFunc) as MarkedKernelFunc;
    kernelFunc.webgpuCustom = true;
    kernelFunc.stock = current.kernelFunc;
    tf.unregisterKernel(name, 'webgpu');
    tf.registerKernel({ ...current, kernelFunc });
  }
}

/** Puts tfjs-webgpu's own kernels back. */
export function unregisterWebgpuKernels(tf: TF): void {
  for (const name of WEBGPU_KERNEL_NAMES) {
    const current = tf.getKernel(name, 'webgpu');
    const stock = (current?.kernelFunc as MarkedKernelFunc | undefined)?.stock;
    if (!current || !stock) continue;
    tf.unregisterKernel(name, 'webgpu');
    tf.registerKernel({ ...current, kernelFunc: stock });
  }
}

/** Whether the project's kernel is the one registered for `name` on webgpu. */
export function isWebgpuKernelCustom(tf: TF, name: string): boolean {
  return (tf.getKernel(name, 'webgpu')?.kernelFunc as MarkedKernelFunc | undefined)?.webgpuCustom === true;
}
