/**
 * The book's kernels for tfjs-backend-wasm, in one table (registered by selectBackend): the SIMD-backed
 * Conv2D and its two gradients, MaxPoolGrad, leading-axes Sum, a copy-free Identity, the book's own
 * ReLU gradient, and the augmentation kernels. Each replacement hands tfjs's kernel the cases it does not handle.
 */
import { AUGMENT_KERNELS } from '../../augment/kernels/register';
import type { BookKernelConfig } from '../../tensor/kernel-table';
import { wasmConv2DConfig } from './wasm-conv2d';
import { wasmConv2DBackpropFilterConfig } from './wasm-conv2d-backprop-filter';
import { wasmConv2DBackpropInputConfig } from './wasm-conv2d-backprop-input';
import { wasmIdentityConfig } from './wasm-identity';
import { wasmMaxPoolGradConfig } from './wasm-max-pool-grad';
import { wasmReluGradConfig } from './wasm-relu-grad';
import { wasmSumConfig } from './wasm-sum';

/** Every kernel the book registers for 'wasm'. */
export const WASM_KERNELS: readonly BookKernelConfig[] = [
  wasmConv2DBackpropFilterConfig,
  wasmConv2DBackpropInputConfig,
  wasmMaxPoolGradConfig,
  wasmSumConfig,
  wasmIdentityConfig,
  wasmReluGradConfig,
  wasmConv2DConfig,
  ...AUGMENT_KERNELS.wasm,
];
