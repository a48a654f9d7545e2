/**
 * BookReluGrad, the book's own kernel (dx = y > 0 ? dy : 0, from ReLU's output y) for the wasm
 * backend: one SIMD pass where tfjs's ReLU gradient takes three kernels (Step, Cast, Multiply).
 * Other backends compute the same from tf ops (see conv-bias-relu.ts).
 */
import type { BookKernelConfig } from '../../tensor/kernel-table';
import type { TensorInfo, WasmBackendLike } from './wasm-types';
import { simdKernelsOf } from './wasm-simd/runtime';

/** The kernel's name in tfjs's registry. */
export const RELU_GRAD = 'BookReluGrad';

/** dx for float32 dy and y of one shape. */
export function wasmReluGrad(args: { inputs: Record<string, TensorInfo>; backend: unknown }): TensorInfo {
  const { dy, y } = args.inputs;
  const backend = args.backend as WasmBackendLike;
  const out = backend.makeOutput([...dy.shape], 'float32');
  const g = backend.typedArrayFromHeap(dy) as unknown as Float32Array;
  const v = backend.typedArrayFromHeap(y) as unknown as Float32Array;
  const o = backend.typedArrayFromHeap(out) as unknown as Float32Array;
  const simd = simdKernelsOf(backend);
  const vectorised = simd ? o.length - (o.length % 4) : 0;
  if (simd && vectorised) simd.exports.relu_grad(g.byteOffset, v.byteOffset, o.byteOffset, vectorised);
  for (let i = vectorised; i < o.length; i++) o[i] = v[i] > 0 ? g[i] : 0;
  return out;
}

/** BookReluGrad for wasm (a name of the book's own: tfjs has no such kernel). */
export const wasmReluGradConfig: BookKernelConfig = { kernelName: RELU_GRAD, backendName: 'wasm', make: () => wasmReluGrad };
