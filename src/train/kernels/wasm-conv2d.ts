/**
 * Conv2D for the wasm backend where a layer has few outputs and many weights (ResNet-18's deep
 * layers: 512 channels on 2×2 maps): y[m × co] = patches[m × k] · W[k × co] through the SIMD product,
 * the patches (NHWC im2col, runs of ci floats) built on the heap. XNNPACK packs the whole filter
 * whenever it meets a new filter tensor (every training step, after Adam), which there costs more than
 * the product; it keeps the packing for a filter it has met, so a filter seen before (evaluation,
 * a frozen backbone's features) and other shapes go to the backend's own (XNNPACK) kernel.
 */
import type { TF } from '../../tensor/tf-types';
import type { Conv2DAttrs } from '@tensorflow/tfjs-core';
import { type BookKernelConfig, needStock } from '../../tensor/kernel-table';
import type { TensorInfo, WasmBackendLike } from './wasm-types';
import { gemm, simdKernelsOf } from './wasm-simd/runtime';

type KernelFunc = import('@tensorflow/tfjs-core').KernelFunc;

/** Filters (by data) this kernel has met: the next call with one of them finds XNNPACK's packing ready. */
const seen = new WeakSet<object>();

/** Builds the kernel; `fallback` is the backend's own Conv2D. */
export function makeWasmConv2D(tf: TF, fallback: KernelFunc) {
  return (args: { inputs: Record<string, TensorInfo>; backend: unknown; attrs?: unknown }): TensorInfo => {
    const { x, filter } = args.inputs;
    const a = args.attrs as unknown as Conv2DAttrs;
    const backend = args.backend as WasmBackendLike;
    const simd = simdKernelsOf(backend);
    const dil = typeof a.dilations === 'number' ? [a.dilations, a.dilations] : (a.dilations ?? [1, 1]);
    if (!simd || a.dataFormat !== 'NHWC' || x.dtype !== 'float32' || filter.dtype !== 'float32' || dil[0] !== 1 || dil[1] !== 1)
      return fallback(args as never) as TensorInfo;
    const [fh, fw, ci, co] = filter.shape;
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      [fh, fw, ci, co],
      a.strides,
      1,
      a.pad,
      a.dimRoundingMode,
      false,
      'channelsLast',
    );
    const { batchSize: n, inHeight: ih, inWidth: iw, outHeight: oh, outWidth: ow, strideHeight: sh, strideWidth: sw } = info;
    const m = n * oh * ow;
    // as for the input gradient: packing costs ≈ 5 ns a weight, the patches ≈ 2 ns a value
    if (co % 4 !== 0 || m >= 2.5 * co || seen.has(filter.dataId)) {
      seen.add(filter.dataId);
      return fallback(args as never) as TensorInfo;
    }
    seen.add(filter.dataId);
    const k = fh * fw * ci;
    const top = info.padInfo.top;
    const left = info.padInfo.left;
    const patches = backend.makeOutput([m, k], 'float32');
    const out = backend.makeOutput([n, oh, ow, co], 'float32');
    const view = (t: TensorInfo) => backend.typedArrayFromHeap(t) as unknown as Float32Array;
    try {
      const p = view(patches).fill(0);
      const xv = view(x);
      let dst = 0;
      for (let b = 0; b < n; b++) {
        for (let y = 0; y < oh; y++) {
          for (let xo = 0; xo < ow; xo++) {
            for (let r = 0; r < fh; r++) {
              const yi = y * sh + r - top;
              for (let c = 0; c < fw; c++, dst += ci) {
                const xi = xo * sw + c - left;
                if (yi < 0 || yi >= ih || xi < 0 || xi >= iw) continue;
                const src = ((b * ih + yi) * iw + xi) * ci;
                p.set(xv.subarray(src, src + ci), dst);
              }
            }
          }
        }
      }
      gemm(simd, p.byteOffset, view(filter).byteOffset, view(out).byteOffset, m, k, co);
      return out;
    } catch (e) {
      backend.disposeData(out.dataId);
      throw e;
    } finally {
      backend.disposeData(patches.dataId);
    }
  };
}

/** The book's Conv2D for wasm, over tfjs's. */
export const wasmConv2DConfig: BookKernelConfig = {
  kernelName: 'Conv2D',
  backendName: 'wasm',
  make: (tf, stock) => makeWasmConv2D(tf, needStock(stock, 'Conv2D', 'wasm')),
};
