/** Which edition the instructor page was built as, and what the student edition may show of a regrade. */
import type { GradedSubmission } from '../../src/grading/types';

/** `instructor` (built with BOOK_MODE=instructor) shows reference answers; `student` shows marks and feedback only. */
export type Edition = 'student' | 'instructor';

/** The edition written on `el` at build time (`data-edition`); anything but `instructor` is the student edition. */
export function editionOf(el: HTMLElement): Edition {
  return el.dataset.edition === 'instructor' ? 'instructor' : 'student';
}

/** The regrade as the student edition keeps it: every reference answer removed, so no view or download can show one. */
export function withoutReferences(graded: readonly GradedSubmission[]): GradedSubmission[] {
  return graded.map((g) => ({ ...g, answers: g.answers.map((a) => ({ ...a, reference: '' })) }));
}
