/** What q2.3's (and q2.4's) run exercises share: the run they read, tolerances, the homework's reported ResNet-18, and mistake filtering. */
import { REPORTED_MODELS } from '../comparison/reported-numbers';
import type { NumberMistake, Tolerance } from '../exercises/types';
import type { RunRecord } from '../train/run-record';
import { latestRun } from './run-context';

/** Tolerance of numbers read off a run: ±0.005 (half a percentage point), as q2.2.metrics. */
export const RUN_TOL: Tolerance = { abs: 0.005, rel: 0 };
/** Tolerance of counts, epochs and class numbers: the exact whole number. */
export const EXACT: Tolerance = { abs: 0.5, rel: 0 };
/** Unit words a student may add to a difference of accuracies, as the comparison table prints it ("29.60 pp"). */
export const POINT_UNITS = ['pp', 'percentage points', 'points'];

/** The homework's reported fine-tuned ResNet-18 (src/comparison/reported-numbers.ts), a typical wrong answer when copied. */
export const HOMEWORK_RESNET = REPORTED_MODELS.find((m) => m.question === 'q2.3')!;

/** The run q2.3's exercises read: the latest handed-in q2.3 run with test results. */
export function q23Run(runs: readonly RunRecord[] | undefined): RunRecord | null {
  return latestRun('q2.3', runs ?? []);
}

/** Keeps mistakes that are finite, away from the answer by more than `tol`, and distinct from each other. */
export function distinctMistakes(mistakes: readonly NumberMistake[], answer: number, tol: number): NumberMistake[] {
  return mistakes.filter((m, i) => Number.isFinite(m.value) && Math.abs(m.value - answer) > tol && mistakes.findIndex((o) => Math.abs(o.value - m.value) < 1e-12) === i);
}
