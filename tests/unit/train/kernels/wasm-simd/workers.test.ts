import { afterAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../../src/data/rng';
import { simdKernelBytes } from '../../../../../src/train/kernels/wasm-simd/kernels';
import { gemm, prepareSimdKernels, simdKernelsOf, type SimdKernels } from '../../../../../src/train/kernels/wasm-simd/runtime';
import { type GemmPool, liveHelpers, splitColumns, startGemmPool, stopGemmPool } from '../../../../../src/train/kernels/wasm-simd/workers';
import { testHeap } from '../../../../helpers/simd-memory';

const pools: GemmPool[] = [];
afterAll(() => {
  for (const p of pools) stopGemmPool(p);
});

describe('splitColumns', () => {
  it("splits into ranges of whole 4-column vectors, the caller's first, none empty", () => {
    expect(splitColumns(32, 2)).toEqual([
      [0, 16],
      [16, 32],
    ]);
    expect(splitColumns(12, 2)).toEqual([
      [0, 8],
      [8, 12],
    ]);
    expect(splitColumns(64, 3)).toEqual([
      [0, 20],
      [20, 44],
      [44, 64],
    ]);
    expect(splitColumns(4, 3)).toEqual([[0, 4]]);
  });
});

describe('startGemmPool / gemm on helper threads', () => {
  it('gives the same product as one thread, bit for bit, on 1 and 3 helpers', async () => {
    const rng = mulberry32(3);
    for (const threads of [2, 4]) {
      const h = testHeap(true, 512);
      expect(await prepareSimdKernels(h.backend, threads)).toEqual({ running: true, helpers: threads - 1, problem: null });
      const k = simdKernelsOf(h.backend) as SimdKernels;
      expect(k.pool?.helpers.length).toBe(threads - 1);
      pools.push(k.pool as GemmPool);
      const [rows, m, n] = [27, 4099, 40];
      const pa = h.put(Float32Array.from({ length: rows * m }, () => rng() - 0.5));
      const pb = h.put(Float32Array.from({ length: m * n }, () => rng() - 0.5));
      const par = h.alloc(rows * n);
      const one = h.alloc(rows * n);
      gemm(k, pa, pb, par, rows, m, n);
      const pool = k.pool;
      k.pool = null;
      gemm(k, pa, pb, one, rows, m, n);
      k.pool = pool;
      expect([...h.read(par, rows * n)]).toEqual([...h.read(one, rows * n)]);
      expect(k.pool?.broken).toBeNull();
    }
  });

  it('rejects, with the reason, when a helper cannot instantiate the module, and stops every helper it started', async () => {
    const h = testHeap(true);
    const before = liveHelpers();
    // a module built for an unshared memory cannot import the shared one
    const wrong = await WebAssembly.compile(simdKernelBytes({ shared: false, minPages: 1 }) as BufferSource);
    await expect(startGemmPool(wrong, h.memory, 3, (b) => h.backend.wasm._malloc(b))).rejects.toThrow(/helper thread failed/);
    expect(liveHelpers()).toBe(before);
  });

  it('starts no helpers where the memory is not shared (the single-threaded build)', async () => {
    const h = testHeap(false);
    expect(await prepareSimdKernels(h.backend, 2)).toEqual({ running: true, helpers: 0, problem: null });
    expect(simdKernelsOf(h.backend)?.pool).toBeNull();
  });
});
