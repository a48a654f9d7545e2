import { describe, expect, it } from 'vitest';
import { round } from '../../../src/exercises/round';

describe('round', () => {
  it('rounds to 4 decimals by default (gradebook marks)', () => {
    expect(round(1 / 3)).toBe(0.3333);
    expect(round(2 / 3)).toBe(0.6667);
  });

  it('rounds to the given number of decimals', () => {
    expect(round(2 / 3, 3)).toBe(0.667);
    expect(round(2.5, 0)).toBe(3);
    expect(round(0.1 + 0.2, 2)).toBe(0.3);
  });
});
