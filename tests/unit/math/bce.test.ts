import { describe, expect, it } from 'vitest';
import { bce, bceLosses, bceMean } from '../../../src/math/bce';
import { FIX } from '../../helpers/math-fixtures';

describe('bce', () => {
  it.each(FIX.bce)(
    'matches PyTorch for y=$y, p=$p in bits and nats (rel 1e-9: PyTorch takes log(1 − p), we take log1p(−p))',
    ({ y, p, bits, nats }) => {
      expect(Math.abs(bce(y, p, 'bits') - bits)).toBeLessThanOrEqual(1e-9 * bits);
      expect(Math.abs(bce(y, p, 'nats') - nats)).toBeLessThanOrEqual(1e-9 * nats);
    },
  );

  it('is infinite for a certain wrong prediction and zero for a certain right one', () => {
    expect(bce(1, 0)).toBe(Infinity);
    expect(bce(0, 1)).toBe(Infinity);
    expect(bce(1, 1)).toBe(0);
    expect(bce(0, 0)).toBe(0);
  });
});

describe('bceLosses', () => {
  it('gives each homework papaya its PyTorch loss (abs 1e-12)', () => {
    const ex = FIX.bce_average_homework.examples;
    const want = ex.map(([y, p]) => FIX.bce.find((b) => b.y === y && b.p === p)!.bits);
    bceLosses(ex, 'bits').forEach((l, i) => expect(Math.abs(l - want[i])).toBeLessThanOrEqual(1e-12));
  });
});

describe('bceMean', () => {
  it('averages the three homework papayas as PyTorch does (abs 1e-12)', () => {
    const { examples, bits, nats } = FIX.bce_average_homework;
    expect(Math.abs(bceMean(examples, 'bits') - bits)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(bceMean(examples, 'nats') - nats)).toBeLessThanOrEqual(1e-12);
  });
});
