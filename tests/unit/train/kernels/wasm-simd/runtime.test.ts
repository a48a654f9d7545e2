import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../../src/data/rng';
import { GEMM_CHUNK } from '../../../../../src/train/kernels/wasm-simd/kernels';
import {
  colSum,
  gemm,
  gemmGroups,
  memoryOf,
  poolGradTiled,
  prepareSimdKernels,
  setSimdKernelsEnabled,
  simdKernelsOf,
  type SimdKernels,
} from '../../../../../src/train/kernels/wasm-simd/runtime';
import { testHeap, type TestHeap } from '../../../../helpers/simd-memory';

const rng = mulberry32(7);
const rand = (n: number) => Float32Array.from({ length: n }, () => rng() * 2 - 1);

async function ready(shared: boolean): Promise<{ h: TestHeap; k: SimdKernels }> {
  const h = testHeap(shared);
  expect(await prepareSimdKernels(h.backend)).toEqual({ running: true, helpers: 0, problem: null });
  return { h, k: simdKernelsOf(h.backend) as SimdKernels };
}

/** max |a − b| / max |b|. */
function rel(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  let s = 0;
  for (let i = 0; i < b.length; i++) {
    d = Math.max(d, Math.abs(a[i] - b[i]));
    s = Math.max(s, Math.abs(b[i]));
  }
  return d / (s || 1);
}

describe('prepareSimdKernels / simdKernelsOf', () => {
  it('finds the memory of either build, and says why when there is none', async () => {
    const plain = testHeap(false);
    const shared = testHeap(true);
    expect(memoryOf(plain.backend.wasm)).toBe(plain.memory);
    expect(memoryOf(shared.backend.wasm)).toBe(shared.memory);
    expect(await prepareSimdKernels({})).toEqual({ running: false, helpers: 0, problem: 'not a wasm backend' });
    expect((await prepareSimdKernels({ wasm: { ...plain.backend.wasm, asm: {} } as never })).problem).toMatch(/does not expose its memory/);
  });

  it('answers null while turned off', async () => {
    const { h } = await ready(false);
    setSimdKernelsEnabled(false);
    try {
      expect(simdKernelsOf(h.backend)).toBeNull();
    } finally {
      setSimdKernelsEnabled(true);
    }
    expect(simdKernelsOf(h.backend)).not.toBeNull();
    expect(simdKernelsOf({})).toBeNull();
  });
});

describe('gemm', () => {
  const shapes: [number, number, number][] = [
    [1, 1, 4],
    [3, 5, 8],
    [4, 7, 12],
    [5, GEMM_CHUNK, 4],
    [9, GEMM_CHUNK + 3, 20],
    [27, 3 * GEMM_CHUNK - 1, 32],
    [6, 40, 36],
  ];
  for (const shared of [false, true]) {
    for (const [rows, m, n] of shapes) {
      it(`equals the float64 product for ${rows}×${m} · ${m}×${n}${shared ? ' (shared memory)' : ''} (rel. error ≤ 1e-5, float32 sums)`, async () => {
        const { h, k } = await ready(shared);
        const a = rand(rows * m);
        const b = rand(m * n);
        const pc = h.alloc(rows * n);
        new Float32Array(h.memory.buffer, pc, rows * n).fill(123); // gemm overwrites C
        gemm(k, h.put(a), h.put(b), pc, rows, m, n);
        const want = new Float64Array(rows * n);
        for (let i = 0; i < rows; i++)
          for (let j = 0; j < n; j++) for (let t = 0; t < m; t++) want[i * n + j] += a[i * m + t] * b[t * n + j];
        expect(rel(h.read(pc, rows * n), want)).toBeLessThanOrEqual(1e-5);
      });
    }
  }

  it('refuses a column count that is not a multiple of 4', async () => {
    const { h, k } = await ready(false);
    expect(() => gemm(k, h.alloc(4), h.alloc(4), h.alloc(4), 1, 1, 6)).toThrow(/multiple of 4/);
  });
});

describe('gemmGroups', () => {
  it('adds each row group (own A stride, own C rows) onto C and frees its table', async () => {
    const { h, k } = await ready(false);
    const m = 300;
    const n = 8;
    const a = rand(20 * m + 8);
    const b = rand(m * n);
    const pa = h.put(a);
    const c0 = rand(5 * n);
    const pc = h.put(c0);
    // group 1: rows 0, 2, 4 of a (stride 2m), offset by 3 floats; group 2: rows 7, 8 from offset 5
    const groups = [
      { a: pa + 12, stride: 2 * m * 4, rows: 3, c: pc },
      { a: pa + (7 * m + 5) * 4, stride: m * 4, rows: 2, c: pc + 3 * n * 4 },
    ];
    const freedBefore = h.freed;
    gemmGroups(k, groups, h.put(b), m, n);
    expect(h.freed).toBe(freedBefore + 1);
    const want = Float64Array.from(c0);
    const starts = [3, 2 * m + 3, 4 * m + 3, 7 * m + 5, 8 * m + 5];
    starts.forEach((start, i) => {
      for (let j = 0; j < n; j++) for (let t = 0; t < m; t++) want[i * n + j] += a[start + t] * b[t * n + j];
    });
    expect(rel(h.read(pc, 5 * n), want)).toBeLessThanOrEqual(1e-5);
  });
});

describe('colSum', () => {
  it('sums columns in float64 and rounds once', async () => {
    const { h, k } = await ready(false);
    const rows = 1001;
    const cols = 12;
    const x = rand(rows * cols).map((v, i) => (i % cols === 0 ? 1e7 : v));
    const out = new Float32Array(cols);
    colSum(k, h.put(x), rows, cols, out);
    const want = new Float64Array(cols);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) want[c] += x[r * cols + c];
    expect([...out]).toEqual([...Float32Array.from(want)]);
  });
});

describe('poolGradTiled', () => {
  it("gives each window's first maximum its dy (ties, NaN, rows no window covers) and zero elsewhere", async () => {
    const { h, k } = await ready(false);
    const [n, hh, w, c, fh, fw] = [2, 9, 8, 8, 2, 2];
    const oh = Math.floor(hh / fh);
    const ow = Math.floor(w / fw);
    const x = Float32Array.from({ length: n * hh * w * c }, (_, i) => (i % 7 === 0 ? NaN : Math.round((rng() * 2 - 1) * 2)));
    const g = Float32Array.from({ length: n * oh * ow * c }, (_, i) => i + 1);
    const out = h.put(new Float32Array(x.length).fill(99));
    poolGradTiled(k, h.put(x), h.put(g), out, { n, h: hh, w, c, oh, ow, fh, fw });
    const want = new Float32Array(x.length);
    for (let b = 0; b < n; b++)
      for (let i = 0; i < oh; i++)
        for (let j = 0; j < ow; j++)
          for (let ch = 0; ch < c; ch++) {
            let at = -1;
            for (let r = 0; r < fh; r++)
              for (let s = 0; s < fw; s++) {
                const q = ((b * hh + i * fh + r) * w + j * fw + s) * c + ch;
                if (at < 0 || x[q] > x[at]) at = q;
              }
            want[at] = g[((b * oh + i) * ow + j) * c + ch];
          }
    expect([...h.read(out, x.length)]).toEqual([...want]);
  });
});

describe('relu_grad', () => {
  it('passes dy where y > 0 and nothing where y is 0, negative or NaN', async () => {
    const { h, k } = await ready(false);
    const y = Float32Array.from([1, 0, -0, -2, NaN, 3e-38, Infinity, 0.5]);
    const dy = Float32Array.from([1, 2, 3, 4, 5, 6, 7, NaN]);
    const out = h.alloc(8);
    k.exports.relu_grad(h.put(dy), h.put(y), out, 8);
    expect([...h.read(out, 8)]).toEqual([1, 0, 0, 0, 0, 6, 7, NaN]);
  });
});
