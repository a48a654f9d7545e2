import { describe, expect, it } from 'vitest';
import { singleText } from '../../../src/exercises/raw-text';

describe('singleText', () => {
  it('takes the one filled box', () => {
    expect(singleText(' 3 ')).toBe(' 3 ');
    expect(singleText(['', '3'])).toBe('3');
    expect(singleText([[''], ['3']])).toBe('3');
    expect(singleText(['1', '2'])).toBeUndefined();
  });
});
