import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/data/rng';
import { BN_EPS, BN_MOMENTUM, type BatchNormLayer, batchNorm } from '../../../src/train/batch-norm';
import { relError } from './helpers/cnn64';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const [N, H, W, C] = [3, 2, 5, 4];
const rng = mulberry32(7);
const xs = Float32Array.from({ length: N * H * W * C }, () => rng() * 4 - 1);
const gamma = Float32Array.from({ length: C }, () => 0.5 + rng());
const beta = Float32Array.from({ length: C }, () => rng() - 0.5);
const rm0 = Float32Array.from({ length: C }, () => rng() - 0.5);
const rv0 = Float32Array.from({ length: C }, () => 0.5 + rng());

function layer(): BatchNormLayer {
  return {
    weight: tf.variable(tf.tensor1d(gamma)),
    bias: tf.variable(tf.tensor1d(beta)),
    runningMean: tf.variable(tf.tensor1d(rm0), false),
    runningVar: tf.variable(tf.tensor1d(rv0), false),
    batches: 0,
  };
}

/** Per-channel values of the NHWC host array. */
function channel(c: number): number[] {
  const out: number[] = [];
  for (let i = c; i < xs.length; i += C) out.push(xs[i]);
  return out;
}

describe('batchNorm', () => {
  it('train mode: normalises by the batch (biased variance, eps 1e-5) and moves running stats by 0.1 towards mean and unbiased variance', () => {
    const bn = layer();
    const y = tf.tidy(() => batchNorm(tf, tf.tensor4d(xs, [N, H, W, C]), bn, true));
    const expected = new Float32Array(xs.length);
    const rm: number[] = [];
    const rv: number[] = [];
    for (let c = 0; c < C; c++) {
      const v = channel(c);
      const n = v.length;
      const mean = v.reduce((a, b) => a + b, 0) / n;
      const ss = v.reduce((a, b) => a + (b - mean) ** 2, 0);
      for (let i = c, k = 0; i < xs.length; i += C, k++) expected[i] = ((v[k] - mean) / Math.sqrt(ss / n + BN_EPS)) * gamma[c] + beta[c];
      rm.push((1 - BN_MOMENTUM) * rm0[c] + BN_MOMENTUM * mean);
      rv.push((1 - BN_MOMENTUM) * rv0[c] + BN_MOMENTUM * (ss / (n - 1)));
    }
    expect(relError(y.dataSync(), expected)).toBeLessThan(1e-6);
    expect(relError(bn.runningMean.dataSync(), rm)).toBeLessThan(1e-6);
    expect(relError(bn.runningVar.dataSync(), rv)).toBeLessThan(1e-6);
    expect(bn.batches).toBe(1);
    tf.dispose([y, bn.weight, bn.bias, bn.runningMean, bn.runningVar]);
  });

  it('eval mode: uses the running statistics and changes nothing', () => {
    const bn = layer();
    const y = tf.tidy(() => batchNorm(tf, tf.tensor4d(xs, [N, H, W, C]), bn, false));
    const expected = Float32Array.from(xs, (v, i) => ((v - rm0[i % C]) / Math.sqrt(rv0[i % C] + BN_EPS)) * gamma[i % C] + beta[i % C]);
    expect(relError(y.dataSync(), expected)).toBeLessThan(1e-6);
    expect([...bn.runningMean.dataSync()]).toEqual([...rm0]);
    expect(bn.batches).toBe(0);
    tf.dispose([y, bn.weight, bn.bias, bn.runningMean, bn.runningVar]);
  });

  it('train mode refuses a single value per channel, as PyTorch does', () => {
    const bn = layer();
    expect(() => tf.tidy(() => batchNorm(tf, tf.zeros([1, 1, 1, C]), bn, true))).toThrow(/more than 1 value per channel/);
    tf.dispose([bn.weight, bn.bias, bn.runningMean, bn.runningVar]);
  });
});
