/**
 * The augmentation kernels for tfjs's webgpu backend, in WGSL: GridSample (one thread per output
 * value, the host loop's formulas), HFlip, and AdjustHue (one dispatch per output plane; the HSV round trip
 * is recomputed, which is cheaper than the sixty dispatches of the op-by-op version). Separable
 * keeps tfjs's batched matMul there, which the GPU already runs well.
 */
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { Fill, Interpolation } from '../grid-sample';
import type { WebgpuBackendLike, WebgpuProgram } from '../../tensor/webgpu-types';
import type { BookKernelConfig } from '../../tensor/kernel-table';
import { AUGMENT_KERNEL } from './names';

type KernelFunc = import('@tensorflow/tfjs-core').KernelFunc;
type Args = { inputs: Record<string, TensorInfo>; backend: unknown; attrs?: unknown };

const flat = (shape: number[]): Pick<WebgpuProgram, 'dispatchLayout' | 'dispatch' | 'workgroupSize' | 'size'> => ({
  dispatchLayout: { x: shape.map((_, i) => i) },
  dispatch: [Math.ceil(shape.reduce((a, b) => a * b, 1) / 64), 1, 1],
  workgroupSize: [64, 1, 1],
  size: true,
});

class GridSampleProgram implements WebgpuProgram {
  variableNames = ['x', 'ix', 'iy'];
  uniforms = 'fillValue : vec4<f32>,';
  shaderKey: string;
  outputShape: number[];
  dispatchLayout;
  dispatch;
  workgroupSize;
  size;
  constructor(
    outShape: number[],
    private readonly nearest: boolean,
    private readonly withFill: boolean,
  ) {
    this.outputShape = outShape;
    this.shaderKey = `bookGridSample_${nearest}_${withFill}`;
    ({ dispatchLayout: this.dispatchLayout, dispatch: this.dispatch, workgroupSize: this.workgroupSize, size: this.size } = flat(outShape));
  }
  getUserCode(): string {
    const taps = this.nearest
      ? `
        let rx = round(px);
        let ry = round(py);
        let w0 = inside(rx, W) * inside(ry, H);
        var v = x[((b * H + clampIdx(ry, H)) * W + clampIdx(rx, W)) * C + ch] * w0;
        let mask = w0;`
      : `
        let x0 = floor(px);
        let y0 = floor(py);
        let x1 = x0 + 1.0;
        let y1 = y0 + 1.0;
        let wx0 = (x1 - px) * inside(x0, W);
        let wx1 = (px - x0) * inside(x1, W);
        let wy0 = (y1 - py) * inside(y0, H);
        let wy1 = (py - y0) * inside(y1, H);
        let r0 = (b * H + clampIdx(y0, H)) * W;
        let r1 = (b * H + clampIdx(y1, H)) * W;
        let c0 = clampIdx(x0, W);
        let c1 = clampIdx(x1, W);
        let w00 = wx0 * wy0;
        let w01 = wx1 * wy0;
        let w10 = wx0 * wy1;
        let w11 = wx1 * wy1;
        var v = x[(r0 + c0) * C + ch] * w00;
        v = v + x[(r0 + c1) * C + ch] * w01;
        v = v + x[(r1 + c0) * C + ch] * w10;
        v = v + x[(r1 + c1) * C + ch] * w11;
        let mask = ((w00 + w01) + w10) + w11;`;
    return `
      fn inside(p : f32, n : i32) -> f32 {
        if (p >= 0.0 && p <= f32(n - 1)) { return 1.0; }
        return 0.0;
      }
      fn clampIdx(p : f32, n : i32) -> i32 { return i32(clamp(p, 0.0, f32(n - 1))); }
      fn main(index : i32) {
        if (index >= uniforms.size) { return; }
        let H = uniforms.xShape.y;
        let W = uniforms.xShape.z;
        let C = uniforms.xShape.w;
        let ch = index % C;
        let pos = index / C;
        let b = pos / (uniforms.outShape.y * uniforms.outShape.z);
        let px = ix[pos];
        let py = iy[pos];
        ${taps}
        ${this.withFill ? 'v = v * mask + (1.0 - mask) * uniforms.fillValue[ch];' : ''}
        setOutputAtIndex(index, v);
      }
    `;
  }
}

class AdjustHueProgram implements WebgpuProgram {
  variableNames = ['r', 'g', 'b', 'factors', 'only'];
  shaderKey: string;
  outputShape: number[];
  dispatchLayout;
  dispatch;
  workgroupSize;
  size;
  constructor(
    shape: number[],
    private readonly plane: 0 | 1 | 2,
  ) {
    this.outputShape = shape;
    this.shaderKey = `bookAdjustHue_${plane}`;
    ({ dispatchLayout: this.dispatchLayout, dispatch: this.dispatch, workgroupSize: this.workgroupSize, size: this.size } = flat(shape));
  }
  getUserCode(): string {
    return `
      fn floorMod(a : f32, m : f32) -> f32 {
        let q = a % m;
        if ((a < 0.0 && m < 0.0) || (a >= 0.0 && m >= 0.0)) { return q; }
        return (q + m) % m;
      }
      fn main(index : i32) {
        if (index >= uniforms.size) { return; }
        let img = index / (uniforms.rShape.y * uniforms.rShape.z);
        let R = r[index];
        let G = g[index];
        let B = b[index];
        if (only[img] == 0.0) {
          setOutputAtIndex(index, vec3<f32>(R, G, B)[${this.plane}]);
          return;
        }
        let maxc = max(max(R, G), B);
        let minc = min(min(R, G), B);
        let eqc = maxc == minc;
        let cr = maxc - minc;
        let s = cr / select(maxc, 1.0, eqc);
        let dv = select(cr, 1.0, eqc);
        let rc = (maxc - R) / dv;
        let gc = (maxc - G) / dv;
        let bc = (maxc - B) / dv;
        let isR = maxc == R;
        let isG = maxc == G;
        let hr = select(0.0, bc - gc, isR);
        let hg = select(0.0, (rc - bc) + 2.0, isG && !isR);
        let hb = select(0.0, (gc - rc) + 4.0, !isG && !isR);
        let h0 = floorMod(((hr + hg) + hb) / 6.0 + 1.0, 1.0);
        let h = floorMod(h0 + factors[img], 1.0);
        let v = maxc;
        let h6 = h * 6.0;
        let fl = floor(h6);
        let fr = h6 - fl;
        let i = ((i32(fl) % 6) + 6) % 6;
        let p = clamp(v * (1.0 - s), 0.0, 1.0);
        let q = clamp(v * (1.0 - s * fr), 0.0, 1.0);
        let t = clamp(v * (1.0 - s * (1.0 - fr)), 0.0, 1.0);
        var out = array<vec3<f32>, 6>(vec3<f32>(v, t, p), vec3<f32>(q, v, p), vec3<f32>(p, v, t), vec3<f32>(p, q, v), vec3<f32>(t, p, v), vec3<f32>(v, p, q));
        setOutputAtIndex(index, out[i][${this.plane}]);
      }
    `;
  }
}

/** GridSample on webgpu (images of at most 4 channels when a fill is given). */
export const webgpuGridSample = ((args: Args) => {
  const { x, ix, iy } = args.inputs;
  const { interpolation, fill } = args.attrs as { interpolation: Interpolation; fill: Fill };
  const c = x.shape[3];
  if (fill !== null && c > 4) throw new Error('GridSample on webgpu fills images of at most 4 channels');
  const fv = fill === null ? [0, 0, 0, 0] : Array.from({ length: 4 }, (_, i) => (fill.length === 1 ? fill[0] : (fill[i] ?? 0)));
  const program = new GridSampleProgram([x.shape[0], ix.shape[1], ix.shape[2], c], interpolation === 'nearest', fill !== null);
  return (args.backend as WebgpuBackendLike).runWebGPUProgram(program, [x, ix, iy], 'float32', [{ type: 'float32', data: fv }]);
}) as unknown as KernelFunc;

/** AdjustHue on webgpu: three dispatches, one per output plane. */
export const webgpuAdjustHue = ((args: Args) => {
  const { r, g, b, factors, only } = args.inputs;
  const backend = args.backend as WebgpuBackendLike;
  return ([0, 1, 2] as const).map((p) => backend.runWebGPUProgram(new AdjustHueProgram(r.shape, p), [r, g, b, factors, only], 'float32'));
}) as unknown as KernelFunc;

class HFlipProgram implements WebgpuProgram {
  variableNames = ['x', 'flags'];
  shaderKey = 'bookHFlip';
  outputShape: number[];
  dispatchLayout;
  dispatch;
  workgroupSize;
  size;
  constructor(shape: number[]) {
    this.outputShape = shape;
    ({ dispatchLayout: this.dispatchLayout, dispatch: this.dispatch, workgroupSize: this.workgroupSize, size: this.size } = flat(shape));
  }
  getUserCode(): string {
    return `
      fn main(index : i32) {
        if (index >= uniforms.size) { return; }
        let W = uniforms.xShape.z;
        let C = uniforms.xShape.w;
        let col = (index / C) % W;
        let img = index / (C * W * uniforms.xShape.y);
        var src = index;
        if (flags[img] != 0.0) { src = index + (W - 1 - 2 * col) * C; }
        setOutputAtIndex(index, x[src]);
      }
    `;
  }
}

/** HFlip on webgpu: one thread per output value. */
export const webgpuHFlip = ((args: Args) => {
  const { x, flags } = args.inputs;
  return (args.backend as WebgpuBackendLike).runWebGPUProgram(new HFlipProgram(x.shape), [x, flags], 'float32');
}) as unknown as KernelFunc;

/** The augmentation kernels' configs for webgpu (Separable stays tfjs's batched matMul there). */
export const WEBGPU_AUGMENT_KERNELS: BookKernelConfig[] = [
  { kernelName: AUGMENT_KERNEL.gridSample, backendName: 'webgpu', make: () => webgpuGridSample },
  { kernelName: AUGMENT_KERNEL.adjustHue, backendName: 'webgpu', make: () => webgpuAdjustHue },
  { kernelName: AUGMENT_KERNEL.hflip, backendName: 'webgpu', make: () => webgpuHFlip },
];
