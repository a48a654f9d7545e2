import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/data/rng';
import { distanceRows, kernelModuleBytes } from '../../../src/tsne/distance-kernel';

function reference(x: Float32Array, d: number, i: number, j: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) s += (x[i * d + k] - x[j * d + k]) ** 2;
  return s;
}

describe('distanceRows', () => {
  it('the WebAssembly SIMD kernel validates and is the one used in Node', () => {
    expect(WebAssembly.validate(kernelModuleBytes())).toBe(true);
    expect(distanceRows(new Float32Array(8), 2, 4).kind).toBe('wasm-simd');
  });

  for (const [n, d] of [
    [13, 7],
    [8, 4],
    [5, 1],
    [33, 130],
  ] as const) {
    it(`gives ‖x_i − x_j‖² for j > i on ${n}×${d}, SIMD and JavaScript alike (relative 1e-5)`, () => {
      const rng = mulberry32(n * 100 + d);
      const x = Float32Array.from({ length: n * d }, () => rng() * 4 - 2);
      for (const prefer of ['auto', 'js'] as const) {
        const rows = distanceRows(x, n, d, prefer);
        for (let i = 0; i < n - 1; i++) {
          const row = rows.squaredDistancesAfter(i);
          for (let j = i + 1; j < n; j++) {
            const ref = reference(x, d, i, j);
            expect(Math.abs(row[j] - ref)).toBeLessThanOrEqual(1e-5 * Math.max(ref, 1e-3));
          }
        }
      }
    });
  }

  it('rejects data whose length is not n×d', () => {
    expect(() => distanceRows(new Float32Array(10), 3, 4)).toThrow(/do not make 3×4/);
  });
});
