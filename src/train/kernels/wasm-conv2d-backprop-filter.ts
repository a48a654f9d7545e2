/**
 * Conv2DBackpropFilter for the wasm backend, which tfjs-backend-wasm 4.22 lacks: the filter gradient
 * dW[kh,kw,ci,co] = Σ_{n,oh,ow} x[n, oh·s+kh−pad, ow·s+kw−pad, ci] · dy[n,oh,ow,co], computed as one
 * matrix product patchesᵀ · dy, where the patches (im2col, zero padding) are built in JS on the
 * wasm heap and the product runs in the backend's own (XNNPACK) BatchMatMul kernel.
 */
import type { TF } from '../tf-types.ts';
import type { ConvAttrs, TensorInfo, WasmBackendLike } from './wasm-types.ts';


interface Attrs extends ConvAttrs {
  filterShape: [number, number, number, number];
}

/** Builds the kernel function for `tf` (which supplies the conv geometry helpers and BatchMatMul). */
export function makeWasmConv2DBackpropFilter(tf: TF) {
  return (args: { inputs: Record<string, TensorInfo>; backend: unknown; attrs?: unknown }): TensorInfo => {
    const { x, dy } = args.inputs;
    const backend = args.backend as WasmBackendLike;
    const a = args.attrs as unknown as Attrs;
    if (a.dataFormat !== 'NHWC') throw new Error('wasm Conv2DBackpropFilter supports NHWC only');
    if (x.dtype !== 'float32' || dy.dtype !== 'float32') throw new Error('wasm Conv2DBackpropFilter supports float32 only');
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number], a.filterShape, a.strides, 1, a.pad, a.dimRoundingMode, false, 'channelsLast',
    );
    const { batchSize: n, inHeight: ih, inWidth: iw, inChannels: ci, outHeight: oh, outWidth: ow, outChannels: co } = info;
    const { filterHeight: fh, filterWidth: fw, strideHeight: sh, strideWidth: sw } = info;
    const top = info.padInfo.top;
    const left = info.padInfo.left;
    const k = fh * fw * ci;
    const m = n * oh * ow;
    // Patches are built transposed, [k, m], so the product needs no transposeA (10× slower in XNNPACK).
    const patches = backend.makeOutput([k, m], 'float32');
    const p = backend.typedArrayFromHeap(patches);
    const xs = backend.typedArrayFromHeap(x);
    for (let r = 0; r < fh; r++) {
      for (let c = 0; c < fw; c++) {
        for (let ch = 0; ch < ci; ch++) {
          let dst = ((r * fw + c) * ci + ch) * m;
          for (let b = 0; b < n; b++) {
            for (let y = 0; y < oh; y++) {
              const yi = y * sh - top + r;
              const rowOk = yi >= 0 && yi < ih;
              const rowBase = (b * ih + yi) * iw;
              for (let xo = 0; xo < ow; xo++, dst++) {
                const xi = xo * sw - left + c;
                p[dst] = rowOk && xi >= 0 && xi < iw ? xs[(rowBase + xi) * ci + ch] : 0;
              }
            }
          }
        }
      }
    }
    const matMul = tf.getKernel('BatchMatMul', 'wasm');
    if (!matMul) throw new Error('wasm BatchMatMul kernel is not registered');
    const dy2: TensorInfo = { dataId: dy.dataId, shape: [1, m, co], dtype: 'float32' };
    const p3: TensorInfo = { dataId: patches.dataId, shape: [1, k, m], dtype: 'float32' };
    const out = matMul.kernelFunc({
      inputs: { a: p3, b: dy2 }, backend: args.backend as never, attrs: { transposeA: false, transposeB: false },
    }) as TensorInfo;
    backend.disposeData(patches.dataId);
    return { dataId: out.dataId, shape: [...a.filterShape], dtype: 'float32' };
  };
}

/** Registers the kernel for the 'wasm' backend unless one is registered already. */
export function registerWasmConv2DBackpropFilter(tf: TF): void {
  if (tf.getKernel('Conv2DBackpropFilter', 'wasm')) return;
  tf.registerKernel({
    kernelName: 'Conv2DBackpropFilter',
    backendName: 'wasm',
    kernelFunc: makeWasmConv2DBackpropFilter(tf) as unknown as import('@tensorflow/tfjs-core').KernelFunc,
  });
}
