/** Row-normalised confusion matrices and per-class F1 bars for the results charts. */
import type { ClassMetrics } from '../record/run-record';

/** confusion[t][p] / (row t's total): the share of class t predicted as p; an empty row stays 0. */
export function rowNormalise(confusion: readonly (readonly number[])[]): number[][] {
  return confusion.map((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((v) => (total === 0 ? 0 : v / total));
  });
}

/** Per-class F1 bars, in class order. */
export function f1Bars(perClass: readonly ClassMetrics[], classes: readonly string[]): { name: string; f1: number; support: number }[] {
  return perClass.map((m, i) => ({ name: classes[i] ?? String(i), f1: m.f1, support: m.support }));
}
