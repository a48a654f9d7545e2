import { describe, expect, it } from 'vitest';
import { clip, couldNotRead, isBlank } from '../../../src/exercises/could-not-read';

describe('couldNotRead', () => {
  it('quotes the text and clips long text to 40 characters', () => {
    expect(couldNotRead(' 3..2 ', 'why')).toBe('Could not read "3..2": why');
    expect(clip('a'.repeat(100))).toHaveLength(40);
  });
});

describe('isBlank', () => {
  it('is true only when no cell has text', () => {
    expect(isBlank(undefined)).toBe(true);
    expect(isBlank([[' '], ['']])).toBe(true);
    expect(isBlank(['', '1'])).toBe(false);
    expect(isBlank('x')).toBe(false);
  });
});
