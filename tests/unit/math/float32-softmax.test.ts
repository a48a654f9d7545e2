import { describe, expect, it } from 'vitest';
import { logSoftmaxLse32, logSoftmaxNaive32, softmaxNaive32, softmaxStable32 } from '../../../src/math/float32-softmax';
import { logSoftmax } from '../../../src/math/softmax';
import { FIX, maxAbsDiff } from '../../helpers/math-fixtures';

const huge = FIX.softmax[1];

describe('softmaxNaive32', () => {
  it('gives NaN on the homework logits [1000, 1001, 999] (∞/∞)', () => {
    expect(softmaxNaive32(huge.z).every(Number.isNaN)).toBe(true);
  });

  it('is right on small logits (float32, abs 1e-6)', () => {
    expect(maxAbsDiff(softmaxNaive32(FIX.softmax[0].z), FIX.softmax[0].softmax)).toBeLessThanOrEqual(1e-6);
  });
});

describe('softmaxStable32', () => {
  it.each(FIX.softmax)('matches PyTorch at z=$z (float32, abs 1e-6)', ({ z, softmax }) => {
    expect(maxAbsDiff(softmaxStable32(z), softmax)).toBeLessThanOrEqual(1e-6);
  });
});

describe('logSoftmaxNaive32 and logSoftmaxLse32', () => {
  it('naive log of softmax underflows to −∞ for a very negative logit; log-sum-exp stays finite', () => {
    const z = [-200, 0, 1];
    expect(logSoftmaxNaive32(z)[0]).toBe(-Infinity);
    expect(maxAbsDiff(logSoftmaxLse32(z), logSoftmax(z))).toBeLessThanOrEqual(1e-4);
  });

  it('log-sum-exp matches log of the PyTorch softmax on the huge logits (float32, abs 1e-5)', () => {
    expect(logSoftmaxNaive32(huge.z).every(Number.isNaN)).toBe(true);
    expect(maxAbsDiff(logSoftmaxLse32(huge.z), huge.softmax.map(Math.log))).toBeLessThanOrEqual(1e-5);
  });
});
