import { describe, expect, it } from 'vitest';
import { finalGradebook } from '../../../src/grading/gradebook';
import { emptyGradingFile, withEntry } from '../../../src/grading/manual-grades';
import { answerOf, gradedOf } from '../../helpers/graded';

describe('finalGradebook', () => {
  it('applies manual grades and flags shared wrong answers', () => {
    const gs = [
      gradedOf('a', {}, [answerOf('q1.1c', '9.9', 'wrong')]),
      gradedOf('b', {}, [answerOf('q1.1c', '9.9', 'wrong')]),
      gradedOf('c', {}),
    ];
    const file = withEntry(emptyGradingFile(), 'c', 'q2.6', {
      marks: 4,
      comment: '',
      rubric: [],
      override: false,
      updatedAt: '2025-01-01T00:00:00Z',
    });
    const out = finalGradebook(gs, file);
    expect(out.map((g) => g.total)).toEqual([0, 0, 4]);
    expect(out.map((g) => g.flags.map((f) => f.kind))).toEqual([['shared-wrong-answer'], ['shared-wrong-answer'], []]);
    expect(finalGradebook(gs, null)[2].total).toBe(0);
  });
});
