/**
 * A faster Conv2DBackpropInput for the wasm backend when stride is 1: the input gradient is the
 * convolution of dy with the filter flipped in space and with in/out channels swapped, padded by
 * (kernel − 1 − pad) on each side, run by the backend's XNNPACK Conv2D kernel. Strided ones go
 * through the SIMD product (wasm-input-grad-gemm.ts) where it is ready; the rest (NCHW, no SIMD, a dy
 * or filter whose shape disagrees with the geometry) to tfjs-backend-wasm's own kernel, several times slower.
 */
import type { TF } from '../../tensor/tf-types';
import type { Conv2DBackpropInputAttrs as Attrs } from '@tensorflow/tfjs-core';
import { dyMatches } from './geometry';
import { type BookKernelConfig, needStock } from '../../tensor/kernel-table';
import type { TensorInfo, WasmBackendLike } from './wasm-types';
import { gemmInputGrad, inputGradFits } from './wasm-input-grad-gemm';
import { simdKernelsOf } from './wasm-simd/runtime';

type KernelFunc = import('@tensorflow/tfjs-core').KernelFunc;

/** Builds the kernel; `fallback` is the wasm backend's original kernel for the cases not handled here. */
export function makeWasmConv2DBackpropInput(tf: TF, fallback: KernelFunc) {
  return (args: { inputs: Record<string, TensorInfo>; backend: unknown; attrs?: unknown }): TensorInfo => {
    const { dy, filter } = args.inputs;
    const a = args.attrs as unknown as Attrs;
    const s = typeof a.strides === 'number' ? [a.strides, a.strides] : a.strides;
    const backend = args.backend as WasmBackendLike;
    const [fh, fw, ci, co] = filter.shape;
    if (a.dataFormat !== 'NHWC' || dy.dtype !== 'float32' || filter.dtype !== 'float32') return fallback(args as never) as TensorInfo;
    const strided = s[0] !== 1 || s[1] !== 1;
    const info = tf.backend_util.computeConv2DInfo(
      a.inputShape,
      [fh, fw, ci, co],
      s as [number, number],
      1,
      a.pad,
      a.dimRoundingMode,
      false,
      'channelsLast',
    );
    if (!dyMatches(dy, info) || a.inputShape[3] !== ci) return fallback(args as never) as TensorInfo;
    const simd = simdKernelsOf(backend);
    const g = { ...info, top: info.padInfo.top, left: info.padInfo.left };
    // at stride 1 the XNNPACK path flips and packs the whole filter each call (≈ 5 ns a weight) and the
    // product's col2im costs ≈ 2 ns a patch value: the product wins when outputs (m) < 2.5 · co, i.e.
    // ResNet's deep layers (512 channels on 2×2 maps), not the CNN's
    const m = info.batchSize * info.outHeight * info.outWidth;
    if (simd && inputGradFits(g) && (strided || m < 2.5 * co)) return gemmInputGrad(tf, simd, backend, dy, filter, g);
    if (strided) return fallback(args as never) as TensorInfo;
    const { top, bottom, left, right } = info.padInfo;
    const flipped = backend.makeOutput([fh, fw, co, ci], 'float32');
    const dst = backend.typedArrayFromHeap(flipped);
    const src = backend.typedArrayFromHeap(filter);
    for (let r = 0; r < fh; r++) {
      for (let c = 0; c < fw; c++) {
        for (let i = 0; i < ci; i++) {
          for (let o = 0; o < co; o++) dst[(((fh - 1 - r) * fw + (fw - 1 - c)) * co + o) * ci + i] = src[((r * fw + c) * ci + i) * co + o];
        }
      }
    }
    const conv = tf.getKernel('Conv2D', 'wasm');
    if (!conv) throw new Error('wasm Conv2D kernel is not registered');
    const pad = [
      [0, 0],
      [fh - 1 - top, fh - 1 - bottom],
      [fw - 1 - left, fw - 1 - right],
      [0, 0],
    ];
    const out = conv.kernelFunc({
      inputs: { x: dy, filter: flipped },
      backend: args.backend as never,
      attrs: { strides: 1, pad, dataFormat: 'NHWC', dilations: 1, dimRoundingMode: a.dimRoundingMode } as never,
    }) as TensorInfo;
    backend.disposeData(flipped.dataId);
    return out;
  };
}

/** The book's Conv2DBackpropInput for wasm, over tfjs's. */
export const wasmConv2DBackpropInputConfig: BookKernelConfig = {
  kernelName: 'Conv2DBackpropInput',
  backendName: 'wasm',
  make: (tf, stock) => makeWasmConv2DBackpropInput(tf, needStock(stock, 'Conv2DBackpropInput', 'wasm')),
};
