import { describe, expect, it } from 'vitest';
import { correct, manual, noAnswer, notCorrect, unreadable, wrong } from '../../../src/exercises/feedback';
import type { PartSpec } from '../../../src/exercises/types';

const spec: PartSpec = { kind: 'number', key: 'q', marks: 2, answer: 1 };

describe('feedback builders', () => {
  it('give marks only when correct', () => {
    expect(correct(spec, ': 1.')).toEqual({ key: 'q', status: 'correct', marks: 2, maxMarks: 2, message: 'Correct: 1.' });
    expect(wrong(spec, 'Not right.', { mistake: 'm' })).toEqual({
      key: 'q',
      status: 'wrong',
      marks: 0,
      maxMarks: 2,
      message: 'Not right.',
      mistake: 'm',
    });
    expect(unreadable(spec, 'Could not read "x".')).toMatchObject({ status: 'unreadable', marks: 0 });
    expect(noAnswer(spec)).toMatchObject({ status: 'unreadable', message: 'No answer yet.' });
    expect(manual(spec)).toMatchObject({ status: 'manual', marks: 0, message: 'Saved for the instructor.' });
  });
});

describe('notCorrect', () => {
  it('never lets a message begin with "Correct"', () => {
    expect(notCorrect('Correctly rounded but in nats.')).toBe('Not quite: Correctly rounded but in nats.');
    expect(notCorrect(' correct?')).toBe('Not quite:  correct?');
    expect(notCorrect('Not right.')).toBe('Not right.');
  });
});
