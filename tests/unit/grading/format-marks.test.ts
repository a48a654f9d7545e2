import { describe, expect, it } from 'vitest';
import { fmtMarks, marksOf } from '../../../src/grading/format-marks';

describe('fmtMarks', () => {
  it('rounds to two decimals and drops trailing zeros', () => {
    expect(fmtMarks(1 / 3)).toBe('0.33');
    expect(fmtMarks(2 / 3)).toBe('0.67');
    expect(fmtMarks(2.5)).toBe('2.5');
    expect(fmtMarks(4)).toBe('4');
    expect(fmtMarks(0.1 + 0.2)).toBe('0.3');
    expect(fmtMarks(-1e-9)).toBe('0');
  });
});

describe('marksOf', () => {
  it('formats marks and maximum alike', () => {
    expect(marksOf(1 / 3, 1 / 3)).toBe('0.33 / 0.33');
    expect(marksOf(0, 5)).toBe('0 / 5');
  });
});
