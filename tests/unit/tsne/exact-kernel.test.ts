import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/data/rng';
import { CHUNKS, ExactKernel, exactLayout, exactMemory, paddedEntries } from '../../../src/tsne/exact-kernel';
import { inputAffinities } from '../../../src/tsne/tsne';
import { blobs, normal } from './helpers';

describe('exactLayout', () => {
  it('puts every array on a 16-byte boundary, the columns rounded up to a multiple of 4, apart from each other', () => {
    const l = exactLayout(7, 3, 21);
    expect(l.n4).toBe(8);
    const starts = [l.header, ...l.axes, l.points, l.rowPtr, l.cols, l.values, l.repulsion, l.attraction, l.columns];
    for (const s of starts) expect(s % 16).toBe(0);
    const sizes = [40, 32, 32, 32, 84, 32, 84, 84, 112, 84];
    starts.forEach((s, k) => {
      if (k + 1 < starts.length) expect(starts[k + 1] - s).toBeGreaterThanOrEqual(sizes[k]);
    });
    expect(l.bytes).toBeGreaterThanOrEqual(l.columns + 4 * 8 * 3 * CHUNKS);
  });

  it('cuts the rows into chunks of about the same number of pairs', () => {
    const n = 2000;
    const { chunkStart } = exactLayout(n, 2, 0);
    expect(chunkStart.length).toBe(CHUNKS + 1);
    expect([chunkStart[0], chunkStart[CHUNKS]]).toEqual([0, n]);
    const pairs = (i: number) => (i * (2 * n - i - 1)) / 2;
    for (let c = 0; c < CHUNKS; c++) {
      expect(chunkStart[c + 1]).toBeGreaterThan(chunkStart[c]);
      const share = (pairs(chunkStart[c + 1]) - pairs(chunkStart[c])) / pairs(n);
      expect(Math.abs(share - 1 / CHUNKS)).toBeLessThan(0.01);
    }
    expect(Array.from(exactLayout(5, 2, 0).chunkStart).at(-1)).toBe(5);
  });
});

describe('ExactKernel', () => {
  const { x, n } = blobs(3, 23, 6, 4); // 69 points: the SIMD loop runs over 3 padding columns and masks the first block
  const p = inputAffinities(x, n, 6, 10);

  for (const dims of [2, 3] as const) {
    const rng = mulberry32(10 + dims);
    const y = Float64Array.from({ length: n * dims }, () => 4 * normal(rng));
    const layout = exactLayout(n, dims, paddedEntries(p));
    const kernel = new ExactKernel(layout, exactMemory(layout, false), false);
    kernel.writeP(p);
    kernel.writeY(y);
    for (let c = 0; c < CHUNKS; c++) kernel.chunk(c);
    /** Row i's whole repulsion along axis a: its own part plus what every chunk's rows gave its column. */
    const force = (i: number, a: number) => {
      let f = kernel.repulsion[i * (dims + 1) + a];
      for (let c = 0; c < CHUNKS; c++) f += kernel.columns[(c * dims + a) * layout.n4 + i];
      return f;
    };

    it(`${dims}-D: each row's repulsion and attraction are the all-pairs sums, Σ q over pairs j > i sums to Z / 2 (relative 1e-5, float32)`, () => {
      let zAll = 0;
      let zHalf = 0;
      for (let i = 0; i < n; i++) {
        const f = new Float64Array(dims);
        let z = 0;
        for (let j = 0; j < n; j++) {
          let r2 = 0;
          for (let a = 0; a < dims; a++) r2 += (y[i * dims + a] - y[j * dims + a]) ** 2;
          const q = 1 / (1 + r2);
          if (j !== i) z += q;
          for (let a = 0; a < dims; a++) f[a] += q * q * (y[i * dims + a] - y[j * dims + a]);
        }
        zAll += z;
        zHalf += kernel.repulsion[i * (dims + 1) + dims];
        const g = new Float64Array(dims);
        for (let e = p.rowPtr[i]; e < p.rowPtr[i + 1]; e++) {
          const j = p.cols[e];
          let r2 = 0;
          for (let a = 0; a < dims; a++) r2 += (y[i * dims + a] - y[j * dims + a]) ** 2;
          for (let a = 0; a < dims; a++) g[a] += (p.values[e] / (1 + r2)) * (y[i * dims + a] - y[j * dims + a]);
        }
        const scaleF = Math.hypot(...f) + 1e-3;
        const scaleG = Math.hypot(...g) + 1e-6;
        for (let a = 0; a < dims; a++) {
          expect(Math.abs(force(i, a) - f[a]) / scaleF).toBeLessThan(1e-5);
          expect(Math.abs(kernel.attraction[i * dims + a] - g[a]) / scaleG).toBeLessThan(1e-5);
        }
      }
      expect(Math.abs(2 * zHalf - zAll) / zAll).toBeLessThan(1e-6);
    });

    it(`${dims}-D: sumColumns adds every chunk's columns into chunk 0's, in chunk order`, () => {
      const before = Float32Array.from(kernel.columns);
      const per = layout.n4 * dims;
      kernel.sumColumns();
      for (let e = 0; e < per; e++) {
        let sum = before[e];
        for (let c = 1; c < CHUNKS; c++) sum = Math.fround(sum + before[c * per + e]);
        expect(kernel.columns[e]).toBe(sum);
      }
      expect(Array.from(kernel.columns.subarray(per))).toEqual(Array.from(before.subarray(per)));
      kernel.columns.set(before);
    });

    it(`${dims}-D: the chunks run in any order (and again) give the same numbers, bit for bit`, () => {
      const before = [kernel.repulsion, kernel.attraction, kernel.columns].map((a) => Float32Array.from(a));
      kernel.columns.fill(7);
      kernel.repulsion.fill(0);
      for (let c = CHUNKS - 1; c >= 0; c--) kernel.chunk(c);
      expect([kernel.repulsion, kernel.attraction, kernel.columns].map((a) => Array.from(a))).toEqual(before.map((a) => Array.from(a)));
    });
  }

  it('refuses a P that does not match its layout', () => {
    const layout = exactLayout(n, 2, paddedEntries(p) - 4);
    const kernel = new ExactKernel(layout, exactMemory(layout, false), false);
    expect(() => kernel.writeP(p)).toThrow(/P has 69 rows and \d+ padded entries, the layout 69 and \d+/);
  });
});
