import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../src/data/rng';
import { isBookKernel } from '../../../../src/tensor/kernel-table';
import { randoms, runOn, webgpu } from './webgpu-helpers';

const TOL = 1e-6; // max |webgpu − cpu| (each dx is a sum of at most 4 values of dy in [-1, 1))

type Pad = 'same' | 'valid' | number | [[0, 0], [number, number], [number, number], [0, 0]];
interface Case {
  n: number;
  h: number;
  w: number;
  c: number;
  k: number | [number, number];
  stride: number | [number, number];
  pad: Pad;
  x?: 'ties' | 'neg-inf';
}

/** x in [-1, 1); 'ties': ReLU-like (many equal zeros and eighths, as after the CNN's ReLU); 'neg-inf': some −∞ and some all-−∞ windows. */
function makeX(rng: () => number, c: Case): Float32Array {
  const xs = randoms(rng, c.n * c.h * c.w * c.c);
  if (c.x === 'ties') return xs.map((v) => Math.max(0, Math.round(v * 8) / 8));
  if (c.x === 'neg-inf') return xs.map((v, i) => (v < -0.3 || Math.floor(i / (c.c * c.w)) % 5 === 0 ? -Infinity : v));
  return xs;
}

describe('webgpu MaxPoolGrad', () => {
  it('is the registered webgpu kernel', async () => {
    await webgpu();
    expect(isBookKernel(tf, 'MaxPoolGrad', 'webgpu')).toBe(true);
  });

  const cases: Case[] = [
    // the homework CNN's pools (4/4, 2/2) after ReLU, and windows not dividing the image
    { n: 2, h: 16, w: 16, c: 5, k: 4, stride: 4, pad: 'valid', x: 'ties' },
    { n: 1, h: 8, w: 12, c: 3, k: 2, stride: 2, pad: 'valid', x: 'ties' },
    { n: 2, h: 9, w: 7, c: 4, k: 2, stride: 2, pad: 'valid' },
    { n: 1, h: 18, w: 17, c: 2, k: 4, stride: 4, pad: 'valid' },
    // stride larger than the window (gaps), 'same' padding with non-overlapping windows, explicit pads
    { n: 2, h: 11, w: 10, c: 3, k: 2, stride: 3, pad: 'valid' },
    { n: 1, h: 9, w: 9, c: 3, k: 2, stride: 2, pad: 'same' },
    {
      n: 1,
      h: 7,
      w: 8,
      c: 2,
      k: [2, 3],
      stride: [2, 3],
      pad: [
        [0, 0],
        [1, 0],
        [2, 1],
        [0, 0],
      ],
    },
    // overlapping and padded: ResNet's 3×3/2 pad-1 stem pool, 3×3/1, 'same' 3/2, large windows
    { n: 2, h: 16, w: 16, c: 3, k: 3, stride: 2, pad: 1, x: 'ties' },
    { n: 1, h: 9, w: 9, c: 2, k: 3, stride: 2, pad: 'same' },
    { n: 1, h: 8, w: 8, c: 2, k: 3, stride: 1, pad: 1 },
    { n: 1, h: 10, w: 7, c: 2, k: [5, 4], stride: [2, 1], pad: 'same', x: 'ties' },
    // −∞ inputs: windows of only −∞ pass nothing (cpu's rule), both schemes
    { n: 1, h: 10, w: 10, c: 2, k: 2, stride: 2, pad: 'valid', x: 'neg-inf' },
    { n: 1, h: 10, w: 10, c: 2, k: 3, stride: 2, pad: 1, x: 'neg-inf' },
  ];
  const rng = mulberry32(7);
  for (let i = 0; i < 4; i++) {
    const k = 1 + Math.floor(rng() * 4);
    cases.push({
      n: 1 + Math.floor(rng() * 2),
      h: k + Math.floor(rng() * 10),
      w: k + Math.floor(rng() * 10),
      c: 1 + Math.floor(rng() * 6),
      k,
      stride: 1 + Math.floor(rng() * 3),
      pad: rng() < 0.5 ? 'same' : 'valid',
      x: rng() < 0.5 ? 'ties' : undefined,
    });
  }
  for (const c of cases) {
    it(`matches the cpu backend for ${JSON.stringify(c)} (abs. error ≤ ${TOL})`, async () => {
      await webgpu();
      const input = { data: makeX(rng, c), shape: [c.n, c.h, c.w, c.c] };
      const attrs = { filterSize: c.k, strides: c.stride, pad: c.pad };
      const output = await runOn('cpu', 'MaxPool', { x: input }, attrs);
      const dy = { data: randoms(rng, output.data.length), shape: output.shape };
      const ref = await runOn('cpu', 'MaxPoolGrad', { dy, input, output }, attrs);
      const got = await runOn('webgpu', 'MaxPoolGrad', { dy, input, output }, attrs);
      expect(got.shape).toEqual(ref.shape);
      expect(ref.data.some((v) => v !== 0)).toBe(true);
      expect(Math.max(...got.data.map((v, i) => Math.abs(v - ref.data[i])))).toBeLessThanOrEqual(TOL);
    });
  }

  it('matches the cpu backend exactly through tf.grad of maxPool (the CNN path)', async () => {
    await webgpu();
    tf.setBackend('webgpu');
    const x = tf.tensor4d(makeX(rng, { n: 2, h: 8, w: 8, c: 4, k: 2, stride: 2, pad: 'valid', x: 'ties' }), [2, 8, 8, 4]);
    const g = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(t as tf.Tensor4D, 2, 2, 'valid'), tf.range(1, 65).reshape([1, 4, 4, 4]))))(
      x,
    );
    const ours = await g.data();
    const xs = await x.data();
    tf.setBackend('cpu');
    const ref = tf.grad((t: tf.Tensor) =>
      tf.sum(tf.mul(tf.maxPool(t as tf.Tensor4D, 2, 2, 'valid'), tf.range(1, 65).reshape([1, 4, 4, 4]))),
    )(tf.tensor4d(xs, [2, 8, 8, 4]));
    expect(Array.from(ours)).toEqual(Array.from(await ref.data()));
    tf.dispose([x, g, ref]);
  });
});
