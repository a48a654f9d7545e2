/**
 * MaxPoolGrad for the wasm backend, in one pass over the output: each window's first maximum
 * (PyTorch's and tfjs-cpu's tie rule; padding never wins) receives that window's dy, summed where
 * windows overlap. It replaces tfjs-backend-wasm 4.22's kernel, which took 600 ms of a 1.7 s CNN
 * step at 128×128 and, on overlapping or padded pools (ResNet's 3×3/2 stem pool), differed from the
 * cpu backend by up to 0.5 on the test's cases; this one matches cpu within 1e-6.
 */
import type { TF } from '../../tensor/tf-types';
import type { MaxPoolGradAttrs as PoolAttrs } from '@tensorflow/tfjs-core';
import { dyMatches } from './geometry';
import { type BookKernelConfig, needStock } from '../../tensor/kernel-table';
import type { TensorInfo, WasmBackendLike } from './wasm-types';
import { poolGradTiled, simdKernelsOf } from './wasm-simd/runtime';

type KernelFunc = import('@tensorflow/tfjs-core').KernelFunc;

/** Builds the kernel; `fallback` (the wasm backend's own kernel) serves non-float32 tensors and a dy that disagrees with the pool's geometry. */
export function makeWasmMaxPoolGrad(tf: TF, fallback: KernelFunc) {
  return (args: { inputs: Record<string, TensorInfo>; backend: unknown; attrs?: unknown }): TensorInfo => {
    const { dy, input } = args.inputs;
    if (input.dtype !== 'float32' || dy.dtype !== 'float32') return fallback(args as never) as TensorInfo;
    const a = args.attrs as unknown as PoolAttrs;
    const info = tf.backend_util.computePool2DInfo(
      input.shape as [number, number, number, number],
      a.filterSize,
      a.strides,
      1,
      a.pad,
      a.dimRoundingMode,
    );
    if (!dyMatches(dy, info)) return fallback(args as never) as TensorInfo;
    const backend = args.backend as WasmBackendLike;
    const dx = backend.makeOutput(input.shape, 'float32');
    const x = backend.typedArrayFromHeap(input);
    const g = backend.typedArrayFromHeap(dy);
    const out = backend.typedArrayFromHeap(dx) as unknown as Float32Array;
    const {
      batchSize: n,
      inHeight: h,
      inWidth: w,
      inChannels: c,
      outHeight: oh,
      outWidth: ow,
      filterHeight: fh,
      filterWidth: fw,
      strideHeight: sh,
      strideWidth: sw,
    } = info;
    const { top, left } = info.padInfo;
    const best = new Float32Array(c);
    const where = new Int32Array(c);
    const { bottom, right } = info.padInfo;
    if (sh === fh && sw === fw && top === 0 && left === 0 && bottom === 0 && right === 0) {
      const simd = c % 4 === 0 ? simdKernelsOf(backend) : null;
      if (simd) {
        const at = (v: unknown) => (v as Float32Array).byteOffset;
        poolGradTiled(simd, at(x), at(g), out.byteOffset, { n, h, w, c, oh, ow, fh, fw });
        return dx;
      }
      tiledPoolGrad(x, g, out, best, where, { n, h, w, c, oh, ow, fh, fw });
      return dx;
    }
    out.fill(0);
    for (let b = 0; b < n; b++) {
      for (let i = 0; i < oh; i++) {
        const r0 = Math.max(0, i * sh - top);
        const r1 = Math.min(h, i * sh - top + fh);
        for (let j = 0; j < ow; j++) {
          const s0 = Math.max(0, j * sw - left);
          const s1 = Math.min(w, j * sw - left + fw);
          where.fill(-1);
          for (let r = r0; r < r1; r++) {
            for (let s = s0; s < s1; s++) {
              const base = ((b * h + r) * w + s) * c;
              for (let k = 0; k < c; k++) {
                const v = x[base + k];
                if (where[k] < 0 || v > best[k]) {
                  best[k] = v;
                  where[k] = base + k;
                }
              }
            }
          }
          const gBase = ((b * oh + i) * ow + j) * c;
          for (let k = 0; k < c; k++) if (where[k] >= 0) out[where[k]] += g[gBase + k];
        }
      }
    }
    return dx;
  };
}

interface Tiling {
  n: number;
  h: number;
  w: number;
  c: number;
  oh: number;
  ow: number;
  fh: number;
  fw: number;
}

/** Non-overlapping, unpadded windows (the CNN's pools): every input is written once, 0 or its window's dy, so no zeroing pass. */
function tiledPoolGrad(
  x: ArrayLike<number>,
  g: ArrayLike<number>,
  out: Float32Array,
  best: Float32Array,
  where: Int32Array,
  t: Tiling,
): void {
  const { n, h, w, c, oh, ow, fh, fw } = t;
  if (oh * fh < h || ow * fw < w) out.fill(0); // rows or columns no window covers
  for (let b = 0; b < n; b++) {
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++) {
        const base0 = ((b * h + i * fh) * w + j * fw) * c;
        for (let k = 0; k < c; k++) {
          best[k] = x[base0 + k];
          where[k] = base0 + k;
          out[base0 + k] = 0;
        }
        for (let r = 0; r < fh; r++) {
          for (let s = r === 0 ? 1 : 0; s < fw; s++) {
            const base = base0 + (r * w + s) * c;
            for (let k = 0; k < c; k++) {
              const v = x[base + k];
              out[base + k] = 0;
              if (v > best[k]) {
                best[k] = v;
                where[k] = base + k;
              }
            }
          }
        }
        const gBase = ((b * oh + i) * ow + j) * c;
        for (let k = 0; k < c; k++) out[where[k]] = g[gBase + k];
      }
    }
  }
}

/** The book's MaxPoolGrad for wasm, over tfjs's. */
export const wasmMaxPoolGradConfig: BookKernelConfig = {
  kernelName: 'MaxPoolGrad',
  backendName: 'wasm',
  make: (tf, stock) => makeWasmMaxPoolGrad(tf, needStock(stock, 'MaxPoolGrad', 'wasm')),
};
