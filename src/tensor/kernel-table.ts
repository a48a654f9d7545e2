/**
 * How the book's kernels enter tfjs's registry, as tfjs's own backends register theirs: each kernel
 * file exports its config, each backend has one list of them (wasm-kernels.ts, webgpu-kernels.ts,
 * cpu-kernels.ts), and registerBookKernels puts a list in place, keeping the kernel it replaces as the
 * stock one (the book's kernel hands it the cases it does not handle; unregisterBookKernels puts it back).
 */
import type { TF } from './tf-types';

type KernelFunc = import('@tensorflow/tfjs-core').KernelFunc;

/** One kernel of the book: its name and backend in tfjs's registry, and how to build it from tfjs's kernel of that name (undefined where tfjs has none). */
export interface BookKernelConfig {
  kernelName: string;
  backendName: string;
  make(tf: TF, stock: KernelFunc | undefined): unknown;
}

/** A registered kernel of the book, marked, with the kernel it replaced. */
type BookKernelFunc = KernelFunc & { book?: true; stock?: KernelFunc };

/** The stock kernel a replacement needs; throws, naming the package to load, where tfjs has none. */
export function needStock(stock: KernelFunc | undefined, kernelName: string, backendName: string): KernelFunc {
  if (!stock)
    throw new Error(`tfjs's ${kernelName} for ${backendName} is not registered: import @tensorflow/tfjs-backend-${backendName} first`);
  return stock;
}

const marked = (tf: TF, c: BookKernelConfig) => tf.getKernel(c.kernelName, c.backendName)?.kernelFunc as BookKernelFunc | undefined;

/** Registers each kernel of `configs` in place of tfjs's (idempotent: a kernel of the book already there stays). */
export function registerBookKernels(tf: TF, configs: readonly BookKernelConfig[]): void {
  for (const c of configs) {
    const current = tf.getKernel(c.kernelName, c.backendName);
    if ((current?.kernelFunc as BookKernelFunc | undefined)?.book) continue;
    const f = c.make(tf, current?.kernelFunc) as KernelFunc;
    const kernelFunc: BookKernelFunc = Object.assign(((args) => f(args)) as KernelFunc, {
      book: true as const,
      stock: current?.kernelFunc,
    });
    if (current) tf.unregisterKernel(c.kernelName, c.backendName);
    tf.registerKernel({ ...current, kernelName: c.kernelName, backendName: c.backendName, kernelFunc });
  }
}

/** Puts tfjs's kernels back in place of the book's of `configs` (the book's own kernel names are removed). */
export function unregisterBookKernels(tf: TF, configs: readonly BookKernelConfig[]): void {
  for (const c of configs) {
    const current = tf.getKernel(c.kernelName, c.backendName);
    const f = marked(tf, c);
    if (!current || !f?.book) continue;
    tf.unregisterKernel(c.kernelName, c.backendName);
    if (f.stock) tf.registerKernel({ ...current, kernelFunc: f.stock });
  }
}

/** Whether the kernel registered for `kernelName` on `backendName` is the book's. */
export function isBookKernel(tf: TF, kernelName: string, backendName: string): boolean {
  return marked(tf, { kernelName, backendName, make: () => null })?.book === true;
}
