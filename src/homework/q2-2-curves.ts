/** The training curves of exercise q2.2.overfit: ten epochs shaped like the homework submission's CNN run (train accuracy 0.9594 at epoch 10). */
import type { EpochMetrics } from '../record/run-record';

/** Per-epoch losses and accuracies shown in the prompt of q2.2.overfit (seconds are not shown). */
export const OVERFIT_CURVES: readonly EpochMetrics[] = [
  [2.05, 0.262, 1.86, 0.335],
  [1.71, 0.401, 1.66, 0.408],
  [1.48, 0.487, 1.6, 0.437],
  [1.25, 0.571, 1.63, 0.452],
  [1.0, 0.663, 1.72, 0.448],
  [0.76, 0.748, 1.9, 0.441],
  [0.54, 0.829, 2.12, 0.446],
  [0.36, 0.893, 2.41, 0.437],
  [0.23, 0.936, 2.7, 0.441],
  [0.15, 0.9594, 2.98, 0.436],
].map(([trainLoss, trainAccuracy, valLoss, valAccuracy], i) => ({
  epoch: i + 1,
  trainLoss,
  trainAccuracy,
  valLoss,
  valAccuracy,
  seconds: 0,
}));

/** The epoch with the lowest validation loss (where early stopping would keep the weights). */
export function bestEpoch(curves: readonly EpochMetrics[]): number {
  if (curves.length === 0) throw new Error('bestEpoch: no epochs');
  return curves.reduce((best, e) => (e.valLoss < best.valLoss ? e : best)).epoch;
}
