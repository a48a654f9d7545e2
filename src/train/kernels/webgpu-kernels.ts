/**
 * The book's kernels for tfjs-backend-webgpu, in one table (registered by selectBackend once that
 * package is loaded): WGSL Conv2DBackpropFilter, MaxPoolGrad and bias-gradient Sum over tfjs's, and the
 * augmentation kernels. Benchmarks compare both by unregisterBookKernels / registerBookKernels in one process.
 */
import { AUGMENT_KERNELS } from '../../augment/kernels/register';
import type { BookKernelConfig } from '../../tensor/kernel-table';
import { webgpuConv2DBackpropFilterConfig } from './webgpu-conv2d-backprop-filter';
import { webgpuMaxPoolGradConfig } from './webgpu-max-pool-grad';
import { webgpuSumConfig } from './webgpu-sum';

/** The kernels of tfjs-backend-webgpu the book replaces. */
export const WEBGPU_REPLACED: readonly BookKernelConfig[] = [webgpuConv2DBackpropFilterConfig, webgpuMaxPoolGradConfig, webgpuSumConfig];

/** Every kernel the book registers for 'webgpu'. */
export const WEBGPU_KERNELS: readonly BookKernelConfig[] = [...WEBGPU_REPLACED, ...AUGMENT_KERNELS.webgpu];
