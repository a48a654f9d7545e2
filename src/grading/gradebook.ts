/** The final gradebook of a batch: manual grades applied, then shared wrong answers flagged. Page and CLI share it. */
import { applyManual, type GradingFile } from './manual-grades';
import { batchStats, withSharedFlags } from './stats';
import type { GradedSubmission } from './types';

/** `graded` with `file`'s manual marks and overrides applied and 'shared-wrong-answer' flags added. */
export function finalGradebook(graded: readonly GradedSubmission[], file: GradingFile | null): GradedSubmission[] {
  const withManual = file ? graded.map((g) => applyManual(g, file)) : graded.slice();
  return withSharedFlags(withManual, batchStats(withManual).shared);
}
