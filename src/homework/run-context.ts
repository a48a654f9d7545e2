/** Which of a student's run records an exercise reads (exercises marked `usesRuns` get them through their context). */
import type { RunRecord } from '../train/run-record';

/** The newest run of `question` that has test metrics (latest createdAt, then last in the list), or null. */
export function latestRun(question: RunRecord['config']['question'], runs: readonly RunRecord[]): RunRecord | null {
  let best: RunRecord | null = null;
  for (const r of runs) {
    if (r.config?.question !== question || !r.test) continue;
    if (!best || r.createdAt >= best.createdAt) best = r;
  }
  return best;
}

/** A key that changes whenever a run an exercise could read changes (for caches of parts). */
export function runContextKey(runs: readonly RunRecord[]): string {
  return JSON.stringify(runs.filter((r) => r.test).map((r) => [r.id, r.createdAt, r.config?.question, r.test?.confusion]));
}
