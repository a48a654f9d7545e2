import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../src/data/rng';
import { selectBackend } from '../../../../src/train/backends';
import { isBookKernel } from '../../../../src/tensor/kernel-table';
import { setSimdKernelsEnabled } from '../../../../src/train/kernels/wasm-simd/runtime';
import { relError } from '../helpers/cnn64';

const TOL = 1e-5; // max abs diff / max abs of the cpu result

beforeAll(async () => {
  await selectBackend(tf, { preferred: ['wasm'] });
});

interface Case {
  n: number;
  h: number;
  w: number;
  ci: number;
  co: number;
  k: [number, number];
  stride: number;
  pad: 'same' | 'valid' | number;
}

function conv(backend: string, c: Case, xs: Float32Array, ws: Float32Array): Float32Array {
  tf.setBackend(backend);
  return tf.tidy(
    () =>
      tf
        .conv2d(tf.tensor4d(xs, [c.n, c.h, c.w, c.ci]), tf.tensor4d(ws, [c.k[0], c.k[1], c.ci, c.co]), c.stride, c.pad)
        .dataSync() as Float32Array,
  );
}

for (const simd of [true, false])
  describe(`makeWasmConv2D (${simd ? 'SIMD product for few outputs' : 'XNNPACK only'})`, () => {
    beforeAll(() => setSimdKernelsEnabled(simd));
    afterAll(() => setSimdKernelsEnabled(true));
    const rng = mulberry32(21);
    const cases: Case[] = [
      // few outputs, many channels (n·oh·ow < 2.5·co: the product), as ResNet-18's deep layers
      { n: 4, h: 4, w: 4, ci: 24, co: 32, k: [3, 3], stride: 1, pad: 'valid' },
      { n: 2, h: 5, w: 4, ci: 16, co: 40, k: [3, 3], stride: 2, pad: 1 },
      { n: 3, h: 2, w: 2, ci: 20, co: 64, k: [1, 1], stride: 1, pad: 0 },
      { n: 1, h: 9, w: 9, ci: 3, co: 48, k: [7, 7], stride: 2, pad: 3 },
      { n: 2, h: 3, w: 3, ci: 8, co: 12, k: [3, 3], stride: 1, pad: 'same' },
      // many outputs, or columns not a multiple of 4: XNNPACK
      { n: 2, h: 12, w: 12, ci: 3, co: 8, k: [3, 3], stride: 1, pad: 1 },
      { n: 2, h: 3, w: 3, ci: 8, co: 10, k: [3, 3], stride: 1, pad: 1 },
    ];
    it('is registered for wasm after selectBackend', () => {
      expect(isBookKernel(tf, 'Conv2D', 'wasm')).toBe(true);
    });
    for (const c of cases) {
      it(`matches the cpu convolution for ${JSON.stringify(c)} (rel. error ≤ ${TOL})`, () => {
        const xs = Float32Array.from({ length: c.n * c.h * c.w * c.ci }, () => rng() * 2 - 1);
        const ws = Float32Array.from({ length: c.k[0] * c.k[1] * c.ci * c.co }, () => rng() * 2 - 1);
        expect(relError(conv('wasm', c, xs, ws), conv('cpu', c, xs, ws))).toBeLessThanOrEqual(TOL);
      });
    }
    it('gives the same result when the same filter comes again (then XNNPACK, with its packing kept)', () => {
      const c = cases[0];
      const xs = Float32Array.from({ length: c.n * c.h * c.w * c.ci }, () => rng() * 2 - 1);
      const ws = Float32Array.from({ length: c.k[0] * c.k[1] * c.ci * c.co }, () => rng() * 2 - 1);
      const ref = conv('cpu', c, xs, ws);
      tf.setBackend('wasm');
      const w = tf.tensor4d(ws, [c.k[0], c.k[1], c.ci, c.co]);
      const x = tf.tensor4d(xs, [c.n, c.h, c.w, c.ci]);
      for (let i = 0; i < 3; i++)
        expect(
          relError(
            tf.tidy(() => tf.conv2d(x, w, c.stride, c.pad).dataSync() as Float32Array),
            ref,
          ),
        ).toBeLessThanOrEqual(TOL);
      tf.dispose([w, x]);
    });

    it('leaves no tensors or data behind', () => {
      tf.setBackend('wasm');
      const before = tf.memory();
      tf.tidy(() => {
        tf.conv2d(tf.ones([4, 4, 4, 24]) as tf.Tensor4D, tf.ones([3, 3, 24, 32]) as tf.Tensor4D, 1, 'valid').dataSync();
      });
      expect(tf.memory().numTensors).toBe(before.numTensors);
      expect(tf.memory().numDataBuffers).toBe(before.numDataBuffers);
    });
  });
