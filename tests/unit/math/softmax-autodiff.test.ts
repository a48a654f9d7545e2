import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { outer } from '../../../src/math/softmax';
import { ceGradAutodiff, ceWeightGradAutodiff, softmaxJacobianAutodiff, softmaxTf } from '../../../src/math/softmax-autodiff';
import { FIX, maxAbsDiff } from '../../helpers/math-fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('softmaxJacobianAutodiff', () => {
  it.each(FIX.softmax)('matches the PyTorch Jacobian at z=$z (float32, abs 1e-6)', ({ z, jacobian_dyk_dzj }) => {
    expect(maxAbsDiff(softmaxJacobianAutodiff(z), jacobian_dyk_dzj)).toBeLessThanOrEqual(1e-6);
  });

  it('leaks no tensors', () => {
    const before = tf.memory().numTensors;
    softmaxJacobianAutodiff(FIX.softmax[0].z);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('softmaxTf', () => {
  it.each(FIX.softmax)('matches PyTorch at z=$z (float32, abs 1e-6)', ({ z, softmax }) => {
    expect(maxAbsDiff(softmaxTf(z), softmax)).toBeLessThanOrEqual(1e-6);
  });
});

describe('ceGradAutodiff', () => {
  it.each(FIX.ce_grad)('matches PyTorch ∂L/∂z at z=$z (float32, abs 1e-6)', ({ z, target, dL_dz }) => {
    expect(maxAbsDiff(ceGradAutodiff(z, target), dL_dz)).toBeLessThanOrEqual(1e-6);
  });
});

describe('ceWeightGradAutodiff', () => {
  it('equals (ŷ − y) a[1]ᵀ with ŷ − y from PyTorch (float32, abs 1e-5)', () => {
    const { z, target, dL_dz } = FIX.ce_grad[0];
    const a1 = FIX.softmax[2].z; // any Da = 4 activations
    // W[2] = 0 and b[2] = z make z[2] = z whatever a[1] is.
    const w2 = z.map(() => a1.map(() => 0));
    const got = ceWeightGradAutodiff(w2, z, a1, target);
    expect([got.length, got[0].length]).toEqual([3, 4]);
    expect(maxAbsDiff(got, outer(dL_dz, a1))).toBeLessThanOrEqual(1e-5);
  });
});
