import { describe, expect, it } from 'vitest';
import { gradeNumber } from '../../../src/exercises/grade-number';
import type { PartSpec } from '../../../src/exercises/types';
import { FIX as math } from '../../helpers/math-fixtures';

const bce = math.bce[0];
type NumberSpec = Extract<PartSpec, { kind: 'number' }>;

const q11c: Extract<PartSpec, { kind: 'number' }> = {
  kind: 'number',
  key: 'q1.1c',
  marks: 1,
  answer: bce.bits,
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
    expect(gradeNumber(q11c, String(bce.nats))).toMatchObject({
      status: 'wrong',
      marks: 0,
      mistake: 'nats',
      message: q11c.mistakes![0].message,
    });
    expect(gradeNumber(q11c, 'ln(10)')).toMatchObject({ mistake: 'nats' });
  });

  it('has built-in sign and rounding hints', () => {
    expect(gradeNumber(q11c, '-3.3219')).toMatchObject({ status: 'wrong', mistake: 'sign' });
    expect(gradeNumber(q11c, '3.2')).toMatchObject({
      status: 'wrong',
      mistake: 'rounding',
      message: expect.stringMatching(/^Close, but 3.2 is not within 1% .*keep more digits \(at least 2 decimals\)\.$/),
    });
    expect(gradeNumber(q11c, '5')).toMatchObject({ status: 'wrong', message: 'Not right: 5 is not the expected value.' });
  });

  it('never tells a whole-number answer to keep decimals', () => {
    const count: NumberSpec = { kind: 'number', key: 'n', marks: 1, answer: 256, tol: { rel: 0.001, abs: 0 } };
    const f = gradeNumber(count, '257');
    expect(f).toMatchObject({ status: 'wrong', mistake: 'rounding' });
    expect(f.message).not.toMatch(/decimal|digit/);
    expect(gradeNumber({ ...count, answer: 31, tol: { abs: 1e-9, rel: 0 } }, '31.00')).toMatchObject({ status: 'correct' });
  });

  it('cannot read a right answer rounded so early that a common mistake looks the same (no attempt)', () => {
    const tol = { abs: 5e-4, rel: 0 };
    const step: NumberSpec = {
      kind: 'number',
      key: 'q1.1e.w_next',
      marks: 1,
      answer: 1.946,
      tol,
      mistakes: [{ id: 'no-l2', value: 1.95, message: 'The L2 term is missing from the gradient.' }],
    };
    const f = gradeNumber(step, '1.95');
    expect(f).toMatchObject({ status: 'unreadable', marks: 0 });
    expect(f.message).toBe(
      'Could not read "1.95" precisely enough: give at least 3 decimals; with 2, a right answer and a common mistake look the same.',
    );
    expect(gradeNumber(step, '2').message).toMatch(/with no decimals, a right answer and a common mistake/);
    expect(gradeNumber({ ...step, mistakes: [] }, '1.95').message).toMatch(
      /with 2, the answer cannot be checked to the precision this question needs\.$/,
    );
    expect(gradeNumber(step, '1.946')).toMatchObject({ status: 'correct' });
    expect(gradeNumber(step, '1.9500')).toMatchObject({ status: 'wrong', mistake: 'no-l2' });
    expect(gradeNumber(step, '1.9435')).toMatchObject({
      status: 'wrong',
      mistake: 'rounding',
      message: expect.stringMatching(/check the arithmetic, and round only at the end\.$/),
    });
  });

  it('reads a percentage typed without % on a percent part', () => {
    const accuracy: NumberSpec = {
      kind: 'number',
      key: 'acc',
      marks: 1,
      answer: 0.853,
      tol: { abs: 0.005, rel: 0 },
      percent: true,
      mistakes: [{ id: 'percent', value: 85.3, message: 'Write it as a fraction or with a % sign.' }],
    };
    for (const text of ['85.30', '85.3 %', '0.853', '85.3\\,\\%', '85.3 percent'])
      expect(gradeNumber(accuracy, text)).toMatchObject({ status: 'correct', marks: 1 });
    expect(gradeNumber(accuracy, '85.30').message).toBe('Correct: 85.3 % = 0.853.');
    expect(gradeNumber(accuracy, '8.53').status).toBe('wrong');
    expect(gradeNumber({ ...accuracy, percent: undefined }, '85.30')).toMatchObject({ status: 'wrong', mistake: 'percent' });
    const gain: NumberSpec = {
      kind: 'number',
      key: 'gain',
      marks: 1,
      answer: -0.068,
      tol: { abs: 0.005, rel: 0 },
      percent: true,
      units: ['pp', 'percentage points', 'points'],
    };
    for (const text of ['-6.8', '−6.8 %', '-0.068', '-6.8 pp', '−6.8 percentage points'])
      expect(gradeNumber(gain, text)).toMatchObject({ status: 'correct' });
    expect(gradeNumber(gain, '6.8')).toMatchObject({ status: 'wrong', mistake: 'sign' });
    expect(gradeNumber({ ...gain, tol: { abs: 5e-4, rel: 0 } }, '-7')).toMatchObject({
      status: 'unreadable',
      message: expect.stringMatching(/give the percentage with at least 1 decimal \(or the fraction with 3\)/),
    });
  });

  it('reads a unit the part names', () => {
    const bits: NumberSpec = { ...q11c, units: ['bits', 'bit'] };
    expect(gradeNumber(bits, '3.3219 bits').status).toBe('correct');
    expect(gradeNumber(bits, '3.3219 nats')).toMatchObject({
      status: 'unreadable',
      message: expect.stringMatching(/"nats" is not a unit here/),
    });
  });

  it('never states the expected value in a message', () => {
    const spec: NumberSpec = { kind: 'number', key: 'x', marks: 1, answer: 1.946, tol: { abs: 5e-4, rel: 0 } };
    for (const text of ['1.95', '1.94', '7', '1.9', '2', '1.9466', 'log2(3.8)', '-1.95', '1.95 %']) {
      const f = gradeNumber(spec, text);
      if (f.status !== 'correct') expect(f.message).not.toMatch(/(^|[^\d.])1\.946(?![\d])/);
    }
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
    expect(gradeNumber(q11c, '3..2')).toMatchObject({
      status: 'unreadable',
      marks: 0,
      message: 'Could not read "3..2": unexpected "." at position 3',
    });
    expect(gradeNumber(q11c, '1/0')).toMatchObject({ status: 'unreadable', message: expect.stringMatching(/^Could not read/) });
    expect(gradeNumber(q11c, ['1', '2'])).toMatchObject({ status: 'unreadable', message: expect.stringMatching(/^Could not read/) });
    expect(gradeNumber(q11c, ['', '3.3219']).status).toBe('correct');
  });
});
