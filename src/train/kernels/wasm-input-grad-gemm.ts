/**
 * The strided input gradient for the wasm backend through the SIMD product: the patches' gradient
 * dPᵀ[k × m] = W[k × co] · dyᵀ[co × m] (k = fh·fw·ci taps, m = n·oh·ow outputs), then col2im adds
 * each tap back onto the input position it came from. tfjs-backend-wasm's own kernel took 70–76 ms
 * for each of ResNet-18's stride-2 3×3 convolutions at 64×64 (batch 16); this takes a few.
 */
import type { TF } from '../../tensor/tf-types';
import type { TensorInfo, WasmBackendLike } from './wasm-types';
import { gemm, type SimdKernels } from './wasm-simd/runtime';

/** The geometry from tfjs's Conv2DInfo. */
export interface InputGradGeometry {
  batchSize: number;
  inHeight: number;
  inWidth: number;
  inChannels: number;
  outHeight: number;
  outWidth: number;
  outChannels: number;
  filterHeight: number;
  filterWidth: number;
  strideHeight: number;
  strideWidth: number;
  top: number;
  left: number;
}

/** True when the product's column count (n·oh·ow) suits the SIMD kernel. */
export function inputGradFits(g: InputGradGeometry): boolean {
  return (g.batchSize * g.outHeight * g.outWidth) % 4 === 0;
}

/** dx [n, ih, iw, ci] for NHWC float32 dy and an HWIO filter. */
export function gemmInputGrad(
  tf: TF,
  simd: SimdKernels,
  backend: WasmBackendLike,
  dy: TensorInfo,
  filter: TensorInfo,
  g: InputGradGeometry,
): TensorInfo {
  const { batchSize: n, inHeight: ih, inWidth: iw, inChannels: ci, outHeight: oh, outWidth: ow, outChannels: co } = g;
  const { filterHeight: fh, filterWidth: fw, strideHeight: sh, strideWidth: sw, top, left } = g;
  const k = fh * fw * ci;
  const m = n * oh * ow;
  const transpose = tf.getKernel('Transpose', 'wasm');
  if (!transpose) throw new Error('wasm Transpose kernel is not registered');
  const dyt = transpose.kernelFunc({ inputs: { x: dy }, backend: backend as never, attrs: { perm: [3, 0, 1, 2] } }) as TensorInfo;
  const dp = backend.makeOutput([k, m], 'float32');
  const dx = backend.makeOutput([n, ih, iw, ci], 'float32');
  const view = (t: TensorInfo) => backend.typedArrayFromHeap(t) as unknown as Float32Array;
  try {
    gemm(simd, view(filter).byteOffset, view(dyt).byteOffset, view(dp).byteOffset, k, co, m);
    const p = view(dp);
    const out = view(dx).fill(0);
    for (let r = 0; r < fh; r++) {
      for (let c = 0; c < fw; c++) {
        for (let ch = 0; ch < ci; ch++) {
          let src = ((r * fw + c) * ci + ch) * m;
          for (let b = 0; b < n; b++) {
            for (let y = 0; y < oh; y++) {
              const yi = y * sh + r - top;
              if (yi < 0 || yi >= ih) {
                src += ow;
                continue;
              }
              const row = (b * ih + yi) * iw;
              for (let x = 0; x < ow; x++, src++) {
                const xi = x * sw + c - left;
                if (xi >= 0 && xi < iw) out[(row + xi) * ci + ch] += p[src];
              }
            }
          }
        }
      }
    }
    return dx;
  } catch (e) {
    backend.disposeData(dx.dataId);
    throw e;
  } finally {
    backend.disposeData(dyt.dataId);
    backend.disposeData(dp.dataId);
  }
}
