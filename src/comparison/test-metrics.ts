/** A run's test metrics recomputed from its confusion matrix, as the grader recomputes them (the stated numbers are not trusted). */
import { type Metrics, metricsFromConfusion } from '../train/metrics';
import type { RunRecord } from '../record/run-record';

/** Accuracy, macro F1 and per-class metrics of `run`'s test split, or null without test results or with an unreadable matrix. */
export function recomputedTestMetrics(run: Pick<RunRecord, 'test'>): Metrics | null {
  if (!run.test) return null;
  try {
    return metricsFromConfusion(run.test.confusion);
  } catch {
    return null;
  }
}
