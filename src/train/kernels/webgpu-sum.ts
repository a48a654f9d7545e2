/**
 * Sum over leading axes for the webgpu backend (the bias gradients: dy [N, H, W, C] summed over
 * N, H, W), as column sums of the [rows, cols] matrix the input already is: no transpose. Rows are
 * split across workgroups, each writing its partial column sums, which a second pass adds in a
 * fixed order (deterministic). tfjs-webgpu 4.22 instead transposes the whole tensor so the reduced
 * axes come last and then runs one workgroup per output element: 32 workgroups for a 32-channel
 * layer, each looping over N·H·W values. Other sums go to the stock kernel.
 */
import type { TF } from '../../tensor/tf-types';
import { type BookKernelConfig, needStock } from '../../tensor/kernel-table';
import { SplitKReduceProgram } from './webgpu-split-reduce';
import type { KernelArgs, TensorInfo, WebgpuBackendLike, WebgpuProgram } from '../../tensor/webgpu-types';

type KernelFunc = import('@tensorflow/tfjs-core').KernelFunc;

/** How the column sum is cut: tile width (columns per workgroup), row splits, rows per split. */
export interface ColumnSumPlan {
  tw: number;
  splits: number;
  rowChunk: number;
}

/** Picks a column tile and splits the rows so that about 512 workgroups run, each thread summing ≥ 16 rows. */
export function planColumnSum(rows: number, cols: number): ColumnSumPlan {
  const tw = cols >= 64 ? 64 : cols >= 32 ? 32 : 16;
  const lanes = 256 / tw;
  const colTiles = Math.ceil(cols / tw);
  const most = Math.max(1, Math.min(256, Math.floor(rows / (lanes * 16))));
  const want = Math.max(1, Math.min(most, Math.ceil(512 / colTiles)));
  const rowChunk = Math.ceil(rows / want);
  return { tw, splits: Math.ceil(rows / rowChunk), rowChunk };
}

/** For a sum over axes 0…j−1 (j < rank): the matrix [rows, cols] it is a column sum of; otherwise null. */
export function leadingAxesSum(tf: TF, shape: number[], axis: number | number[]): { rows: number; cols: number; j: number } | null {
  const axes = [...tf.util.parseAxisParam(axis, shape)].sort((a, b) => a - b);
  const j = axes.length;
  if (j === 0 || j >= shape.length || axes.some((a, i) => a !== i)) return null;
  const rows = shape.slice(0, j).reduce((a, b) => a * b, 1);
  const cols = shape.slice(j).reduce((a, b) => a * b, 1);
  return rows > 0 && cols > 0 ? { rows, cols, j } : null;
}

/** Pass 1: partial[split, col] = Σ rows of that split (with one split, the sums themselves); 256 threads = tw columns × 256/tw row lanes. */
class ColumnSumProgram implements WebgpuProgram {
  variableNames = ['x'];
  uniforms = 'rows : i32, cols : i32, rowChunk : i32,';
  workgroupSize: [number, number, number] = [256, 1, 1];
  dispatchLayout: { x: number[]; y: number[] };
  dispatch: [number, number, number];
  shaderKey: string;
  outputShape: number[];
  constructor(
    private plan: ColumnSumPlan,
    cols: number,
  ) {
    this.outputShape = [plan.splits, cols];
    this.dispatchLayout = { x: [1], y: [0] };
    this.dispatch = [Math.ceil(cols / plan.tw), plan.splits, 1];
    this.shaderKey = `webgpuColumnSum_${plan.tw}`;
  }
  getUserCode(): string {
    const tw = this.plan.tw;
    const lanes = 256 / tw;
    return `
      var<workgroup> part : array<f32, 256>;
      fn main() {
        let tid = i32(localIndex);
        let lane = tid % ${tw};
        let sub = tid / ${tw};
        let col = i32(workgroupId.x) * ${tw} + lane;
        let split = i32(workgroupId.y);
        let r0 = split * uniforms.rowChunk;
        let r1 = min(uniforms.rows, r0 + uniforms.rowChunk);
        var s = 0.0;
        if (col < uniforms.cols) {
          for (var r = r0 + sub; r < r1; r += ${lanes}) {
            s = s + x[r * uniforms.cols + col];
          }
        }
        part[tid] = s;
        workgroupBarrier();
        if (sub == 0 && col < uniforms.cols) {
          var t = 0.0;
          for (var q = 0; q < ${lanes}; q++) {
            t = t + part[q * ${tw} + lane];
          }
          result[split * uniforms.cols + col] = t;
        }
      }
    `;
  }
}

/** Builds the kernel; `stock` serves other axes, non-float32 inputs and full reductions. */
export function makeWebgpuSum(tf: TF, stock: KernelFunc) {
  return (args: KernelArgs): TensorInfo => {
    const { x } = args.inputs;
    const { axis, keepDims } = args.attrs as { axis: number | number[]; keepDims: boolean };
    const m = x.dtype === 'float32' ? leadingAxesSum(tf, x.shape, axis) : null;
    // Beyond 65,535 column tiles the dispatch would exceed WebGPU's per-dimension limit.
    if (!m || Math.ceil(m.cols / 16) > 65535) return stock(args as never) as TensorInfo;
    const outShape = keepDims ? x.shape.map((d, i) => (i < m.j ? 1 : d)) : x.shape.slice(m.j);
    const plan = planColumnSum(m.rows, m.cols);
    const backend = args.backend as WebgpuBackendLike;
    const uniforms = [
      { type: 'int32' as const, data: [m.rows] },
      { type: 'int32' as const, data: [m.cols] },
      { type: 'int32' as const, data: [plan.rowChunk] },
    ];
    const partial = backend.runWebGPUProgram(new ColumnSumProgram(plan, m.cols), [x], 'float32', uniforms);
    if (plan.splits === 1) return { dataId: partial.dataId, shape: outShape, dtype: 'float32' };
    const out = backend.runWebGPUProgram(new SplitKReduceProgram(outShape), [partial], 'float32', [{ type: 'int32', data: [plan.splits] }]);
    backend.disposeData(partial.dataId);
    return out;
  };
}

/** The book's Sum for webgpu, over tfjs's. */
export const webgpuSumConfig: BookKernelConfig = {
  kernelName: 'Sum',
  backendName: 'webgpu',
  make: (tf, stock) => makeWebgpuSum(tf, needStock(stock, 'Sum', 'webgpu')),
};
