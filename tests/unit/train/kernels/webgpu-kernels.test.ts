import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { isBookKernel, registerBookKernels, unregisterBookKernels } from '../../../../src/tensor/kernel-table';
import { WEBGPU_KERNELS, WEBGPU_REPLACED } from '../../../../src/train/kernels/webgpu-kernels';
import { selectBackend } from '../../../../src/train/backends';
import { webgpu } from './webgpu-helpers';

const names = WEBGPU_REPLACED.map((k) => k.kernelName);

describe('WEBGPU_KERNELS', () => {
  it('replace the stock kernels, idempotently, and unregisterBookKernels puts them back', async () => {
    await webgpu();
    const ours = new Map(names.map((k) => [k, tf.getKernel(k, 'webgpu')?.kernelFunc as { stock?: unknown } | undefined]));
    registerBookKernels(tf, WEBGPU_KERNELS);
    expect(names.every((k) => tf.getKernel(k, 'webgpu')?.kernelFunc === ours.get(k))).toBe(true);
    unregisterBookKernels(tf, WEBGPU_REPLACED);
    expect(names.some((k) => isBookKernel(tf, k, 'webgpu'))).toBe(false);
    expect(names.every((k) => tf.getKernel(k, 'webgpu')?.kernelFunc === ours.get(k)?.stock)).toBe(true);
    registerBookKernels(tf, WEBGPU_KERNELS);
    expect(names.every((k) => isBookKernel(tf, k, 'webgpu'))).toBe(true);
  });
  it('are what selectBackend gives the page and the CLI when it picks webgpu', async () => {
    await webgpu();
    unregisterBookKernels(tf, WEBGPU_KERNELS);
    const choice = await selectBackend(tf, { preferred: ['webgpu'] });
    expect(choice.name).toBe('webgpu');
    expect(WEBGPU_KERNELS.every((k) => isBookKernel(tf, k.kernelName, 'webgpu'))).toBe(true);
  });
});
