/**
 * The host (cpu and wasm backend) loop of separable.ts's applySeparable: out[n] = R[n] · x[n] · C[n]ᵀ
 * per channel, visiting only each weight row's nonzero band (a resize, crop or blur row touches a
 * few input pixels), where tfjs-wasm's batched matMul multiplies the full matrices one scalar at a time.
 */

/** Shape of the problem: x [n, h, w, c] → [n, ho, wo, c]; rows [n, ho, h], cols [n, wo, w]. */
export interface SeparableShape {
  n: number;
  h: number;
  w: number;
  c: number;
  ho: number;
  wo: number;
}

/** First and one-past-last nonzero column of each row of a row-major [rows, len] block at `offset`. */
function bands(m: ArrayLike<number>, offset: number, rows: number, len: number): Int32Array {
  const out = new Int32Array(rows * 2);
  for (let r = 0; r < rows; r++) {
    const base = offset + r * len;
    let lo = 0;
    while (lo < len && m[base + lo] === 0) lo++;
    let hi = len;
    while (hi > lo && m[base + hi - 1] === 0) hi--;
    out[2 * r] = lo;
    out[2 * r + 1] = hi;
  }
  return out;
}

/** Writes the separable product into out [n, ho, wo, c]. */
export function separableHost(
  x: ArrayLike<number>,
  rows: ArrayLike<number>,
  cols: ArrayLike<number>,
  out: Float32Array,
  s: SeparableShape,
): void {
  const { n, h, w, c, ho, wo } = s;
  const tmp = new Float64Array(ho * w * c);
  for (let b = 0; b < n; b++) {
    const rOff = b * ho * h;
    const cOff = b * wo * w;
    const rb = bands(rows, rOff, ho, h);
    const cb = bands(cols, cOff, wo, w);
    const xOff = b * h * w * c;
    tmp.fill(0);
    for (let o = 0; o < ho; o++) {
      const t0 = o * w * c;
      for (let i = rb[2 * o]; i < rb[2 * o + 1]; i++) {
        const wgt = rows[rOff + o * h + i];
        const x0 = xOff + i * w * c;
        for (let k = 0; k < w * c; k++) tmp[t0 + k] += wgt * x[x0 + k];
      }
    }
    const outOff = b * ho * wo * c;
    for (let o = 0; o < ho; o++) {
      for (let p = 0; p < wo; p++) {
        const dst = outOff + (o * wo + p) * c;
        for (let ch = 0; ch < c; ch++) {
          let acc = 0;
          for (let j = cb[2 * p]; j < cb[2 * p + 1]; j++) acc += cols[cOff + p * w + j] * tmp[(o * w + j) * c + ch];
          out[dst + ch] = acc;
        }
      }
    }
  }
}
