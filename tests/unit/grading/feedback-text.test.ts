import { describe, expect, it } from 'vitest';
import { feedbackFileName, feedbackFiles, feedbackText } from '../../../src/grading/feedback-text';
import { answerOf, gradedOf } from '../../helpers/graded';

describe('feedbackText', () => {
  it('lists marks, answers as typed, references, feedback and comments', () => {
    const g = gradedOf('s1', { 'q1.1c': 0 }, [answerOf('q1.1c', '2.30', 'wrong')]);
    g.items[2].manual = { marks: 0, comment: 'Use log base 2.', rubric: [], override: true };
    g.flags.push({ kind: 'seed-mismatch', message: 'secret' });
    const text = feedbackText(g, 'HW1');
    expect(text).toContain('HW1: feedback for Name s1 (s1)');
    expect(text).toContain('Your answer: 2.30');
    expect(text).toContain('Reference:   1');
    expect(text).toContain('Feedback:    Not right. (0 / 1)');
    expect(text).toContain('Comment: Use log base 2.');
    expect(text).not.toContain('secret');
    expect(feedbackText(g, 'HW1', { withFlags: true })).toContain('seed-mismatch: secret');
    expect(feedbackText(g, 'HW1', { withReference: false })).not.toContain('Reference:');
  });
});

describe('feedbackText marks', () => {
  it('prints fractional marks as the page does, never as raw floats', () => {
    const third = 1 / 3;
    const g = gradedOf('s2', { 'q1.1c': third }, [
      answerOf('q1.1d.losses', '1, 2, 3', 'wrong', {
        feedback: { key: 'q1.1d.losses', status: 'partial', marks: third, maxMarks: third, message: 'One of three.' },
      }),
    ]);
    g.total = 10 + third;
    const text = feedbackText(g, 'HW1');
    expect(text).toContain('Feedback:    One of three. (0.33 / 0.33)');
    expect(text).toContain(`Total: 10.33 / ${g.maxTotal}`);
    expect(text).toMatch(/q1\.1c .*: 0\.33 \/ 1/);
    expect(text).not.toMatch(/\d\.\d{3,}/);
  });
});

describe('feedbackFileName', () => {
  it('makes a safe name and feedbackFiles keeps names unique', () => {
    expect(feedbackFileName(gradedOf('../../etc/passwd', {}))).toBe('feedback-__.._etc_passwd.txt');
    const names = feedbackFiles([gradedOf('a b', {}), gradedOf('a_b', {}), gradedOf('A_B', {})]).map((f) => f.name);
    expect(names).toEqual(['feedback-a_b.txt', 'feedback-a_b-2.txt', 'feedback-A_B-3.txt']);
  });
});
