import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  type BookKernelConfig,
  isBookKernel,
  needStock,
  registerBookKernels,
  unregisterBookKernels,
} from '../../../src/tensor/kernel-table';
import { WASM_KERNELS } from '../../../src/train/kernels/wasm-kernels';
import { bookKernelTable, selectBackend } from '../../../src/train/backends';

type KernelFunc = import('@tensorflow/tfjs-core').KernelFunc;

describe('registerBookKernels', () => {
  it('replaces a kernel, keeps the stock one for the cases it hands back, and unregisterBookKernels puts it back', async () => {
    await selectBackend(tf, { preferred: ['cpu'] });
    const stock = tf.getKernel('Neg', 'cpu')?.kernelFunc as KernelFunc;
    const calls: string[] = [];
    const countedNeg: BookKernelConfig = {
      kernelName: 'Neg',
      backendName: 'cpu',
      make: (_tf, s) => (args: Parameters<KernelFunc>[0]) => {
        calls.push(String(args.inputs.x?.dtype));
        return needStock(s, 'Neg', 'cpu')(args);
      },
    };
    registerBookKernels(tf, [countedNeg]);
    registerBookKernels(tf, [countedNeg]);
    expect(isBookKernel(tf, 'Neg', 'cpu')).toBe(true);
    expect(Array.from(tf.neg(tf.tensor1d([1, -2])).dataSync())).toEqual([-1, 2]);
    expect(calls).toEqual(['float32']);
    unregisterBookKernels(tf, [countedNeg]);
    expect(isBookKernel(tf, 'Neg', 'cpu')).toBe(false);
    expect(tf.getKernel('Neg', 'cpu')?.kernelFunc).toBe(stock);
  });
  it("removes a kernel name of the book's own, which tfjs has no kernel for", () => {
    const own: BookKernelConfig = {
      kernelName: 'BookTableProbe',
      backendName: 'cpu',
      make: () => () => ({ dataId: {}, shape: [], dtype: 'float32' }),
    };
    registerBookKernels(tf, [own]);
    expect(isBookKernel(tf, 'BookTableProbe', 'cpu')).toBe(true);
    unregisterBookKernels(tf, [own]);
    expect(tf.getKernel('BookTableProbe', 'cpu')).toBeUndefined();
  });
  it('needStock names the package to load where tfjs has no kernel to replace', () => {
    expect(() => needStock(undefined, 'Sum', 'webgpu')).toThrow(/@tensorflow\/tfjs-backend-webgpu/);
  });
});

describe('bookKernelTable', () => {
  it("is what selectBackend registers on wasm: every kernel of WASM_KERNELS is the book's", async () => {
    expect(await bookKernelTable('wasm')).toBe(WASM_KERNELS);
    await selectBackend(tf, { preferred: ['wasm'] });
    expect(WASM_KERNELS.every((k) => isBookKernel(tf, k.kernelName, 'wasm'))).toBe(true);
    expect(await bookKernelTable('webgl')).toEqual([]);
  });
});
