/**
 * Sum over leading axes for the wasm backend (the bias gradients: dy [N, H, W, C] summed to [C]).
 * tfjs-backend-wasm 4.22 first transposes the reduced axes innermost, then reduces: 212 ms of a
 * 1.3 s CNN step at 128×128. Here the rows of x are added into C accumulators in float64 in one
 * pass over memory (the SIMD kernel's col_sum when C is a multiple of 4), then rounded to float32 (so also closer to the exact sum). Other sums
 * (inner axes, int32) go to the backend's own kernel.
 */
import type { TF } from '../../tensor/tf-types';
import { type BookKernelConfig, needStock } from '../../tensor/kernel-table';
import type { TensorInfo, WasmBackendLike } from './wasm-types';
import { colSum, simdKernelsOf } from './wasm-simd/runtime';

type KernelFunc = import('@tensorflow/tfjs-core').KernelFunc;

/** The axes as a sorted list of non-negative axis numbers. */
function normAxes(axis: number | number[], rank: number): number[] {
  return [...new Set((Array.isArray(axis) ? axis : [axis]).map((a) => (a < 0 ? a + rank : a)))].sort((a, b) => a - b);
}

/** Builds the kernel; `fallback` is the backend's own Sum. */
export function makeWasmSum(_tf: TF, fallback: KernelFunc) {
  return (args: { inputs: Record<string, TensorInfo>; backend: unknown; attrs?: unknown }): TensorInfo => {
    const { x } = args.inputs;
    const { axis, keepDims } = args.attrs as { axis: number | number[]; keepDims: boolean };
    const rank = x.shape.length;
    const axes = normAxes(axis, rank);
    const leading = axes.length > 0 && axes.length < rank && axes.every((a, i) => a === i);
    if (x.dtype !== 'float32' || !leading) return fallback(args as never) as TensorInfo;
    const rows = x.shape.slice(0, axes.length).reduce((a, b) => a * b, 1);
    const inner = x.shape.slice(axes.length);
    const cols = inner.reduce((a, b) => a * b, 1);
    const backend = args.backend as WasmBackendLike;
    const outShape = keepDims ? [...axes.map(() => 1), ...inner] : inner;
    const out = backend.makeOutput(outShape, 'float32');
    const xs = backend.typedArrayFromHeap(x) as unknown as Float32Array;
    const simd = cols % 4 === 0 ? simdKernelsOf(backend) : null;
    if (simd) {
      colSum(simd, xs.byteOffset, rows, cols, backend.typedArrayFromHeap(out) as unknown as Float32Array);
      return out;
    }
    const acc = new Float64Array(cols);
    for (let r = 0, base = 0; r < rows; r++, base += cols) {
      for (let c = 0; c < cols; c++) acc[c] += xs[base + c];
    }
    (backend.typedArrayFromHeap(out) as unknown as Float32Array).set(acc);
    return out;
  };
}

/** The book's Sum for wasm, over tfjs's. */
export const wasmSumConfig: BookKernelConfig = {
  kernelName: 'Sum',
  backendName: 'wasm',
  make: (tf, stock) => makeWasmSum(tf, needStock(stock, 'Sum', 'wasm')),
};
