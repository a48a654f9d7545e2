import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../src/data/rng';
import { selectBackend } from '../../../../src/train/backends';
import { isBookKernel } from '../../../../src/tensor/kernel-table';
import { setSimdKernelsEnabled } from '../../../../src/train/kernels/wasm-simd/runtime';

interface Case {
  n: number;
  h: number;
  w: number;
  c: number;
  k: number;
  stride: number;
  pad: 'valid' | 'same' | number;
  relu: boolean;
}

/** dL/dx for L = Σ maxPool(relu(x)) · dy on one backend (ReLU makes ties of zeros, as in the CNN), or without the ReLU. */
function poolGrad(backend: string, p: Case, xs: Float32Array, seed: number): Float32Array {
  tf.setBackend(backend);
  return tf.tidy(() => {
    const x = tf.tensor4d(xs, [p.n, p.h, p.w, p.c]);
    const shape = tf.maxPool(x, p.k, p.stride, p.pad).shape;
    const rng = mulberry32(seed);
    const dy = tf.tensor(
      Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng() * 2 - 1),
      shape,
    );
    return tf
      .grad((xx: tf.Tensor) => tf.sum(tf.mul(tf.maxPool((p.relu ? tf.relu(xx) : xx) as tf.Tensor4D, p.k, p.stride, p.pad), dy)))(x)
      .dataSync() as Float32Array;
  });
}

for (const simd of [true, false])
  describe(`makeWasmMaxPoolGrad (${simd ? 'SIMD' : 'JS'} windows)`, () => {
    beforeAll(async () => {
      await selectBackend(tf, { preferred: ['wasm'] });
      setSimdKernelsEnabled(simd);
    });
    afterAll(() => setSimdKernelsEnabled(true));

    it('is registered for wasm after selectBackend', () => {
      expect(isBookKernel(tf, 'MaxPoolGrad', 'wasm')).toBe(true);
    });

    const cases: Case[] = [
      { n: 2, h: 16, w: 16, c: 5, k: 4, stride: 4, pad: 'valid', relu: true },
      { n: 1, h: 8, w: 12, c: 3, k: 2, stride: 2, pad: 'valid', relu: true },
      { n: 2, h: 9, w: 7, c: 4, k: 2, stride: 2, pad: 'valid', relu: true },
      { n: 3, h: 10, w: 11, c: 1, k: 3, stride: 3, pad: 'valid', relu: true },
      { n: 1, h: 5, w: 5, c: 6, k: 1, stride: 1, pad: 'valid', relu: false },
      { n: 2, h: 16, w: 16, c: 8, k: 4, stride: 4, pad: 'valid', relu: true },
      { n: 1, h: 10, w: 9, c: 12, k: 3, stride: 3, pad: 'valid', relu: false },
      // overlapping and padded pools (ResNet's stem pool is 3×3/2, pad 1)
      { n: 1, h: 9, w: 9, c: 2, k: 3, stride: 2, pad: 'same', relu: false },
      { n: 1, h: 8, w: 8, c: 2, k: 3, stride: 1, pad: 1, relu: false },
      { n: 2, h: 16, w: 16, c: 3, k: 3, stride: 2, pad: 1, relu: true },
    ];
    for (const p of cases) {
      it(`matches the cpu gradient for ${JSON.stringify(p)} (sums of dy within 1e-6)`, () => {
        const rng = mulberry32(p.h * 31 + p.k);
        const xs = Float32Array.from({ length: p.n * p.h * p.w * p.c }, () =>
          p.relu ? Math.round((rng() * 2 - 1) * 8) / 8 : rng() * 2 - 1,
        );
        const cpu = poolGrad('cpu', p, xs, 5);
        const wasm = poolGrad('wasm', p, xs, 5);
        expect(Math.max(...wasm.map((v, i) => Math.abs(v - cpu[i])))).toBeLessThanOrEqual(1e-6);
        tf.setBackend('wasm');
      });
    }
  });
