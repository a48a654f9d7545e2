import { describe, expect, it } from 'vitest';
import { TOL, containsNumbers, sameNumbers } from '../../../src/widgets/same-numbers';

describe('sameNumbers', () => {
  it('matches equal lists in any order within the tolerance, and nothing of another length', () => {
    expect(sameNumbers([0.2447, 0.6652, 0.09], [0.09003, 0.24473, 0.66524])).toBe(true);
    expect(sameNumbers([1, 2, 3], [1, 2, 3 + 10 * TOL])).toBe(false);
    expect(sameNumbers([1, 2, 3], [1, 2, 3, 4])).toBe(false);
    expect(sameNumbers([Infinity], [Infinity])).toBe(true);
  });
});

describe('containsNumbers', () => {
  it('finds every wanted number in its own entry of the shown list, in any order, within the tolerance', () => {
    expect(containsNumbers([0.0001, 0.6652, 0.09, 0.2447], [0.2447, 0.6652, 0.09])).toBe(true);
    expect(containsNumbers([0.5, 0.5 + TOL / 2], [0.5, 0.5])).toBe(true);
    expect(containsNumbers([0.5, 0.7], [0.5, 0.5])).toBe(false);
    expect(containsNumbers([0.1, 0.2], [0.1, 0.2, 0.3])).toBe(false);
    expect(containsNumbers([0.1, 0.2 + 2 * TOL, 0.7], [0.1, 0.2, 0.7])).toBe(false);
  });

  it('pairs optimally where a greedy choice in input order would not: each shown entry serves once', () => {
    const wanted = [0.5, 0.5 + 0.9 * TOL];
    expect(containsNumbers([0.5 + 0.5 * TOL, 0.5 + 1.8 * TOL], wanted)).toBe(true);
    expect(containsNumbers([0.5 - 0.5 * TOL, 0.5 + 0.5 * TOL], [...wanted].reverse())).toBe(true);
  });

  it('never matches NaN', () => {
    expect(containsNumbers([NaN, 0.5], [0.5])).toBe(false);
    expect(containsNumbers([0.5], [NaN])).toBe(false);
  });
});
