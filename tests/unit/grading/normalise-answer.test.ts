import { describe, expect, it } from 'vitest';
import { normaliseAnswer } from '../../../src/grading/normalise-answer';

describe('normaliseAnswer', () => {
  it('lower-cases and collapses spaces', () => {
    expect(normaliseAnswer('  K  X   Da ')).toBe('k x da');
  });
  it('joins vectors with commas and matrix rows with semicolons', () => {
    expect(normaliseAnswer(['1', ' 2 '])).toBe('1, 2');
    expect(
      normaliseAnswer([
        ['1', '2'],
        ['3', '4'],
      ]),
    ).toBe('1, 2; 3, 4');
  });
  it('is empty for no answer', () => {
    expect(normaliseAnswer(undefined)).toBe('');
  });
});
