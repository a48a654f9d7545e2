import { describe, expect, it } from 'vitest';
import { allClose, isClose, NUMBER_TOLERANCE, withDefaults } from '../../../src/exercises/tolerance';

describe('isClose', () => {
  it('uses the larger of the absolute and relative tolerances', () => {
    expect(isClose(1.0099, 1, NUMBER_TOLERANCE)).toBe(true);
    expect(isClose(1.0101, 1, NUMBER_TOLERANCE)).toBe(false);
    expect(isClose(0.05, 0, { rel: 0.01, abs: 0.1 })).toBe(true);
    expect(isClose(NaN, 1, NUMBER_TOLERANCE)).toBe(false);
    expect(isClose(Infinity, Infinity, NUMBER_TOLERANCE)).toBe(false);
  });
});

describe('allClose', () => {
  it('needs equal lengths and every entry close', () => {
    expect(allClose([1, 2], [1, 2.001], NUMBER_TOLERANCE)).toBe(true);
    expect(allClose([1, 2], [1, 2, 3], NUMBER_TOLERANCE)).toBe(false);
    expect(allClose([1, 3], [1, 2], NUMBER_TOLERANCE)).toBe(false);
  });
});

describe('withDefaults', () => {
  it('fills missing fields', () => {
    expect(withDefaults({ abs: 0.5 }, NUMBER_TOLERANCE)).toEqual({ rel: 0.01, abs: 0.5 });
    expect(withDefaults(undefined, NUMBER_TOLERANCE)).toEqual(NUMBER_TOLERANCE);
  });
});
