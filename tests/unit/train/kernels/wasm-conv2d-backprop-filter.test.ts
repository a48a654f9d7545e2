import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../src/data/rng';
import { selectBackend } from '../../../../src/train/backends';
import { setSimdKernelsEnabled, simdKernelsOf } from '../../../../src/train/kernels/wasm-simd/runtime';
import { relError } from '../helpers/cnn64';

const TOL = 1e-5; // max abs diff / max abs of the cpu result

let choice: Awaited<ReturnType<typeof selectBackend>>;
beforeAll(async () => {
  choice = await selectBackend(tf, { preferred: ['wasm'] });
});

it('has the SIMD kernels ready once selectBackend chose wasm, with a helper for every thread but the caller', () => {
  const threads = choice.threads?.count ?? 1;
  expect(choice.simdKernels).toEqual({ running: true, helpers: threads > 1 ? threads - 1 : 0, problem: null });
  expect(simdKernelsOf(tf.backend())).not.toBeNull();
});

interface Case {
  n: number;
  h: number;
  w: number;
  ci: number;
  co: number;
  k: [number, number];
  stride: number | [number, number];
  pad: 'same' | 'valid' | number;
}

function filterGrad(backend: string, c: Case, xs: Float32Array, dys: Float32Array): Float32Array {
  tf.setBackend(backend);
  return tf.tidy(() => {
    const x = tf.tensor4d(xs, [c.n, c.h, c.w, c.ci]);
    const w0 = tf.zeros([c.k[0], c.k[1], c.ci, c.co]) as tf.Tensor4D;
    const y = tf.conv2d(x, w0, c.stride, c.pad);
    const dy = tf.tensor(dys, y.shape);
    const g = tf.grad((w: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(x, w as tf.Tensor4D, c.stride, c.pad), dy)))(w0);
    return g.dataSync() as Float32Array;
  });
}

function outSize(c: Case): [number, number] {
  tf.setBackend('cpu');
  return tf.tidy(() => {
    const s = tf.conv2d(
      tf.zeros([1, c.h, c.w, c.ci]) as tf.Tensor4D,
      tf.zeros([c.k[0], c.k[1], c.ci, c.co]) as tf.Tensor4D,
      c.stride,
      c.pad,
    ).shape;
    return [s[1], s[2]];
  });
}

for (const simd of [true, false])
  describe(`makeWasmConv2DBackpropFilter (${simd ? 'SIMD product' : 'XNNPACK product'})`, () => {
    beforeAll(() => setSimdKernelsEnabled(simd));
    afterAll(() => setSimdKernelsEnabled(true));
    const rng = mulberry32(42);
    const cases: Case[] = [
      { n: 2, h: 8, w: 8, ci: 3, co: 4, k: [3, 3], stride: 1, pad: 1 },
      { n: 3, h: 7, w: 5, ci: 2, co: 5, k: [3, 3], stride: 1, pad: 1 },
      { n: 1, h: 9, w: 9, ci: 4, co: 3, k: [3, 3], stride: 2, pad: 'same' },
      { n: 2, h: 6, w: 10, ci: 1, co: 2, k: [2, 3], stride: [1, 2], pad: 'valid' },
      { n: 1, h: 11, w: 11, ci: 3, co: 6, k: [7, 7], stride: 2, pad: 3 },
    ];
    const pads: Case['pad'][] = ['same', 'valid', 1, 2];
    for (let i = 0; i < 10; i++) {
      const k = 1 + Math.floor(rng() * 4);
      cases.push({
        n: 1 + Math.floor(rng() * 3),
        h: k + Math.floor(rng() * 9),
        w: k + Math.floor(rng() * 9),
        ci: 1 + Math.floor(rng() * 5),
        co: 1 + Math.floor(rng() * 5),
        k: [k, k],
        stride: 1 + Math.floor(rng() * 2),
        pad: pads[Math.floor(rng() * pads.length)],
      });
    }
    cases.push(
      { n: 2, h: 9, w: 7, ci: 3, co: 4, k: [1, 1], stride: 1, pad: 2 },
      { n: 2, h: 10, w: 9, ci: 4, co: 3, k: [3, 3], stride: 2, pad: 1 },
    );
    // the SIMD paths: channels ≥ 8 at stride 1 with little padding (shifted input, no patches), else patches; co a multiple of 4
    cases.push(
      { n: 2, h: 16, w: 16, ci: 16, co: 8, k: [3, 3], stride: 1, pad: 1 },
      { n: 1, h: 18, w: 14, ci: 8, co: 12, k: [3, 3], stride: 1, pad: 'same' },
      { n: 2, h: 8, w: 8, ci: 8, co: 8, k: [3, 3], stride: 1, pad: 1 },
      { n: 3, h: 11, w: 9, ci: 12, co: 12, k: [5, 5], stride: 1, pad: 'same' },
      { n: 2, h: 7, w: 10, ci: 9, co: 16, k: [2, 3], stride: 1, pad: 'valid' },
      { n: 2, h: 20, w: 20, ci: 8, co: 20, k: [1, 1], stride: 1, pad: 0 },
      { n: 4, h: 16, w: 16, ci: 3, co: 32, k: [3, 3], stride: 1, pad: 1 },
      { n: 2, h: 13, w: 12, ci: 8, co: 4, k: [3, 3], stride: 2, pad: 'same' },
      { n: 1, h: 15, w: 15, ci: 3, co: 8, k: [7, 7], stride: 2, pad: 3 },
    );
    for (const c of cases) {
      it(`matches the cpu filter gradient for ${JSON.stringify(c)} (rel. error ≤ ${TOL})`, () => {
        const [oh, ow] = outSize(c);
        const xs = Float32Array.from({ length: c.n * c.h * c.w * c.ci }, () => rng() * 2 - 1);
        const dys = Float32Array.from({ length: c.n * oh * ow * c.co }, () => rng() * 2 - 1);
        const ref = filterGrad('cpu', c, xs, dys);
        const got = filterGrad('wasm', c, xs, dys);
        expect(relError(got, ref)).toBeLessThanOrEqual(TOL);
      });
    }

    it('leaves no tensors or data behind', () => {
      tf.setBackend('wasm');
      const c = cases[0];
      const [oh, ow] = outSize(c);
      tf.setBackend('wasm');
      const before = tf.memory().numTensors;
      const xs = new Float32Array(c.n * c.h * c.w * c.ci).fill(1);
      filterGrad('wasm', c, xs, new Float32Array(c.n * oh * ow * c.co).fill(1));
      expect(tf.memory().numTensors).toBe(before);
    });
  });
