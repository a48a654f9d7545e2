/** Points of the training charts: per-epoch losses and accuracies, a smoothed per-step loss, and runs overlaid. */
import type { EpochMetrics, RunRecord } from '../record/run-record';

export type Point = [number, number];

/** The four per-epoch curves of a run. */
export interface EpochCurves {
  trainLoss: Point[];
  valLoss: Point[];
  trainAccuracy: Point[];
  valAccuracy: Point[];
}

/** Per-epoch curves (x = epoch). */
export function epochCurves(epochs: readonly EpochMetrics[]): EpochCurves {
  return {
    trainLoss: epochs.map((e) => [e.epoch, e.trainLoss]),
    valLoss: epochs.map((e) => [e.epoch, e.valLoss]),
    trainAccuracy: epochs.map((e) => [e.epoch, e.trainAccuracy]),
    valAccuracy: epochs.map((e) => [e.epoch, e.valAccuracy]),
  };
}

/**
 * Exponential moving average with bias correction (as TensorBoard's smoothing): s_t = w·s_{t−1} + (1−w)·x_t,
 * divided by 1 − w^t, so the first points are not pulled towards 0. Non-finite losses are skipped.
 */
export function smoothSteps(steps: readonly { step: number; loss: number }[], weight = 0.9): Point[] {
  if (!(weight >= 0 && weight < 1)) throw new Error(`smoothing weight must be in [0, 1), got ${weight}`);
  const out: Point[] = [];
  let s = 0;
  let n = 0;
  for (const { step, loss } of steps) {
    if (!Number.isFinite(loss)) continue;
    n++;
    s = weight * s + (1 - weight) * loss;
    out.push([step, s / (1 - weight ** n)]);
  }
  return out;
}

/** Which per-epoch metric to overlay. */
export type CurveMetric = 'valLoss' | 'trainLoss' | 'valAccuracy' | 'trainAccuracy';

/** One curve per run for `metric` (runs without epochs are left out). */
export function compareCurves(runs: readonly RunRecord[], metric: CurveMetric): { id: string; points: Point[] }[] {
  return runs.filter((r) => r.epochs.length > 0).map((r) => ({ id: r.id, points: r.epochs.map((e) => [e.epoch, e[metric]] as Point) }));
}
