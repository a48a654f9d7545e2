/** The deterministic second pass of the split reductions: out[i] = Σ_s partial[s, i], in order s = 0, 1, …. */
import type { WebgpuProgram } from '../../tensor/webgpu-types';

/** Sums `splits` slices of a [splits, …outputShape] partial buffer (uniform `splits`) into outputShape. */
export class SplitKReduceProgram implements WebgpuProgram {
  variableNames = ['partial'];
  uniforms = 'splits : i32,';
  workgroupSize: [number, number, number] = [64, 1, 1];
  size = true;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  shaderKey = 'webgpuSplitKReduce';
  constructor(public outputShape: number[]) {
    this.dispatchLayout = { x: outputShape.map((_, i) => i) };
    this.dispatch = [Math.ceil(outputShape.reduce((a, b) => a * b, 1) / 64), 1, 1];
  }
  getUserCode(): string {
    return `
      fn main(index : i32) {
        if (index < uniforms.size) {
          var s = 0.0;
          for (var z = 0; z < uniforms.splits; z++) {
            s = s + partial[z * uniforms.size + index];
          }
          setOutputAtIndex(index, s);
        }
      }
    `;
  }
}
