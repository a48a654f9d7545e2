import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { softmaxCrossEntropy } from '../../../src/train/loss';

const math = JSON.parse(readFileSync('../shared/fixtures/math.json', 'utf8'));

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('softmaxCrossEntropy', () => {
  it('gives ∂L/∂z = ŷ − y for every ce_grad case of the math fixture (abs. tol 1e-6)', () => {
    for (const c of math.ce_grad as { z: number[]; target: number; dL_dz: number[] }[]) {
      const g = tf.grad((zz: tf.Tensor) => softmaxCrossEntropy(tf, zz, tf.tensor1d([c.target], 'int32')))(tf.tensor2d([c.z]));
      const got = g.dataSync();
      c.dL_dz.forEach((e, i) => expect(Math.abs(got[i] - e)).toBeLessThan(1e-6));
    }
  });

  it('stays finite for huge logits and equals −log softmax (z = [1000, 1001, 999])', () => {
    const z = [1000, 1001, 999];
    const loss = softmaxCrossEntropy(tf, tf.tensor2d([z]), tf.tensor1d([1], 'int32')).dataSync()[0];
    const ref = -Math.log(1 / (Math.exp(-1) + 1 + Math.exp(-2)));
    expect(Math.abs(loss - ref)).toBeLessThan(1e-5);
  });

  it('rejects mismatched shapes', () => {
    expect(() => softmaxCrossEntropy(tf, tf.zeros([2, 3]), tf.tensor1d([0], 'int32'))).toThrow(/logits \[N, K\]/);
  });
});
