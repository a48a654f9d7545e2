import { describe, expect, it } from 'vitest';
import { ceGrad, logSoftmax, logSumExp, outer, softmax, softmaxJacobian, transpose } from '../../../src/math/softmax';
import { FIX, maxAbsDiff } from '../../helpers/math-fixtures';

describe('softmax', () => {
  it.each(FIX.softmax)('matches PyTorch at z=$z (abs 1e-12)', ({ z, softmax: want }) => {
    expect(maxAbsDiff(softmax(z), want)).toBeLessThanOrEqual(1e-12);
  });
});

describe('logSumExp and logSoftmax', () => {
  it.each(FIX.softmax)('give log of the PyTorch softmax at z=$z (abs 1e-12)', ({ z, softmax: want }) => {
    expect(maxAbsDiff(logSoftmax(z), want.map(Math.log))).toBeLessThanOrEqual(1e-12);
    expect(Number.isFinite(logSumExp(z))).toBe(true);
  });

  it('stays finite where exp underflows', () => {
    const out = logSoftmax([-2000, 0, 1]);
    expect(out.every(Number.isFinite)).toBe(true);
    expect(out[0]).toBeLessThan(-2000);
  });
});

describe('softmaxJacobian', () => {
  it.each(FIX.softmax)('matches the PyTorch Jacobian at z=$z (abs 1e-12)', ({ z, jacobian_dyk_dzj }) => {
    expect(maxAbsDiff(softmaxJacobian(z), jacobian_dyk_dzj)).toBeLessThanOrEqual(1e-12);
  });
});

describe('ceGrad', () => {
  it.each(FIX.ce_grad)('matches PyTorch ∂L/∂z at z=$z (abs 1e-12)', ({ z, target, dL_dz }) => {
    expect(maxAbsDiff(ceGrad(z, target), dL_dz)).toBeLessThanOrEqual(1e-12);
  });
});

describe('outer and transpose', () => {
  it('build u vᵀ with the shape of u by v and swap its axes', () => {
    const [u, v] = [FIX.ce_grad[0].dL_dz, FIX.softmax[2].softmax];
    const m = outer(u, v);
    expect([m.length, m[0].length]).toEqual([u.length, v.length]);
    expect(m[2][3]).toBe(u[2] * v[3]);
    expect(transpose(m)[3][2]).toBe(m[2][3]);
  });
});
