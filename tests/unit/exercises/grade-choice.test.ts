import { describe, expect, it } from 'vitest';
import { gradeChoice } from '../../../src/exercises/grade-choice';
import type { PartSpec } from '../../../src/exercises/types';

const spec: Extract<PartSpec, { kind: 'choice' }> = {
  kind: 'choice',
  key: 'q1.2e.problems',
  marks: 1,
  multiple: true,
  options: [
    { id: 'overflow', label: 'exp overflows' },
    { id: 'underflow', label: 'log of 0' },
    { id: 'imbalance', label: 'class imbalance' },
  ],
  correct: ['overflow', 'underflow'],
  mistakes: [{ id: 'imbalance-only', chosen: ['imbalance'], message: 'Class imbalance is not a numerical problem.' }],
};

describe('gradeChoice', () => {
  it('needs exactly the correct set', () => {
    expect(gradeChoice(spec, ['underflow', 'overflow'])).toMatchObject({ status: 'correct', marks: 1, message: 'Correct.' });
    expect(gradeChoice(spec, ['overflow'])).toMatchObject({ status: 'wrong', marks: 0, mistake: 'incomplete' });
    expect(gradeChoice(spec, ['overflow', 'underflow', 'imbalance'])).toMatchObject({
      status: 'wrong',
      message: 'Not right: at least one of your choices is wrong.',
    });
  });

  it('names a mistake by chosen set', () => {
    expect(gradeChoice(spec, 'imbalance')).toMatchObject({ status: 'wrong', mistake: 'imbalance-only' });
  });

  it('cannot read an unknown option', () => {
    expect(gradeChoice(spec, ['constructor'])).toMatchObject({ status: 'unreadable', message: expect.stringMatching(/^Could not read/) });
  });

  it('grades a single choice', () => {
    const single = { ...spec, multiple: false, correct: ['overflow'], mistakes: undefined };
    expect(gradeChoice(single, 'overflow').status).toBe('correct');
    expect(gradeChoice(single, 'underflow')).toMatchObject({ status: 'wrong', message: 'Not right.' });
  });
});
