/**
 * The augmentation kernels for tfjs's cpu and wasm backends: each reads its inputs as typed arrays
 * (the cpu backend's values, or views of the wasm heap), allocates its float32 outputs, and runs
 * one of the host loops.
 */
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { Fill, Interpolation } from '../grid-sample';
import { gridSampleHost } from './host-grid-sample';
import { adjustHueHost } from './host-hue';
import { separableHost } from './host-separable';
import { AUGMENT_KERNEL } from './names';
import type { BookKernelConfig } from '../../tensor/kernel-table';

type KernelFunc = import('@tensorflow/tfjs-core').KernelFunc;
type Args = { inputs: Record<string, TensorInfo>; backend: unknown; attrs?: unknown };
type Compute = (inputs: ArrayLike<number>[], outputs: Float32Array[]) => void;

interface CpuLike {
  readSync(dataId: object): ArrayLike<number>;
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): TensorInfo;
}
interface WasmLike {
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): ArrayLike<number>;
}

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

/** Runs `compute` on the backend's arrays; on wasm the outputs are allocated before any view is taken (allocation may move the heap). */
function runHost(backendName: 'cpu' | 'wasm', args: Args, inputs: TensorInfo[], outShapes: number[][], compute: Compute): TensorInfo[] {
  for (const t of inputs) if (t.dtype !== 'float32') throw new Error(`augmentation kernels take float32 tensors, got ${t.dtype}`);
  if (backendName === 'wasm') {
    const be = args.backend as WasmLike;
    const outs = outShapes.map((s) => be.makeOutput(s, 'float32'));
    compute(
      inputs.map((t) => be.typedArrayFromHeap(t)),
      outs.map((t) => be.typedArrayFromHeap(t) as Float32Array),
    );
    return outs;
  }
  const be = args.backend as CpuLike;
  const outs = outShapes.map((s) => new Float32Array(size(s)));
  compute(
    inputs.map((t) => be.readSync(t.dataId)),
    outs,
  );
  return outs.map((v, i) => be.makeTensorInfo(outShapes[i], 'float32', v));
}

/** GridSample: x [N, H, W, C] at ix, iy [N, Ho, Wo] → [N, Ho, Wo, C]. */
export function hostGridSample(backendName: 'cpu' | 'wasm'): KernelFunc {
  return ((args: Args) => {
    const { x, ix, iy } = args.inputs;
    const { interpolation, fill } = args.attrs as { interpolation: Interpolation; fill: Fill };
    const [n, h, w, c] = x.shape;
    const [, ho, wo] = ix.shape;
    return runHost(backendName, args, [x, ix, iy], [[n, ho, wo, c]], ([xv, xs, ys], [out]) => {
      gridSampleHost(xv, xs, ys, out, { n, h, w, c, ho, wo }, interpolation, fill);
    })[0];
  }) as unknown as KernelFunc;
}

/** AdjustHue: planes r, g, b [N, H, W], factors [N] and flags only [N] (0: leave the image as it is) → three planes. */
export function hostAdjustHue(backendName: 'cpu' | 'wasm'): KernelFunc {
  return ((args: Args) => {
    const { r, g, b, factors, only } = args.inputs;
    const [n, h, w] = r.shape;
    if (factors.shape[0] !== n || only.shape[0] !== n)
      throw new Error(`AdjustHue: ${factors.shape[0]} factors and ${only.shape[0]} flags for ${n} images`);
    return runHost(backendName, args, [r, g, b, factors, only], [r.shape, r.shape, r.shape], ([rv, gv, bv, fv, ov], [or, og, ob]) => {
      adjustHueHost(rv, gv, bv, fv, ov, h * w, or, og, ob);
    });
  }) as unknown as KernelFunc;
}

/** HFlip: x [N, H, W, C] and flags [N] (1: mirror left–right, 0: copy) → [N, H, W, C]. */
export function hostHFlip(backendName: 'cpu' | 'wasm'): KernelFunc {
  return ((args: Args) => {
    const { x, flags } = args.inputs;
    const [n, h, w, c] = x.shape;
    return runHost(backendName, args, [x, flags], [x.shape], ([xv, fv], [out]) => {
      for (let b = 0; b < n; b++) {
        const flip = fv[b] !== 0;
        for (let row = 0; row < h; row++) {
          const base = (b * h + row) * w * c;
          for (let col = 0; col < w; col++) {
            const src = base + (flip ? w - 1 - col : col) * c;
            const dst = base + col * c;
            for (let ch = 0; ch < c; ch++) out[dst + ch] = xv[src + ch];
          }
        }
      }
    })[0];
  }) as unknown as KernelFunc;
}

/** Separable: x [N, H, W, C], rows [N, Ho, H], cols [N, Wo, W] → [N, Ho, Wo, C]. */
export function hostSeparable(backendName: 'cpu' | 'wasm'): KernelFunc {
  return ((args: Args) => {
    const { x, rows, cols } = args.inputs;
    const [n, h, w, c] = x.shape;
    const ho = rows.shape[1];
    const wo = cols.shape[1];
    return runHost(backendName, args, [x, rows, cols], [[n, ho, wo, c]], ([xv, rv, cv], [out]) => {
      separableHost(xv, rv, cv, out, { n, h, w, c, ho, wo });
    })[0];
  }) as unknown as KernelFunc;
}

/** The four augmentation kernels' configs for the cpu or the wasm backend. */
export function hostKernelConfigs(backendName: 'cpu' | 'wasm'): BookKernelConfig[] {
  return [
    { kernelName: AUGMENT_KERNEL.gridSample, backendName, make: () => hostGridSample(backendName) },
    { kernelName: AUGMENT_KERNEL.adjustHue, backendName, make: () => hostAdjustHue(backendName) },
    { kernelName: AUGMENT_KERNEL.separable, backendName, make: () => hostSeparable(backendName) },
    { kernelName: AUGMENT_KERNEL.hflip, backendName, make: () => hostHFlip(backendName) },
  ];
}
