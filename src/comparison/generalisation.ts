/** Generalisation of runs: the train–validation accuracy gap at the last epoch, the run with the smallest gap, and test-accuracy differences. */
import type { RunRecord } from '../record/run-record';
import { recomputedTestMetrics } from './test-metrics';

/** Gaps closer than this (0.05 percentage points) count as a tie: the table cannot tell them apart. */
export const GAP_TIE = 0.0005;

/** Train accuracy minus validation accuracy at the last epoch (a fraction), or null without epochs. */
export function trainValGap(run: Pick<RunRecord, 'epochs'>): number | null {
  const last = run.epochs.at(-1);
  return last ? last.trainAccuracy - last.valAccuracy : null;
}

/** The run with the smallest gap among `runs`, its gap, the runner-up's margin, and whether it is a tie; null with no gap to compare. */
export function bestGeneralisation<R extends Pick<RunRecord, 'epochs'>>(
  runs: readonly R[],
): { run: R; gap: number; margin: number | null; tie: boolean } | null {
  const ranked = runs
    .map((run) => ({ run, gap: trainValGap(run) }))
    .filter((x): x is { run: R; gap: number } => x.gap !== null)
    .sort((a, b) => a.gap - b.gap);
  if (ranked.length === 0) return null;
  const margin = ranked.length > 1 ? ranked[1].gap - ranked[0].gap : null;
  return { run: ranked[0].run, gap: ranked[0].gap, margin, tie: margin !== null && margin < GAP_TIE };
}

/** Test accuracy of `run` minus that of `reference` (fractions, recomputed from the confusion matrices), or null when either has no test results. */
export function testAccuracyDifference(run: Pick<RunRecord, 'test'>, reference: Pick<RunRecord, 'test'>): number | null {
  const a = recomputedTestMetrics(run);
  const b = recomputedTestMetrics(reference);
  return a && b ? a.accuracy - b.accuracy : null;
}
