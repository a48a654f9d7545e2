/**
 * The host (cpu and wasm backend) loop of grid-sample.ts's sampleGrid: the same float32 formulas,
 * rounded after every operation as tfjs's cpu backend rounds them, in one pass over the output
 * instead of four gathers and a dozen full-size multiplies and adds.
 */
import type { Fill, Interpolation } from '../grid-sample';

const f = Math.fround;

/** tf.round: half to even. */
export function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Shape of a sampling problem: x [n, h, w, c] sampled at ho × wo positions per image. */
export interface GridShape {
  n: number;
  h: number;
  w: number;
  c: number;
  ho: number;
  wo: number;
}

/** Writes sampleGrid(x, ix, iy) into out [n, ho, wo, c]. */
export function gridSampleHost(
  x: ArrayLike<number>,
  ix: ArrayLike<number>,
  iy: ArrayLike<number>,
  out: Float32Array,
  s: GridShape,
  interpolation: Interpolation,
  fill: Fill,
): void {
  const { n, h, w, c, ho, wo } = s;
  const fillC = fill === null ? null : Float32Array.from(fill.length === 1 ? new Array(c).fill(fill[0]) : fill);
  const inside = (p: number, size: number) => (p >= 0 && p <= size - 1 ? 1 : 0);
  const clampIdx = (p: number, size: number) => Math.trunc(Math.min(Math.max(p, 0), size - 1));
  const rowIdx = new Int32Array(4);
  const wt = new Float64Array(4);
  for (let b = 0; b < n; b++) {
    for (let k = 0; k < ho * wo; k++) {
      const pos = b * ho * wo + k;
      const px = ix[pos];
      const py = iy[pos];
      let taps: number;
      if (interpolation === 'nearest') {
        const rx = roundHalfEven(px);
        const ry = roundHalfEven(py);
        rowIdx[0] = (b * h + clampIdx(ry, h)) * w + clampIdx(rx, w);
        wt[0] = inside(rx, w) * inside(ry, h);
        taps = 1;
      } else {
        const x0 = Math.floor(px);
        const y0 = Math.floor(py);
        const x1 = x0 + 1;
        const y1 = y0 + 1;
        const wx0 = f(x1 - px) * inside(x0, w);
        const wx1 = f(px - x0) * inside(x1, w);
        const wy0 = f(y1 - py) * inside(y0, h);
        const wy1 = f(py - y0) * inside(y1, h);
        const r0 = (b * h + clampIdx(y0, h)) * w;
        const r1 = (b * h + clampIdx(y1, h)) * w;
        const c0 = clampIdx(x0, w);
        const c1 = clampIdx(x1, w);
        rowIdx[0] = r0 + c0;
        wt[0] = f(wx0 * wy0);
        rowIdx[1] = r0 + c1;
        wt[1] = f(wx1 * wy0);
        rowIdx[2] = r1 + c0;
        wt[2] = f(wx0 * wy1);
        rowIdx[3] = r1 + c1;
        wt[3] = f(wx1 * wy1);
        taps = 4;
      }
      let mask = wt[0];
      for (let t = 1; t < taps; t++) mask = f(mask + wt[t]);
      const o = pos * c;
      for (let ch = 0; ch < c; ch++) {
        let v = f(x[rowIdx[0] * c + ch] * wt[0]);
        for (let t = 1; t < taps; t++) v = f(v + f(x[rowIdx[t] * c + ch] * wt[t]));
        out[o + ch] = fillC === null ? v : f(f(v * mask) + f(f(1 - mask) * fillC[ch]));
      }
    }
  }
}
