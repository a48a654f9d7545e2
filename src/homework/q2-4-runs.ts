/** Which two handed-in runs q2.4's exercises compare: the augmented run and the newest run of the same model without augmentation. */
import type { RunRecord } from '../record/run-record';
import { latestRun } from './run-context';

const augmented = (r: RunRecord) => Array.isArray(r.config?.augmentations) && r.config.augmentations.length > 0;

/**
 * The newest q2.4 run with test results and at least one augmentation (a ResNet-18 one when there is
 * any, since q2.4 asks for the ResNet-18; else the CNN's), and the newest run (any question) of the
 * same model, with test results and none; either may be null.
 */
export function augmentationPair(runs: readonly RunRecord[] | undefined): { augmented: RunRecord | null; baseline: RunRecord | null } {
  const all = runs ?? [];
  const aug =
    latestRun(
      'q2.4',
      all.filter((r) => augmented(r) && r.config.model === 'resnet18'),
    ) ?? latestRun('q2.4', all.filter(augmented));
  if (!aug) return { augmented: null, baseline: null };
  let baseline: RunRecord | null = null;
  for (const r of all) {
    if (r === aug || augmented(r) || !r.test || !r.epochs.length || r.config?.model !== aug.config.model) continue;
    if (!baseline || r.createdAt >= baseline.createdAt) baseline = r;
  }
  return { augmented: aug, baseline };
}

/** Training minus validation accuracy at the run's last epoch, or null without epochs. */
export function finalGap(run: RunRecord): number | null {
  const last = run.epochs.at(-1);
  return last ? last.trainAccuracy - last.valAccuracy : null;
}

/** How much the gap must shrink (or grow) to count as a change: 2 percentage points. */
export const GAP_CHANGE = 0.02;

/** Did overfitting go down: 'down' when the augmented gap is smaller by more than GAP_CHANGE, 'up' when larger by more, else 'same'; 'unclear' within 0.5 points of either boundary. */
export function gapVerdict(withoutAug: number, withAug: number): 'down' | 'same' | 'up' | 'unclear' {
  const change = withAug - withoutAug;
  if (Math.abs(Math.abs(change) - GAP_CHANGE) < 0.005) return 'unclear';
  return change < -GAP_CHANGE ? 'down' : change > GAP_CHANGE ? 'up' : 'same';
}
