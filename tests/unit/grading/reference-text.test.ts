import { describe, expect, it } from 'vitest';
import { referenceText } from '../../../src/grading/reference-text';

describe('referenceText', () => {
  it('shows each kind of answer', () => {
    expect(referenceText({ kind: 'number', key: 'k', marks: 1, answer: 3.32193 })).toBe('3.3219');
    expect(referenceText({ kind: 'vector', key: 'k', marks: 1, answer: [1, 0.5] })).toBe('[1, 0.5]');
    expect(
      referenceText({
        kind: 'matrix',
        key: 'k',
        marks: 1,
        answer: [
          [1, 2],
          [3, 4],
        ],
      }),
    ).toBe('[[1, 2], [3, 4]]');
    expect(referenceText({ kind: 'shape', key: 'k', marks: 1, answer: ['K', 'Da'] })).toBe('K × Da');
    expect(referenceText({ kind: 'formula', key: 'k', marks: 1, answer: 'y*p', variables: [] })).toBe('y*p');
    expect(
      referenceText({
        kind: 'choice',
        key: 'k',
        marks: 1,
        multiple: true,
        correct: ['b', 'a'],
        options: [
          { id: 'a', label: 'A' },
          { id: 'b', label: 'B' },
          { id: 'c', label: 'C' },
        ],
      }),
    ).toBe('A; B');
    expect(referenceText({ kind: 'text', key: 'k', marks: 1 })).toBe('');
  });
});
