/**
 * Conv2DBackpropFilter for the wasm backend, which tfjs-backend-wasm 4.22 lacks: the filter gradient
 * dW[kh,kw,ci,co] = Σ_{n,oh,ow} x[n, oh·s+kh−pad, ow·s+kw−pad, ci] · dy[n,oh,ow,co], computed as one
 * matrix product patchesᵀ · dy, where the patches (im2col, zero padding) are built on the wasm heap
 * (row copies from x in [ci, n, h, w] order when the stride is 1). The product runs in the book's
 * SIMD kernel (wasm-simd/) where it is ready, else in the backend's XNNPACK BatchMatMul, which repacks
 * its fresh right-hand operand on every call (3× the product's own time on the first layer). With
 * the SIMD kernel and stride 1 there are no patches at all (wasm-filter-grad-shifted.ts).
 */
import type { TF } from '../../tensor/tf-types';
import type { Conv2DBackpropFilterAttrs as Attrs } from '@tensorflow/tfjs-core';
import { dyMatches } from './geometry';
import type { BookKernelConfig } from '../../tensor/kernel-table';
import type { TensorInfo, WasmBackendLike } from './wasm-types';
import { gemm, simdKernelsOf } from './wasm-simd/runtime';
import { shiftedFilterGrad } from './wasm-filter-grad-shifted';

/** Rows at least this long are copied with copyWithin; shorter ones by a loop (cheaper than the call). */
const LONG_ROW = 64;

/** Builds the kernel function for `tf` (which supplies the conv geometry helpers and BatchMatMul). */
export function makeWasmConv2DBackpropFilter(tf: TF) {
  return (args: { inputs: Record<string, TensorInfo>; backend: unknown; attrs?: unknown }): TensorInfo => {
    const { x, dy } = args.inputs;
    const backend = args.backend as WasmBackendLike;
    const a = args.attrs as unknown as Attrs;
    if (a.dataFormat !== 'NHWC') throw new Error('wasm Conv2DBackpropFilter supports NHWC only');
    if (x.dtype !== 'float32' || dy.dtype !== 'float32') throw new Error('wasm Conv2DBackpropFilter supports float32 only');
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      a.filterShape,
      a.strides,
      1,
      a.pad,
      a.dimRoundingMode,
      false,
      'channelsLast',
    );
    if (!dyMatches(dy, info))
      throw new Error(
        `wasm Conv2DBackpropFilter: dy of shape [${dy.shape}] for a filter gradient whose output is [${info.batchSize}, ${info.outHeight}, ${info.outWidth}, ${info.outChannels}]`,
      );
    const { batchSize: n, inHeight: ih, inWidth: iw, inChannels: ci, outHeight: oh, outWidth: ow, outChannels: co } = info;
    const { filterHeight: fh, filterWidth: fw, strideHeight: sh, strideWidth: sw } = info;
    const top = info.padInfo.top;
    const left = info.padInfo.left;
    const simd = co % 4 === 0 ? simdKernelsOf(backend) : null;
    // few input channels make short row groups (3 rows for RGB): the patches' 4-row tiles win there
    // the shifted input pays for its padded grid with more multiply-adds; few input channels make short
    // row groups (3 rows for RGB): there, and where the padding adds more than 30 %, patches win
    const growth = ((oh + fh - 1) * (ow + fw - 1)) / (oh * ow);
    if (simd && sh === 1 && sw === 1 && ci >= 8 && growth <= 1.3) return shiftedFilterGrad(simd, backend, x, dy, { ...info, top, left });
    const k = fh * fw * ci;
    const m = n * oh * ow;
    // Patches are built transposed, [k, m], so the product needs no transposeA (10× slower in XNNPACK).
    // x is first transposed to [ci, n, ih, iw] (the backend's C++ Transpose), so that with stride 1 each
    // patch row is one contiguous run of an input row: a copy on the heap (the SIMD module's im2col_s1,
    // else copyWithin), zeros at the borders.
    const transpose = tf.getKernel('Transpose', 'wasm');
    if (!transpose) throw new Error('wasm Transpose kernel is not registered');
    const xt = transpose.kernelFunc({ inputs: { x }, backend: args.backend as never, attrs: { perm: [3, 0, 1, 2] } }) as TensorInfo;
    const patches = backend.makeOutput([k, m], 'float32');
    const pv = backend.typedArrayFromHeap(patches) as unknown as Float32Array;
    const xv = backend.typedArrayFromHeap(xt) as unknown as Float32Array;
    const heap = new Float32Array(pv.buffer);
    const p0 = pv.byteOffset >> 2;
    const x0 = xv.byteOffset >> 2;
    if (simd && sh === 1 && sw === 1) simd.exports.im2col_s1(pv.byteOffset, xv.byteOffset, fh, fw, ci, n, ih, iw, oh, ow, top, left);
    else
      for (let r = 0; r < fh; r++) {
        for (let c = 0; c < fw; c++) {
          // Output columns whose input column lies inside the image.
          const lo = sw === 1 ? Math.min(ow, Math.max(0, left - c)) : 0;
          const hi = sw === 1 ? Math.max(lo, Math.min(ow, iw + left - c)) : 0;
          for (let ch = 0; ch < ci; ch++) {
            let dst = p0 + ((r * fw + c) * ci + ch) * m;
            for (let b = 0; b < n; b++) {
              const plane = x0 + (ch * n + b) * ih * iw;
              for (let y = 0; y < oh; y++, dst += ow) {
                const yi = y * sh - top + r;
                if (yi < 0 || yi >= ih) {
                  heap.fill(0, dst, dst + ow);
                  continue;
                }
                const row = plane + yi * iw;
                if (sw === 1) {
                  for (let xo = 0; xo < lo; xo++) heap[dst + xo] = 0;
                  const src = row - left + c;
                  if (hi - lo >= LONG_ROW) heap.copyWithin(dst + lo, src + lo, src + hi);
                  else for (let xo = lo; xo < hi; xo++) heap[dst + xo] = heap[src + xo];
                  for (let xo = hi; xo < ow; xo++) heap[dst + xo] = 0;
                } else {
                  for (let xo = 0; xo < ow; xo++) {
                    const xi = xo * sw - left + c;
                    heap[dst + xo] = xi >= 0 && xi < iw ? heap[row + xi] : 0;
                  }
                }
              }
            }
          }
        }
      }
    backend.disposeData(xt.dataId);
    if (simd) {
      const out = backend.makeOutput([...a.filterShape], 'float32');
      const at = (t: TensorInfo) => (backend.typedArrayFromHeap(t) as unknown as Float32Array).byteOffset;
      gemm(simd, at(patches), at(dy), at(out), k, m, co);
      backend.disposeData(patches.dataId);
      return out;
    }
    const matMul = tf.getKernel('BatchMatMul', 'wasm');
    if (!matMul) throw new Error('wasm BatchMatMul kernel is not registered');
    const dy2: TensorInfo = { dataId: dy.dataId, shape: [1, m, co], dtype: 'float32' };
    const p3: TensorInfo = { dataId: patches.dataId, shape: [1, k, m], dtype: 'float32' };
    const out = matMul.kernelFunc({
      inputs: { a: p3, b: dy2 },
      backend: args.backend as never,
      attrs: { transposeA: false, transposeB: false },
    }) as TensorInfo;
    backend.disposeData(patches.dataId);
    return { dataId: out.dataId, shape: [...a.filterShape], dtype: 'float32' };
  };
}

/** The book's Conv2DBackpropFilter for wasm (tfjs-backend-wasm 4.22 has none). */
export const wasmConv2DBackpropFilterConfig: BookKernelConfig = {
  kernelName: 'Conv2DBackpropFilter',
  backendName: 'wasm',
  make: (tf) => makeWasmConv2DBackpropFilter(tf),
};
