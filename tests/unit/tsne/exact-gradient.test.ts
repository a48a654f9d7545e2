import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/data/rng';
import { exactKernelAvailable, exactKernelGradient } from '../../../src/tsne/exact-gradient';
import { exactGradient, exactKl } from '../../../src/tsne/gradient';
import { inputAffinities } from '../../../src/tsne/tsne';
import { blobs, normal } from './helpers';

function relError(a: Float64Array, b: Float64Array): number {
  let num = 0;
  let den = 0;
  for (let e = 0; e < a.length; e++) {
    num += (a[e] - b[e]) ** 2;
    den += b[e] ** 2;
  }
  return Math.sqrt(num / den);
}

describe('exactKernelGradient', () => {
  const { x, n } = blobs(4, 31, 10, 5);
  const p = inputAffinities(x, n, 10, 15);

  it('runs here (Node has WebAssembly SIMD)', () => {
    expect(exactKernelAvailable()).toBe(true);
  });

  for (const dims of [2, 3] as const) {
    const rng = mulberry32(dims);
    const y = Float64Array.from({ length: n * dims }, () => 3 * normal(rng));
    for (let a = 0; a < dims; a++) y[dims + a] = y[a];

    it(`${dims}-D: is the double-precision exact gradient within float32 rounding (relative 1e-5), exaggerated or not`, () => {
      const fn = exactKernelGradient(p, dims);
      for (const exaggeration of [1, 12]) {
        const grad = new Float64Array(n * dims);
        expect(fn(y, exaggeration, grad, false)).toBeNaN();
        expect(relError(grad, exactGradient(p, y, dims, exaggeration))).toBeLessThan(1e-5);
      }
    });

    it(`${dims}-D: reports the exact KL when asked (relative 1e-6)`, () => {
      const kl = exactKernelGradient(p, dims)(y, 4, new Float64Array(n * dims), true);
      const ref = exactKl(p, y, dims);
      expect(Math.abs(kl - ref) / ref).toBeLessThan(1e-6);
    });
  }
});
