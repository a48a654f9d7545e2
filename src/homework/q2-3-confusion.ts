/** Facts of a test confusion matrix (confusion[true][predicted]) that q2.3 and q2.4 ask about: the most frequent mistake, the errors, per-class recall. */

/** The largest off-diagonal cell: [true class, predicted class], its count, and whether it is the only cell with that count; null without any mistake. */
export function mostConfused(confusion: readonly (readonly number[])[]): { pair: [number, number]; count: number; clear: boolean } | null {
  let pair: [number, number] | null = null;
  let count = 0;
  let ties = 0;
  for (let t = 0; t < confusion.length; t++) {
    for (let p = 0; p < confusion[t].length; p++) {
      if (t === p) continue;
      const c = confusion[t][p];
      if (c > count) {
        pair = [t, p];
        count = c;
        ties = 0;
      } else if (c === count && c > 0) ties++;
    }
  }
  return pair ? { pair, count, clear: ties === 0 } : null;
}

/** Test images classified wrongly: everything off the diagonal. */
export function misclassifiedCount(confusion: readonly (readonly number[])[]): number {
  return confusion.reduce((s, row, t) => s + row.reduce((a, c, p) => a + (p === t ? 0 : c), 0), 0);
}

/** Test images classified rightly: the diagonal. */
export function correctCount(confusion: readonly (readonly number[])[]): number {
  return confusion.reduce((s, row, t) => s + (row[t] ?? 0), 0);
}

/** Recall of each class (its diagonal count over its row), NaN for a class without test images. */
export function recalls(confusion: readonly (readonly number[])[]): number[] {
  return confusion.map((row, t) => {
    const n = row.reduce((a, b) => a + b, 0);
    return n > 0 ? row[t] / n : NaN;
  });
}

/** Recalls closer than this (half a percentage point) are too close to call. */
export const RECALL_MARGIN = 0.005;

/** The class with the lowest recall, and whether it is below every other class by RECALL_MARGIN; null without two classes with test images. */
export function lowestRecall(confusion: readonly (readonly number[])[]): { cls: number; clear: boolean } | null {
  const order = recalls(confusion)
    .map((r, i) => ({ r, i }))
    .filter((x) => Number.isFinite(x.r))
    .sort((a, b) => a.r - b.r);
  return order.length < 2 ? null : { cls: order[0].i, clear: order[1].r - order[0].r >= RECALL_MARGIN };
}

/** A recall rise counts as the largest only when it beats the next by this much (1 percentage point). */
export const RISE_MARGIN = 0.01;

/**
 * The class whose recall rose most from `before` to `after` (the same classes in the same order), with
 * its rise and whether it beats every other class by RISE_MARGIN; null when the matrices do not match.
 */
export function largestRecallRise(
  before: readonly (readonly number[])[],
  after: readonly (readonly number[])[],
): { cls: number; rise: number; clear: boolean } | null {
  if (before.length !== after.length || before.length < 2) return null;
  const a = recalls(before);
  const b = recalls(after);
  const rises = b.map((r, i) => r - a[i]);
  if (rises.some((r) => !Number.isFinite(r))) return null;
  const order = rises.map((r, i) => ({ r, i })).sort((x, y) => y.r - x.r);
  return { cls: order[0].i, rise: order[0].r, clear: order[0].r - order[1].r >= RISE_MARGIN };
}
