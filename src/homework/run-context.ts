/**
 * The run records an exercise may read: the page sets them from the student's handed-in runs, the
 * grader from the submission's runs. Exercises that read them mark themselves with `usesRuns`.
 */
import type { ExerciseDef } from '../exercises/exercise';
import type { RunRecord } from '../train/run-record';

let current: readonly RunRecord[] = [];

/** An exercise whose parts depend on the run context (the grader must not share its parts between submissions). */
export type RunExerciseDef = ExerciseDef & { usesRuns: true };

/** Replaces the runs exercises see. */
export function setRunContext(runs: readonly RunRecord[]): void {
  current = [...runs];
}

/** The runs exercises see now. */
export function getRunContext(): readonly RunRecord[] {
  return current;
}

/** True when `ex`'s parts read the run context. */
export function usesRunContext(ex: ExerciseDef): boolean {
  return (ex as Partial<RunExerciseDef>).usesRuns === true;
}

/** The newest run of `question` that has test metrics (latest createdAt, then last in the list), or null. */
export function latestRun(question: RunRecord['config']['question'], runs: readonly RunRecord[] = current): RunRecord | null {
  let best: RunRecord | null = null;
  for (const r of runs) {
    if (r.config?.question !== question || !r.test) continue;
    if (!best || r.createdAt >= best.createdAt) best = r;
  }
  return best;
}

/** A key that changes whenever a run an exercise could read changes (for caches of parts). */
export function runContextKey(runs: readonly RunRecord[] = current): string {
  return JSON.stringify(runs.filter((r) => r.test).map((r) => [r.id, r.createdAt, r.config?.question, r.test?.confusion]));
}
