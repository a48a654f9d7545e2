import { describe, expect, it } from 'vitest';
import { gradeNumber } from '../../../src/exercises/grade-number';
import type { PartSpec } from '../../../src/exercises/types';
import { FIX as math } from '../../helpers/math-fixtures';

const bce = math.bce[0];

const q11c: Extract<PartSpec, { kind: 'number' }> = {
  kind: 'number', key: 'q1.1c', marks: 1, answer: bce.bits,
  mistakes: [{ id: 'nats', value: bce.nats, message: 'That is the loss in nats: the question asks for bits (log base 2).' }],
};

describe('gradeNumber', () => {
  it('accepts the value and expressions for it within 1%', () => {
    for (const text of ['3.3219', 'log2(10)', '-log(0.1)/log(2)', '3.30']) {
      const f = gradeNumber(q11c, text);
      expect(f).toMatchObject({ status: 'correct', marks: 1, maxMarks: 1 });
      expect(f.message.startsWith('Correct')).toBe(true);
    }
  });

  it('names the nats mistake', () => {
    expect(gradeNumber(q11c, String(bce.nats))).toMatchObject({ status: 'wrong', marks: 0, mistake: 'nats', message: q11c.mistakes![0].message });
    expect(gradeNumber(q11c, 'ln(10)')).toMatchObject({ mistake: 'nats' });
  });

  it('has built-in sign and rounding hints', () => {
    expect(gradeNumber(q11c, '-3.3219')).toMatchObject({ status: 'wrong', mistake: 'sign' });
    expect(gradeNumber(q11c, '3.2')).toMatchObject({ status: 'wrong', mistake: 'rounding', message: expect.stringMatching(/^Close, but 3.2 is not within 1% /) });
    expect(gradeNumber(q11c, '5')).toMatchObject({ status: 'wrong', message: 'Not right: 5 is not the expected value.' });
  });

  it('uses the absolute tolerance when given', () => {
    const spec = { ...q11c, tol: { rel: 0, abs: 0.5 } };
    expect(gradeNumber(spec, '3.7').status).toBe('correct');
    expect(gradeNumber(spec, '3.9').status).toBe('wrong');
  });

  it('accepts an answer of zero only near zero', () => {
    const spec: Extract<PartSpec, { kind: 'number' }> = { kind: 'number', key: 'z', marks: 1, answer: 0 };
    expect(gradeNumber(spec, '0').status).toBe('correct');
    expect(gradeNumber(spec, '0.001').status).toBe('wrong');
  });

  it('cannot read unreadable text or several boxes', () => {
    expect(gradeNumber(q11c, '3..2')).toMatchObject({ status: 'unreadable', marks: 0, message: 'Could not read "3..2": unexpected "." at position 3' });
    expect(gradeNumber(q11c, '1/0')).toMatchObject({ status: 'unreadable', message: expect.stringMatching(/^Could not read/) });
    expect(gradeNumber(q11c, ['1', '2'])).toMatchObject({ status: 'unreadable', message: expect.stringMatching(/^Could not read/) });
    expect(gradeNumber(q11c, ['', '3.3219']).status).toBe('correct');
  });
});
