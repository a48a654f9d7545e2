import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/data/rng';
import { selectBackend } from '../../../src/train/backends';
import { convBiasRelu, reluGradFromOutput } from '../../../src/train/conv-bias-relu';

beforeAll(async () => {
  await selectBackend(tf, { preferred: ['wasm'] });
});

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

const rng = mulberry32(11);
const rand = (shape: number[]) =>
  tf.tensor(
    Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng() * 2 - 1),
    shape,
  );

/** Value and gradients (x, w, b) of Σ f(x, w, b) · dy for the fused op and for tfjs's relu(conv2d + b). */
function both(backend: string, xs: tf.Tensor, ws: tf.Tensor, bs: tf.Tensor, dy: tf.Tensor, pad: number) {
  tf.setBackend(backend);
  const run = (f: (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor) => tf.Tensor) =>
    tf.tidy(() => {
      const [x, w, b] = [xs, ws, bs].map((t) => tf.tensor(t.dataSync(), t.shape));
      const g = tf.grads((x2: tf.Tensor, w2: tf.Tensor, b2: tf.Tensor) =>
        tf.sum(tf.mul(f(x2, w2, b2), tf.tensor(dy.dataSync(), dy.shape))),
      )([x, w, b]);
      return [f(x, w, b), ...g].map((t) => t.dataSync() as Float32Array);
    });
  const fused = run((x, w, b) => convBiasRelu(tf as never, x, w, b, { pad }));
  const plain = run((x, w, b) => tf.relu(tf.add(tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, pad), b)));
  return { fused, plain };
}

describe('convBiasRelu', () => {
  for (const backend of ['cpu', 'wasm']) {
    for (const [n, h, w, ci, co, k, pad] of [
      [2, 9, 7, 3, 8, 3, 1],
      [1, 6, 6, 8, 12, 3, 1],
      [3, 5, 8, 2, 5, 1, 0],
    ]) {
      it(`equals relu(conv2d + b) and its gradients on ${backend} for ${n}×${h}×${w}×${ci} → ${co}, ${k}×${k}, pad ${pad} (rel. ≤ 1e-5)`, () => {
        const x = rand([n, h, w, ci]);
        const wt = rand([k, k, ci, co]);
        const b = rand([co]);
        const dy = rand([n, h + 2 * pad - k + 1, w + 2 * pad - k + 1, co]);
        const { fused, plain } = both(backend, x, wt, b, dy, pad);
        ['value', 'dx', 'dw', 'db'].forEach((_, i) => expect(rel(fused[i], plain[i])).toBeLessThanOrEqual(1e-5));
        tf.dispose([x, wt, b, dy]);
      });
    }
  }

  it('with inputIsData gives the same value and parameter gradients, and no gradient path to x', () => {
    tf.setBackend('wasm');
    tf.tidy(() => {
      const x = rand([2, 8, 8, 3]);
      const w = rand([3, 3, 3, 8]);
      const b = rand([8]);
      const loss = (data: boolean) => (w2: tf.Tensor, b2: tf.Tensor) =>
        tf.sum(tf.square(convBiasRelu(tf as never, x, w2, b2, { pad: 1, inputIsData: data })));
      const [gw, gb] = tf.grads(loss(true))([w, b]);
      const [hw, hb] = tf.grads(loss(false))([w, b]);
      expect(rel(gw.dataSync(), hw.dataSync())).toBe(0);
      expect(rel(gb.dataSync(), hb.dataSync())).toBe(0);
      expect(() => tf.grad((x2: tf.Tensor) => tf.sum(convBiasRelu(tf as never, x2, w, b, { pad: 1, inputIsData: true })))(x)).toThrow();
    });
  });

  it('leaves no tensors behind after a gradient', () => {
    tf.setBackend('wasm');
    const x = rand([2, 6, 6, 4]);
    const w = rand([3, 3, 4, 8]);
    const b = rand([8]);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      tf.grads((x2: tf.Tensor, w2: tf.Tensor, b2: tf.Tensor) => tf.sum(convBiasRelu(tf as never, x2, w2, b2, { pad: 1 })))([x, w, b]);
    });
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, w, b]);
  });
});

describe('reluGradFromOutput', () => {
  for (const backend of ['cpu', 'wasm']) {
    it(`passes dy only where y > 0 (not at 0, −0 or NaN) on ${backend}, also for lengths not a multiple of 4`, () => {
      tf.setBackend(backend);
      const got = tf.tidy(() =>
        reluGradFromOutput(tf as never, tf.tensor1d([1, 2, 3, 4, 5, 6, 7]), tf.tensor1d([2, 0, -0, -1, NaN, 1e-30, 3])).dataSync(),
      );
      expect([...got]).toEqual([1, 0, 0, 0, 0, 6, 7]);
    });
  }
});
