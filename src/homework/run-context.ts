/** Which of a student's run records an exercise reads (exercises marked `usesRuns` get them through their context). */
import type { ExerciseDef } from '../exercises/exercise';
import { isBlank } from '../exercises/could-not-read';
import type { Feedback, PartSpec, RawAnswer } from '../exercises/types';
import { latestRun } from '../record/latest-run';
import type { RunRecord } from '../record/run-record';

export { latestRun };

/** A key that changes whenever a run an exercise could read changes (for caches of parts). */
export function runContextKey(runs: readonly RunRecord[]): string {
  return JSON.stringify(runs.filter((r) => r.test).map((r) => [r.id, r.createdAt, r.config?.question, r.test?.confusion]));
}

/**
 * On the page, the feedback of a typed answer to an input that is checked against the student's handed-in run while no
 * run with test results is handed in (the grader then leaves it to the instructor): "Could not check", no attempt.
 * With a run handed in, an input its run cannot decide (a tie) stays with the instructor as the grader says.
 */
export function waitingForRun(def: ExerciseDef, spec: PartSpec, raw: RawAnswer | undefined, runs: readonly RunRecord[]): Feedback | null {
  const input = def.inputs.find((i) => i.key === spec.key);
  if (!def.usesRuns || spec.kind !== 'text' || !input || input.kind === 'text') return null;
  if (raw === undefined || isBlank(raw) || runs.some((r) => r.test)) return null;
  return {
    key: spec.key,
    status: 'unreadable',
    marks: 0,
    maxMarks: spec.marks,
    message:
      'Could not check this yet: it is checked against your handed-in run, and no run with test results is handed in. Hand in a run from the runs list; your answer is saved.',
  };
}
