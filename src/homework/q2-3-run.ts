/** What q2.3's (and q2.4's) run exercises share: the run they read, the unit words of a difference of accuracies, the homework's reported ResNet-18. */
import { REPORTED_MODELS } from '../comparison/reported-numbers';
import type { RunRecord } from '../record/run-record';
import { latestRun } from './run-context';

/** Unit words a student may add to a difference of accuracies, as the comparison table prints it ("29.60 pp"). */
export const POINT_UNITS = ['pp', 'percentage points', 'points'];

/** The homework's reported fine-tuned ResNet-18 (src/comparison/reported-numbers.ts), a typical wrong answer when copied. */
export const HOMEWORK_RESNET = REPORTED_MODELS.find((m) => m.question === 'q2.3')!;

/** The run q2.3's exercises read: the latest handed-in q2.3 run with test results. */
export function q23Run(runs: readonly RunRecord[] | undefined): RunRecord | null {
  return latestRun('q2.3', runs ?? []);
}
