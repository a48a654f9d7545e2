import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../src/data/rng';
import { selectBackend } from '../../../../src/train/backends';
import { isBookKernel } from '../../../../src/tensor/kernel-table';
import { setSimdKernelsEnabled } from '../../../../src/train/kernels/wasm-simd/runtime';

const TOL = 1e-6; // max abs diff / max abs of the float64 sum

beforeAll(async () => {
  await selectBackend(tf, { preferred: ['wasm'] });
});

/** The exact (float64) sum of `xs` of `shape` over `axes`, computed independently of tfjs. */
function exactSum(xs: Float32Array, shape: number[], axes: number[]): Float64Array {
  const keep = shape.map((_, i) => !axes.includes(i));
  const outShape = shape.filter((_, i) => keep[i]);
  const out = new Float64Array(outShape.reduce((a, b) => a * b, 1));
  const idx = new Array(shape.length).fill(0);
  for (let f = 0; f < xs.length; f++) {
    let o = 0;
    for (let d = 0; d < shape.length; d++) if (keep[d]) o = o * shape[d] + idx[d];
    out[o] += xs[f];
    for (let d = shape.length - 1; d >= 0 && ++idx[d] === shape[d]; d--) idx[d] = 0;
  }
  return out;
}

function relErr(got: ArrayLike<number>, ref: ArrayLike<number>): number {
  let d = 0;
  let m = 0;
  for (let i = 0; i < ref.length; i++) {
    d = Math.max(d, Math.abs(got[i] - ref[i]));
    m = Math.max(m, Math.abs(ref[i]));
  }
  return d / Math.max(m, 1e-30);
}

for (const simd of [true, false])
  describe(`makeWasmSum (${simd ? 'SIMD' : 'JS'} columns)`, () => {
    beforeAll(() => setSimdKernelsEnabled(simd));
    afterAll(() => setSimdKernelsEnabled(true));
    it('is registered for wasm after selectBackend', () => {
      expect(isBookKernel(tf, 'Sum', 'wasm')).toBe(true);
    });

    const rng = mulberry32(7);
    const cases: { shape: number[]; axis: number | number[]; keepDims?: boolean }[] = [
      { shape: [8, 33, 31, 7], axis: [0, 1, 2] },
      { shape: [32, 16, 16, 64], axis: [0, 1, 2] },
      { shape: [5, 3], axis: 0 },
      { shape: [4, 6, 5], axis: [1, 0], keepDims: true },
      { shape: [3, 4, 5, 2], axis: [-4, -3] },
      { shape: [1, 1, 9], axis: [0, 1] },
      { shape: [6, 7, 3], axis: [2] },
      { shape: [6, 7, 3], axis: [0, 2] },
      { shape: [6, 7], axis: [0, 1] },
      { shape: [6, 7, 8], axis: [0, 1] },
      { shape: [9, 12], axis: 0 },
    ];
    for (const c of cases) {
      it(`matches the exact sum and the cpu backend for ${JSON.stringify(c)} (rel. error ≤ ${TOL})`, () => {
        const xs = Float32Array.from({ length: c.shape.reduce((a, b) => a * b, 1) }, () => rng() * 2 - 1 + 0.3);
        const run = (b: string) => {
          tf.setBackend(b);
          return tf.tidy(() => {
            const s = tf.sum(tf.tensor(xs, c.shape), c.axis, c.keepDims);
            return { shape: s.shape, data: s.dataSync() };
          });
        };
        const got = run('wasm');
        const cpu = run('cpu');
        expect(got.shape).toEqual(cpu.shape);
        const axes = (Array.isArray(c.axis) ? c.axis : [c.axis]).map((a) => (a < 0 ? a + c.shape.length : a));
        expect(relErr(got.data, exactSum(xs, c.shape, axes))).toBeLessThanOrEqual(TOL);
        expect(relErr(got.data, cpu.data)).toBeLessThanOrEqual(1e-5);
      });
    }

    it('leaves int32 sums to the backend and gives the bias gradient of a broadcast add', () => {
      tf.setBackend('wasm');
      expect(
        Array.from(
          tf
            .sum(
              tf.tensor2d(
                [
                  [1, 2],
                  [3, 4],
                ],
                [2, 2],
                'int32',
              ),
              0,
            )
            .dataSync(),
        ),
      ).toEqual([4, 6]);
      const dy = tf.randomUniform([2, 5, 5, 3], -1, 1, 'float32', 3);
      const g = tf.grad((b: tf.Tensor) => tf.sum(tf.mul(tf.add(tf.zeros([2, 5, 5, 3]), b), dy)))(tf.zeros([3]));
      expect(relErr(g.dataSync(), exactSum(dy.dataSync() as Float32Array, [2, 5, 5, 3], [0, 1, 2]))).toBeLessThanOrEqual(TOL);
      tf.dispose([dy, g]);
    });
  });
