/**
 * Divergence of a training run, told from its step losses: a loss that is not a number, or the mean of
 * the last few losses far above where the run started (Adam with a learning rate far too high sends the
 * cross-entropy to thousands while the accuracy stays at chance).
 */

/** Why a run is judged to have diverged. */
export type Divergence = 'nan-loss' | 'diverged';

/** How many times its start the recent loss may reach before the run counts as diverged. */
export const DIVERGENCE_FACTOR = 10;
/** Steps averaged for the recent loss. */
export const DIVERGENCE_WINDOW = 3;

/** Watches one run's step losses; `start` is the baseline the recent mean is compared with, once known. */
export interface DivergenceWatch {
  /** The verdict after one more step's loss (null while the run looks sound). */
  observe(loss: number): Divergence | null;
  /** The baseline: the larger of the first step's loss (taken before any update) and a uniform guess's loss, ln(classes); null before the first step. */
  readonly start: number | null;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** A watch for a run over `classes` classes (a uniform guess's loss, ln(classes), floors the baseline so that a run starting from trained weights may rise a little). */
export function divergenceWatch(classes: number): DivergenceWatch {
  const recent: number[] = [];
  let start: number | null = null;
  const floor = Math.log(Math.max(2, classes));
  return {
    get start() {
      return start;
    },
    observe(loss: number): Divergence | null {
      if (!Number.isFinite(loss)) return 'nan-loss';
      start ??= Math.max(loss, floor);
      recent.push(loss);
      if (recent.length > DIVERGENCE_WINDOW) recent.shift();
      return start !== null && recent.length === DIVERGENCE_WINDOW && mean(recent) > DIVERGENCE_FACTOR * start ? 'diverged' : null;
    },
  };
}
