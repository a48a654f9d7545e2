/**
 * Identity for the wasm backend without a copy: the output shares the input's data (one more
 * reference), as tfjs-cpu's does. tfjs-backend-wasm 4.22 copies, and the engine calls Identity to save
 * every tensor a gradient needs (engine.clone), so a CNN step at 64×64 copied 16 MB three times.
 */
import { type BookKernelConfig, needStock } from '../../tensor/kernel-table';
import type { TensorInfo } from './wasm-types';

type KernelFunc = import('@tensorflow/tfjs-core').KernelFunc;

/** Builds the kernel; `fallback` (the backend's own) serves string tensors. */
export function makeWasmIdentity(fallback: KernelFunc) {
  return (args: { inputs: Record<string, TensorInfo>; backend: unknown }): TensorInfo => {
    const { x } = args.inputs;
    if (x.dtype === 'string') return fallback(args as never) as TensorInfo;
    (args.backend as { incRef(dataId: object): void }).incRef(x.dataId);
    return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
  };
}

/** The book's Identity for wasm, over tfjs's. */
export const wasmIdentityConfig: BookKernelConfig = {
  kernelName: 'Identity',
  backendName: 'wasm',
  make: (_tf, stock) => makeWasmIdentity(needStock(stock, 'Identity', 'wasm')),
};
