/**
 * Conv2DBackpropFilter for the webgpu backend as an implicit GEMM with split-K:
 * dW[m, co] = Σ_k A[m, k] · dy[k, co], m = (kh·fw + kw)·ci + c (the HWIO filter, flattened),
 * k = (b·oh + y)·ow + x, A[m, k] = x[b, y·sh − top + kh, x·sw − left + kw, c] (the im2col patch,
 * read straight from x into workgroup memory, never stored). Each workgroup computes one TM×TN tile
 * of dW over one chunk of k; chunks go to separate slices of a partial buffer that a second pass sums
 * in a fixed order, so the result is deterministic (no float atomics). tfjs-webgpu 4.22's own kernel
 * runs one thread per filter element with a serial loop over every k, which leaves a GPU nearly idle
 * for layers with few channels and large images (the CNN's first layer, ResNet's stem).
 */
import type { KernelArgs, PadAttr, ProgramUniform, TensorInfo, WebgpuBackendLike, WebgpuProgram } from '../../tensor/webgpu-types';
import type { TF } from '../../tensor/tf-types';
import { dyMatches } from './geometry';
import { type BookKernelConfig, needStock } from '../../tensor/kernel-table';
import { SplitKReduceProgram } from './webgpu-split-reduce';

type KernelFunc = import('@tensorflow/tfjs-core').KernelFunc;

/** Depth of one k tile in workgroup memory; the workgroup is 16×16 threads. */
export const FILTER_GEMM_TK = 16;

/** Tile sizes and the split of the k reduction for one filter-gradient GEMM. */
export interface FilterGemmPlan {
  tm: number;
  tn: number;
  splits: number;
  kChunk: number;
  kTiles: number;
}

/** Tuning of the split: enough workgroups to fill a large GPU, chunks long enough to amortise a tile's setup. */
export interface SplitOptions {
  targetWorkgroups: number;
  maxSplits: number;
  minChunk: number;
}

/** Defaults sized for a datacentre GPU (an H200 has 132 SMs); a small GPU is still fed. */
export const DEFAULT_SPLIT: SplitOptions = { targetWorkgroups: 512, maxSplits: 256, minChunk: 256 };

const tileFor = (d: number) => (d > 32 ? 64 : d > 16 ? 32 : 16);

/** Chooses tiles for an M×N output and splits K so that tiles × splits ≈ targetWorkgroups. */
export function planFilterGemm(m: number, n: number, k: number, opts: SplitOptions = DEFAULT_SPLIT): FilterGemmPlan {
  const tm = tileFor(m);
  const tn = tileFor(n);
  const tiles = Math.ceil(m / tm) * Math.ceil(n / tn);
  const most = Math.max(1, Math.min(opts.maxSplits, Math.floor(k / opts.minChunk)));
  const want = Math.max(1, Math.min(most, Math.ceil(opts.targetWorkgroups / tiles)));
  const kChunk = Math.ceil(k / want / FILTER_GEMM_TK) * FILTER_GEMM_TK;
  const splits = Math.ceil(k / kChunk);
  return { tm, tn, splits, kChunk, kTiles: kChunk / FILTER_GEMM_TK };
}

/** The GEMM pass: output [splits, M, N] partial sums (or the filter itself when splits = 1). */
class Conv2DBackpropFilterGemmProgram implements WebgpuProgram {
  variableNames = ['x', 'dy'];
  uniforms = 'pads : vec2<i32>, strides : vec2<i32>, filterDims : vec2<i32>, kChunk : i32, kTiles : i32,';
  workgroupSize: [number, number, number] = [256, 1, 1];
  dispatchLayout: { x: number[]; y: number[] };
  dispatch: [number, number, number];
  shaderKey: string;
  constructor(
    public outputShape: number[],
    private plan: FilterGemmPlan,
    m: number,
    n: number,
  ) {
    const r = outputShape.length;
    this.dispatchLayout = { x: [r - 1], y: Array.from({ length: r - 1 }, (_, i) => i) };
    this.dispatch = [Math.ceil(n / plan.tn), Math.ceil(m / plan.tm), plan.splits];
    this.shaderKey = `webgpuConv2DBackpropFilterGemm_${plan.tm}_${plan.tn}`;
  }
  getUserCode(): string {
    const { tm, tn } = this.plan;
    const tk = FILTER_GEMM_TK;
    const rm = tm / 16;
    const rn = tn / 16;
    return `
      const TM = ${tm};
      const TN = ${tn};
      const TK = ${tk};
      var<workgroup> As : array<f32, ${tk * tm}>;
      var<workgroup> Bs : array<f32, ${tk * tn}>;

      fn main() {
        let tid = i32(localIndex);
        let tx = tid % 16;
        let ty = tid / 16;
        let n0 = i32(workgroupId.x) * TN;
        let m0 = i32(workgroupId.y) * TM;
        let split = i32(workgroupId.z);
        let kStart = split * uniforms.kChunk;
        let H = uniforms.xShape.y;
        let W = uniforms.xShape.z;
        let C = uniforms.xShape.w;
        let OH = uniforms.dyShape.y;
        let OW = uniforms.dyShape.z;
        let N = uniforms.dyShape.w;
        let FW = uniforms.filterDims.y;
        let M = uniforms.filterDims.x * FW * C;
        let OHW = OH * OW;
        let K = uniforms.dyShape.x * OHW;

        // The patch row this thread loads into As: fixed for the whole reduction.
        let mmA = tid % TM;
        let mA = m0 + mmA;
        let cA = mA % C;
        let kwA = (mA / C) % FW;
        let khA = mA / (C * FW);
        let mOk = mA < M;
        let kkA = tid / TM;
        let nnB = tid % TN;
        let nB = n0 + nnB;
        let nOk = nB < N;
        let kkB = tid / TN;

        var acc : array<f32, ${rm * rn}>;
        for (var i = 0; i < ${rm * rn}; i++) { acc[i] = 0.0; }
        for (var t = 0; t < uniforms.kTiles; t++) {
          let k0 = kStart + t * TK;
          for (var l = 0; l < ${(tm * tk) / 256}; l++) {
            let kk = kkA + l * ${256 / tm};
            let k = k0 + kk;
            var v = 0.0;
            if (mOk && k < K) {
              let b = k / OHW;
              let rest = k - b * OHW;
              let oy = rest / OW;
              let ox = rest - oy * OW;
              let iy = oy * uniforms.strides.x - uniforms.pads.x + khA;
              let ix = ox * uniforms.strides.y - uniforms.pads.y + kwA;
              if (iy >= 0 && iy < H && ix >= 0 && ix < W) {
                v = x[((b * H + iy) * W + ix) * C + cA];
              }
            }
            As[kk * TM + mmA] = v;
          }
          for (var l = 0; l < ${(tn * tk) / 256}; l++) {
            let kk = kkB + l * ${256 / tn};
            let k = k0 + kk;
            var v = 0.0;
            if (nOk && k < K) {
              v = dy[k * N + nB];
            }
            Bs[kk * TN + nnB] = v;
          }
          workgroupBarrier();
          for (var kk = 0; kk < TK; kk++) {
            var a : array<f32, ${rm}>;
            for (var i = 0; i < ${rm}; i++) { a[i] = As[kk * TM + ty + 16 * i]; }
            for (var j = 0; j < ${rn}; j++) {
              let bv = Bs[kk * TN + tx + 16 * j];
              for (var i = 0; i < ${rm}; i++) { acc[i * ${rn} + j] = fma(a[i], bv, acc[i * ${rn} + j]); }
            }
          }
          workgroupBarrier();
        }
        for (var i = 0; i < ${rm}; i++) {
          let m = m0 + ty + 16 * i;
          for (var j = 0; j < ${rn}; j++) {
            let n = n0 + tx + 16 * j;
            if (m < M && n < N) {
              result[(split * M + m) * N + n] = acc[i * ${rn} + j];
            }
          }
        }
      }
    `;
  }
}

interface FilterAttrs {
  strides: number | [number, number];
  pad: PadAttr;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

/** Builds the kernel; `stock` (tfjs's own) serves NCHW, non-float32 inputs and a dy that disagrees with the geometry. */
export function makeWebgpuConv2DBackpropFilter(tf: TF, stock: KernelFunc, split: SplitOptions = DEFAULT_SPLIT) {
  return (args: KernelArgs): TensorInfo => {
    const { x, dy } = args.inputs;
    const a = args.attrs as unknown as FilterAttrs;
    if (a.dataFormat === 'NCHW' || x.dtype !== 'float32' || dy.dtype !== 'float32') return stock(args as never) as TensorInfo;
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
    if (!dyMatches(dy, info)) return stock(args as never) as TensorInfo;
    const m = info.filterHeight * info.filterWidth * info.inChannels;
    const n = info.outChannels;
    const k = info.batchSize * info.outHeight * info.outWidth;
    const backend = args.backend as WebgpuBackendLike;
    const plan = planFilterGemm(m, n, k, split);
    const uniforms: ProgramUniform[] = [
      { type: 'int32', data: [info.padInfo.top, info.padInfo.left] },
      { type: 'int32', data: [info.strideHeight, info.strideWidth] },
      { type: 'int32', data: [info.filterHeight, info.filterWidth] },
      { type: 'int32', data: [plan.kChunk] },
      { type: 'int32', data: [plan.kTiles] },
    ];
    const filterShape = [...a.filterShape];
    if (plan.splits === 1) {
      return backend.runWebGPUProgram(new Conv2DBackpropFilterGemmProgram(filterShape, plan, m, n), [x, dy], 'float32', uniforms);
    }
    const partial = backend.runWebGPUProgram(
      new Conv2DBackpropFilterGemmProgram([plan.splits, m, n], plan, m, n),
      [x, dy],
      'float32',
      uniforms,
    );
    const out = backend.runWebGPUProgram(new SplitKReduceProgram(filterShape), [partial], 'float32', [
      { type: 'int32', data: [plan.splits] },
    ]);
    backend.disposeData(partial.dataId);
    return out;
  };
}

/** The book's Conv2DBackpropFilter for webgpu, over tfjs's. */
export const webgpuConv2DBackpropFilterConfig: BookKernelConfig = {
  kernelName: 'Conv2DBackpropFilter',
  backendName: 'webgpu',
  make: (tf, stock) => makeWebgpuConv2DBackpropFilter(tf, needStock(stock, 'Conv2DBackpropFilter', 'webgpu')),
};
