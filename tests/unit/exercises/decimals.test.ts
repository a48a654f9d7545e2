import { describe, expect, it } from 'vitest';
import { neededDecimals, roundsTo, tooFewDecimals, typedDecimals } from '../../../src/exercises/decimals';

describe('typedDecimals', () => {
  it('counts the decimals of plain literals only', () => {
    expect(typedDecimals('1.95')).toBe(2);
    expect(typedDecimals(' -3 ')).toBe(0);
    expect(typedDecimals('1.2e-3')).toBe(4);
    expect(typedDecimals('12e1')).toBe(0);
    expect(typedDecimals('.5')).toBe(1);
    expect(typedDecimals('log2(10)')).toBeUndefined();
    expect(typedDecimals('1/3')).toBeUndefined();
    expect(typedDecimals('.')).toBeUndefined();
    expect(typedDecimals('1e99999')).toBeUndefined();
  });
});

describe('neededDecimals', () => {
  it('finds the fewest decimals that a tolerance needs', () => {
    expect(neededDecimals(1.946, { abs: 5e-4, rel: 0 })).toBe(3);
    expect(neededDecimals(0.853, { abs: 0.005, rel: 0 })).toBe(2);
    expect(neededDecimals(0.853, { abs: 1e-12, rel: 0.01 })).toBe(2);
    expect(neededDecimals(31, { abs: 0, rel: 0 })).toBeUndefined();
  });
});

describe('tooFewDecimals', () => {
  const tol = { abs: 5e-4, rel: 0 };
  it('asks for more decimals when the typed value is the answer rounded too early', () => {
    expect(tooFewDecimals(1.95, 2, 1.946, tol)).toBe(3);
    expect(tooFewDecimals(2, 0, 1.946, tol)).toBe(3);
    expect(tooFewDecimals(1.94, 2, 1.946, tol)).toBeUndefined();
    expect(tooFewDecimals(1.946, 3, 1.946, tol)).toBeUndefined();
    expect(tooFewDecimals(1.95, undefined, 1.946, tol)).toBeUndefined();
  });

  it('tells a rounding from a neighbour', () => {
    expect(roundsTo(1.95, 1.946, 2)).toBe(true);
    expect(roundsTo(1.95, 1.944, 2)).toBe(false);
  });
});
