import { describe, it, expect } from 'vitest';
import { combineFeedback } from '../../../src/exercises/combine-feedback';
import type { Feedback } from '../../../src/exercises/types';

const fb = (key: string, status: Feedback['status'], marks: number, maxMarks: number, message: string): Feedback => ({
  key,
  status,
  marks,
  maxMarks,
  message,
});

describe('combineFeedback', () => {
  it('is Correct only when every graded part is correct', () => {
    const r = combineFeedback([fb('a', 'correct', 1, 1, 'Correct.'), fb('b', 'correct', 1, 1, 'Correct.')]);
    expect(r.status).toBe('correct');
    expect(r.message).toMatch(/^Correct — 2 of 2 marks/);
  });
  it('adds up partial marks and never starts with Correct otherwise', () => {
    const r = combineFeedback(
      [fb('a', 'correct', 1, 1, 'Correct.'), fb('b', 'wrong', 0, 1, 'Check the base of the log.')],
      new Map([['b', 'Mean']]),
    );
    expect(r.status).toBe('partial');
    expect(r.marks).toBe(1);
    expect(r.message).toMatch(/^Not yet — 1 of 2 marks/);
    expect(r.message).toContain('Mean: Check the base of the log.');
  });
  it('makes the whole check unreadable when one part is', () => {
    const r = combineFeedback([fb('a', 'correct', 1, 1, 'Correct.'), fb('b', 'unreadable', 0, 1, 'Could not read "3..2"')]);
    expect(r.status).toBe('unreadable');
    expect(r.marks).toBe(0);
    expect(r.message).toMatch(/^Could not read/);
    expect(r.message).toContain('did not count as an attempt');
  });
  it('leaves free text to the instructor', () => {
    const r = combineFeedback([fb('t', 'manual', 0, 5, 'Saved for the instructor')]);
    expect(r.status).toBe('manual');
    expect(r.message).not.toMatch(/^Correct/);
  });
  it('puts no colon after a label that ends with a question mark', () => {
    const labels = new Map([
      ['p', 'Which problems arise when it is computed naively?'],
      ['q', 'Mean'],
    ]);
    const r = combineFeedback([fb('p', 'wrong', 0, 1, 'Not right.'), fb('q', 'wrong', 0, 1, 'Check the base.')], labels);
    expect(r.message).toContain('computed naively? Not right.');
    expect(r.message).toContain('Mean: Check the base.');
    expect(r.message).not.toContain('?:');
  });
});
