/**
 * MaxPoolGrad for the webgpu backend, deterministic (no atomics), with tfjs-cpu's rule: in each
 * window the first maximum in row-major order (strict >, starting from −∞; padding never wins; a
 * window of only NaN or −∞ passes nothing) receives that window's dy.
 * - Pools whose stride is at least the window (the CNN's 4/4 and 2/2): one thread per output
 *   element finds its window's maximum and writes every dx element of its stride cell (dy there, 0
 *   elsewhere); the cells partition the input, so each dx element is written once, without a clear.
 * - Overlapping pools (ResNet's 3×3/2 stem pool): a pass over the output records each window's
 *   maximum (flat index); then one thread per dx element sums, in the cpu backend's order, dy of
 *   the few windows covering it (found by integer division) that chose it.
 * tfjs-webgpu 4.22 also runs two passes for every pool, its second one looping over every window
 * offset with float division per dx element.
 */
import type { KernelArgs, PadAttr, TensorInfo, WebgpuBackendLike, WebgpuProgram } from '../../tensor/webgpu-types';
import type { TF } from '../../tensor/tf-types';
import { dyMatches } from './geometry';
import { type BookKernelConfig, needStock } from '../../tensor/kernel-table';

type KernelFunc = import('@tensorflow/tfjs-core').KernelFunc;
type PoolInfo = import('@tensorflow/tfjs-core').backend_util.Conv2DInfo;

const POOL_UNIFORMS = 'strides : vec2<i32>, pads : vec2<i32>, filterDims : vec2<i32>,';

/** WGSL: the flat x index of the first maximum of window (b, i, j, ch), or −1 (tfjs-cpu's rule). */
const WINDOW_ARGMAX = `
  fn windowArgmax(b : i32, i : i32, j : i32, ch : i32) -> i32 {
    let H = uniforms.xShape.y;
    let W = uniforms.xShape.z;
    let C = uniforms.xShape.w;
    let r0 = i * uniforms.strides.x - uniforms.pads.x;
    let c0 = j * uniforms.strides.y - uniforms.pads.y;
    let r1 = min(H, r0 + uniforms.filterDims.x);
    let c1 = min(W, c0 + uniforms.filterDims.y);
    var best = -uniforms.INFINITY;
    var at = -1;
    for (var r = max(r0, 0); r < r1; r++) {
      for (var c = max(c0, 0); c < c1; c++) {
        let idx = ((b * H + r) * W + c) * C + ch;
        let v = x[idx];
        if (v > best) {
          best = v;
          at = idx;
        }
      }
    }
    return at;
  }
`;

/** Stride ≥ window: a thread per dy element writes its whole stride cell of dx. */
class MaxPoolGradCellProgram implements WebgpuProgram {
  variableNames = ['dy', 'x'];
  uniforms = POOL_UNIFORMS;
  workgroupSize: [number, number, number] = [64, 1, 1];
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  shaderKey = 'webgpuMaxPoolGradCell';
  size = false;
  outputShape: number[];
  constructor(info: PoolInfo) {
    this.outputShape = [...info.inShape];
    this.dispatchLayout = { x: [0, 1, 2, 3] };
    this.dispatch = [Math.ceil(info.outShape.reduce((a, b) => a * b, 1) / 64), 1, 1];
  }
  getUserCode(): string {
    return `
      ${WINDOW_ARGMAX}
      // Cell row range of output row i: [bound(i), bound(i + 1)), a partition of [0, H).
      fn cellBound(i : i32, n : i32, s : i32, pad : i32, extent : i32) -> i32 {
        if (i <= 0) { return 0; }
        if (i >= n) { return extent; }
        return clamp(i * s - pad, 0, extent);
      }
      fn main(index : i32) {
        let OH = uniforms.dyShape.y;
        let OW = uniforms.dyShape.z;
        let C = uniforms.dyShape.w;
        if (index >= uniforms.dyShape.x * OH * OW * C) { return; }
        let ch = index % C;
        let j = (index / C) % OW;
        let i = (index / (C * OW)) % OH;
        let b = index / (C * OW * OH);
        let H = uniforms.xShape.y;
        let W = uniforms.xShape.z;
        let at = windowArgmax(b, i, j, ch);
        let g = dy[index];
        let rEnd = cellBound(i + 1, OH, uniforms.strides.x, uniforms.pads.x, H);
        let cBegin = cellBound(j, OW, uniforms.strides.y, uniforms.pads.y, W);
        let cEnd = cellBound(j + 1, OW, uniforms.strides.y, uniforms.pads.y, W);
        for (var r = cellBound(i, OH, uniforms.strides.x, uniforms.pads.x, H); r < rEnd; r++) {
          for (var c = cBegin; c < cEnd; c++) {
            let idx = ((b * H + r) * W + c) * C + ch;
            result[idx] = select(0.0, g, idx == at);
          }
        }
      }
    `;
  }
}

/** Overlapping windows, pass 1: each window's argmax (flat x index or −1) as int32, shaped like dy. */
class MaxPoolArgmaxProgram implements WebgpuProgram {
  variableNames = ['x'];
  uniforms = POOL_UNIFORMS;
  workgroupSize: [number, number, number] = [64, 1, 1];
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  shaderKey = 'webgpuMaxPoolArgmax';
  size = true;
  outputShape: number[];
  constructor(info: PoolInfo) {
    this.outputShape = [...info.outShape];
    this.dispatchLayout = { x: [0, 1, 2, 3] };
    this.dispatch = [Math.ceil(info.outShape.reduce((a, b) => a * b, 1) / 64), 1, 1];
  }
  getUserCode(): string {
    return `
      ${WINDOW_ARGMAX}
      fn main(index : i32) {
        if (index >= uniforms.size) { return; }
        let OH = uniforms.outShape.y;
        let OW = uniforms.outShape.z;
        let C = uniforms.outShape.w;
        let ch = index % C;
        let j = (index / C) % OW;
        let i = (index / (C * OW)) % OH;
        let b = index / (C * OW * OH);
        result[index] = windowArgmax(b, i, j, ch);
      }
    `;
  }
}

/** Overlapping windows, pass 2: a thread per dx element sums, in cpu's order, dy of the covering windows that chose it. */
class MaxPoolGradGatherProgram implements WebgpuProgram {
  variableNames = ['dy', 'argmax'];
  uniforms = POOL_UNIFORMS;
  workgroupSize: [number, number, number] = [64, 1, 1];
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  shaderKey = 'webgpuMaxPoolGradGather';
  size = true;
  outputShape: number[];
  constructor(info: PoolInfo) {
    this.outputShape = [...info.inShape];
    this.dispatchLayout = { x: [0, 1, 2, 3] };
    this.dispatch = [Math.ceil(info.inShape.reduce((a, b) => a * b, 1) / 64), 1, 1];
  }
  getUserCode(): string {
    return `
      // First output index whose window (start o·s − pad, length f) reaches position p.
      fn firstWindow(p : i32, s : i32, pad : i32, f : i32) -> i32 {
        let num = p + pad - f + 1;
        if (num <= 0) { return 0; }
        return (num + s - 1) / s;
      }
      fn main(index : i32) {
        if (index >= uniforms.size) { return; }
        let H = uniforms.outShape.y;
        let W = uniforms.outShape.z;
        let C = uniforms.outShape.w;
        let OH = uniforms.dyShape.y;
        let OW = uniforms.dyShape.z;
        let ch = index % C;
        let c = (index / C) % W;
        let r = (index / (C * W)) % H;
        let b = index / (C * W * H);
        let iEnd = min(OH - 1, (r + uniforms.pads.x) / uniforms.strides.x);
        let jBegin = firstWindow(c, uniforms.strides.y, uniforms.pads.y, uniforms.filterDims.y);
        let jEnd = min(OW - 1, (c + uniforms.pads.y) / uniforms.strides.y);
        var sum = 0.0;
        for (var i = firstWindow(r, uniforms.strides.x, uniforms.pads.x, uniforms.filterDims.x); i <= iEnd; i++) {
          for (var j = jBegin; j <= jEnd; j++) {
            let w = ((b * OH + i) * OW + j) * C + ch;
            if (argmax[w] == index) {
              sum = sum + dy[w];
            }
          }
        }
        setOutputAtIndex(index, sum);
      }
    `;
  }
}

interface PoolAttrs {
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: PadAttr;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** Builds the kernel; `stock` (tfjs's own) serves non-float32 inputs, empty outputs and a dy that disagrees with the geometry. */
export function makeWebgpuMaxPoolGrad(tf: TF, stock: KernelFunc) {
  return (args: KernelArgs): TensorInfo => {
    const { dy, input } = args.inputs;
    const a = args.attrs as unknown as PoolAttrs;
    if (input.dtype !== 'float32' || dy.dtype !== 'float32') return stock(args as never) as TensorInfo;
    const info = tf.backend_util.computePool2DInfo(
      input.shape as [number, number, number, number],
      a.filterSize,
      a.strides,
      1,
      a.pad,
      a.dimRoundingMode,
    );
    if (info.outHeight <= 0 || info.outWidth <= 0 || !dyMatches(dy, info)) return stock(args as never) as TensorInfo;
    const cells = info.strideHeight >= info.filterHeight && info.strideWidth >= info.filterWidth;
    const uniforms = [
      { type: 'int32' as const, data: [info.strideHeight, info.strideWidth] },
      { type: 'int32' as const, data: [info.padInfo.top, info.padInfo.left] },
      { type: 'int32' as const, data: [info.filterHeight, info.filterWidth] },
    ];
    const backend = args.backend as WebgpuBackendLike;
    if (cells) return backend.runWebGPUProgram(new MaxPoolGradCellProgram(info), [dy, input], 'float32', uniforms);
    const argmax = backend.runWebGPUProgram(new MaxPoolArgmaxProgram(info), [input], 'int32', uniforms);
    const dx = backend.runWebGPUProgram(new MaxPoolGradGatherProgram(info), [dy, argmax], 'float32', uniforms);
    backend.disposeData(argmax.dataId);
    return dx;
  };
}

/** The book's MaxPoolGrad for webgpu, over tfjs's. */
export const webgpuMaxPoolGradConfig: BookKernelConfig = {
  kernelName: 'MaxPoolGrad',
  backendName: 'webgpu',
  make: (tf, stock) => makeWebgpuMaxPoolGrad(tf, needStock(stock, 'MaxPoolGrad', 'webgpu')),
};
