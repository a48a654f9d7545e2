/** q2.3b's verdict on a run's own curves: overfitting, not overfitting, or too close to call (then marked by hand); and what its validation loss did. */
import type { EpochMetrics } from '../record/run-record';

/** A train–validation accuracy gap of at least this much at the last epoch is overfitting (the homework's run: 0.88 − 0.58). */
export const OVERFIT_GAP = 0.1;
/** Below this gap, with the validation loss still at its lowest, the run is not overfitting. */
export const FIT_GAP = 0.05;
/** The validation loss counts as rising when its last value is this much (relative) above its minimum. */
export const VAL_RISE = 0.1;
/** Within this much (relative) of VAL_RISE, "rose again" and "stopped improving" are too close to call. */
export const VAL_RISE_MARGIN = 0.02;

/** What the validation loss did: still at its lowest at the last epoch, lowest earlier and ending near it, or ending well above it. */
export type ValLossTrend = 'falling' | 'flat' | 'rising' | 'unclear';

/** What the curves show. */
export interface CurveFacts {
  /** Train minus validation accuracy at the last epoch. */
  gap: number;
  /** Epoch with the lowest validation loss. */
  bestEpoch: number;
  /** Last validation loss over the lowest, minus 1. */
  valRise: number;
  verdict: 'overfit' | 'fits' | 'unclear';
  valLoss: ValLossTrend;
}

/** The trend of the validation loss from its lowest epoch and how far the last value is above it. */
function trend(bestEpoch: number, lastEpoch: number, valRise: number): ValLossTrend {
  if (bestEpoch === lastEpoch) return 'falling';
  if (Math.abs(valRise - VAL_RISE) < VAL_RISE_MARGIN) return 'unclear';
  return valRise < VAL_RISE ? 'flat' : 'rising';
}

/** The facts and verdict of a run's per-epoch metrics (null when it has none). */
export function curveFacts(epochs: readonly EpochMetrics[]): CurveFacts | null {
  const last = epochs.at(-1);
  if (!last) return null;
  const best = epochs.reduce((b, e) => (e.valLoss < b.valLoss ? e : b));
  const gap = last.trainAccuracy - last.valAccuracy;
  const valRise = best.valLoss > 0 ? last.valLoss / best.valLoss - 1 : 0;
  const verdict =
    gap >= OVERFIT_GAP || (valRise >= VAL_RISE && gap > 0) ? 'overfit' : gap < FIT_GAP && valRise < VAL_RISE / 2 ? 'fits' : 'unclear';
  return { gap, bestEpoch: best.epoch, valRise, verdict, valLoss: trend(best.epoch, last.epoch, valRise) };
}
