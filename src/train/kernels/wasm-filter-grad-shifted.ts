/**
 * The stride-1 filter gradient without im2col, for the wasm backend's SIMD product:
 * dW[r,c,ci,co] = Σ_t xp[ci][t + r·Wp + c] · dyp[t][co], where xp is the input zero-padded and laid
 * out channel-major ([ci][n][Hp][Wp]) and dyp is dy on the same padded grid (zeros outside the
 * output). Each filter tap is one row group of the product (A = xp shifted by the tap), so the input
 * is copied once instead of fh·fw times; the padded grid costs (Hp·Wp)/(oh·ow) more multiply-adds
 * (1.06 at 64×64, 1.56 at 8×8).
 */
import type { TensorInfo, WasmBackendLike } from './wasm-types';
import { gemmGroups, type RowGroup, type SimdKernels } from './wasm-simd/runtime';

/** The geometry this path needs (stride 1, no dilation), from tfjs's Conv2DInfo. */
export interface ShiftedGeometry {
  batchSize: number;
  inHeight: number;
  inWidth: number;
  inChannels: number;
  outHeight: number;
  outWidth: number;
  outChannels: number;
  filterHeight: number;
  filterWidth: number;
  top: number;
  left: number;
}

/** dW [fh, fw, ci, co] for NHWC float32 x and dy; co must be a multiple of 4. */
export function shiftedFilterGrad(
  simd: SimdKernels,
  backend: WasmBackendLike,
  x: TensorInfo,
  dy: TensorInfo,
  g: ShiftedGeometry,
): TensorInfo {
  const { batchSize: n, inHeight: ih, inWidth: iw, inChannels: ci, outHeight: oh, outWidth: ow, outChannels: co } = g;
  const { filterHeight: fh, filterWidth: fw, top, left } = g;
  const hp = oh + fh - 1;
  const wp = ow + fw - 1;
  const plane = n * hp * wp;
  const tail = (fh - 1) * wp + fw - 1;
  const view = (t: TensorInfo) => backend.typedArrayFromHeap(t) as unknown as Float32Array;
  const xp = backend.makeOutput([ci * plane + tail], 'float32');
  const dyp = backend.makeOutput([plane * co], 'float32');
  const out = backend.makeOutput([fh, fw, ci, co], 'float32');
  try {
    const xv = view(x);
    const xpv = view(xp).fill(0);
    for (let b = 0, src = 0; b < n; b++) {
      for (let y = 0; y < ih; y++) {
        const row = (b * hp + y + top) * wp + left;
        for (let xx = 0; xx < iw; xx++) {
          for (let ch = 0; ch < ci; ch++, src++) xpv[ch * plane + row + xx] = xv[src];
        }
      }
    }
    const dv = view(dy);
    const dpv = view(dyp).fill(0);
    const rowLen = ow * co;
    for (let b = 0; b < n; b++) {
      for (let y = 0; y < oh; y++) dpv.set(dv.subarray((b * oh + y) * rowLen, (b * oh + y + 1) * rowLen), (b * hp + y) * wp * co);
    }
    const ov = view(out).fill(0);
    const groups: RowGroup[] = [];
    for (let r = 0; r < fh; r++) {
      for (let c = 0; c < fw; c++) {
        groups.push({ a: xpv.byteOffset + (r * wp + c) * 4, stride: plane * 4, rows: ci, c: ov.byteOffset + (r * fw + c) * ci * co * 4 });
      }
    }
    gemmGroups(simd, groups, dpv.byteOffset, plane, co);
    return out;
  } catch (e) {
    backend.disposeData(out.dataId);
    throw e;
  } finally {
    backend.disposeData(xp.dataId);
    backend.disposeData(dyp.dataId);
  }
}
