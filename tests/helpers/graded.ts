/** Hand-made graded submissions for unit tests of the gradebook, statistics and exports (no grader involved). */
import { GRADED_ITEMS } from '../../src/homework/structure';
import type { GradedAnswer, GradedSubmission } from '../../src/grading/types';

/** A graded submission with the given item marks (missing items get 0) and answers. */
export function gradedOf(studentId: string, marks: Record<string, number>, answers: GradedAnswer[] = []): GradedSubmission {
  const items = GRADED_ITEMS.map((it) => {
    const manual = it.id.startsWith('q2');
    return {
      id: it.id,
      title: it.title,
      marks: marks[it.id] ?? 0,
      maxMarks: it.marks,
      autoMax: manual ? 0 : it.marks,
      manualMax: manual ? it.marks : 0,
      status: manual ? ('manual' as const) : ('auto' as const),
      pending: manual,
      rubric: manual ? [{ id: 'all', label: it.title, marks: it.marks }] : [],
    };
  });
  return {
    source: `${studentId}.json`,
    studentId,
    name: `Name ${studentId}`,
    createdAt: '2025-01-01T00:00:00.000Z',
    declaredVariant: { kind: 'homework', seed: 0 },
    variant: { kind: 'homework', seed: 0 },
    items,
    answers,
    manualAnswers: [],
    runs: [],
    total: items.reduce((s, i) => s + i.marks, 0),
    maxTotal: 55,
    flags: [],
  };
}

/** One graded answer of `key` with the given raw text and status. */
export function answerOf(key: string, raw: string, status: 'correct' | 'wrong', extra: Partial<GradedAnswer> = {}): GradedAnswer {
  return {
    key,
    item: key.split('.').slice(0, 2).join('.'),
    kind: 'number',
    raw,
    reference: '1',
    feedback: { key, status, marks: status === 'correct' ? 1 : 0, maxMarks: 1, message: status === 'correct' ? 'Correct.' : 'Not right.' },
    ...extra,
  };
}
