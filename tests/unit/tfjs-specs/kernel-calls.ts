/** Counts the calls each named kernel of one backend gets, by wrapping what is registered (marks kept), until restore(). */
import type { TF } from '../../../src/tensor/tf-types';

type KernelFunc = import('@tensorflow/tfjs-core').KernelFunc;

/** Wraps kernels `names` of `backendName`; `counts` (by `${where()} ${name}`) grows as they run, restore() puts the unwrapped ones back. */
export function countKernelCalls(
  tf: TF,
  backendName: string,
  names: readonly string[],
  where: () => string,
): { counts: Map<string, number>; restore(): void } {
  const counts = new Map<string, number>();
  const saved = names.map((n) => {
    const config = tf.getKernel(n, backendName);
    if (!config) throw new Error(`no ${n} kernel on ${backendName}`);
    const f = config.kernelFunc;
    const counted = Object.assign(
      ((args) => {
        const key = `${where()} ${n}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        return f(args);
      }) as KernelFunc,
      f,
    );
    tf.unregisterKernel(n, backendName);
    tf.registerKernel({ ...config, kernelFunc: counted });
    return config;
  });
  return {
    counts,
    restore() {
      for (const config of saved) {
        tf.unregisterKernel(config.kernelName, backendName);
        tf.registerKernel(config);
      }
    },
  };
}
