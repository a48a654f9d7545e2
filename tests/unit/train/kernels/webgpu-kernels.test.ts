import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { WEBGPU_KERNEL_NAMES, isWebgpuKernelCustom, registerWebgpuKernels, unregisterWebgpuKernels } from '../../../../src/train/kernels/webgpu-kernels';
import { selectBackend } from '../../../../src/train/backends';
import { webgpu } from './webgpu-helpers';

describe('registerWebgpuKernels', () => {
  it('replaces the stock kernels, idempotently, and unregisterWebgpuKernels puts them back', async () => {
    await webgpu();
    const ours = new Map(WEBGPU_KERNEL_NAMES.map((k) => [k, tf.getKernel(k, 'webgpu')?.kernelFunc as { stock?: unknown } | undefined]));
    registerWebgpuKernels(tf);
    expect(WEBGPU_KERNEL_NAMES.every((k) => tf.getKernel(k, 'webgpu')?.kernelFunc === ours.get(k))).toBe(true);
    unregisterWebgpuKernels(tf);
    expect(WEBGPU_KERNEL_NAMES.some((k) => isWebgpuKernelCustom(tf, k))).toBe(false);
    expect(WEBGPU_KERNEL_NAMES.every((k) => tf.getKernel(k, 'webgpu')?.kernelFunc === ours.get(k)?.stock)).toBe(true);
    registerWebgpuKernels(tf);
    expect(WEBGPU_KERNEL_NAMES.every((k) => isWebgpuKernelCustom(tf, k))).toBe(true);
  });
  it('are what selectBackend gives the page and the CLI when it picks webgpu', async () => {
    await webgpu();
    unregisterWebgpuKernels(tf);
    const choice = await selectBackend(tf, { preferred: ['webgpu'] });
    expect(choice.name).toBe('webgpu');
    expect(WEBGPU_KERNEL_NAMES.every((k) => isWebgpuKernelCustom(tf, k))).toBe(true);
  });
});
