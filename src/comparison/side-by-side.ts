/** Data of the comparison's charts: curves overlaid, per-class F1 and confusion matrices side by side. */
import { compareCurves, type CurveMetric, type Point } from '../charts-data/training-curves';
import type { ClassMetrics, RunRecord } from '../record/run-record';
import { runLabel } from './run-labels';
import { recomputedTestMetrics } from './test-metrics';

/** The overlaid curves of `metric` with a legend label per run (runs without an epoch are left out). */
export function overlaidCurves(
  runs: readonly RunRecord[],
  metric: CurveMetric,
): { curves: { id: string; label: string; points: Point[] }[]; labels: Map<string, string> } {
  const labels = new Map(runs.map((r) => [r.id, runLabel(r)]));
  return { curves: compareCurves(runs, metric).map((c) => ({ ...c, label: labels.get(c.id) ?? c.id })), labels };
}

/** One run's test results for a panel: per-class metrics (recomputed), the confusion matrix and the class names. */
export interface ResultPanel {
  id: string;
  label: string;
  classes: string[];
  perClass: ClassMetrics[];
  confusion: number[][];
}

/** Panels of the runs that have test results, in the order given. */
export function resultPanels(runs: readonly RunRecord[]): ResultPanel[] {
  return runs.flatMap((r) => {
    const m = recomputedTestMetrics(r);
    return m && r.test
      ? [{ id: r.id, label: runLabel(r), classes: r.dataset.classes, perClass: m.perClass, confusion: r.test.confusion }]
      : [];
  });
}

/** Per-class F1 as a table: one row per class name (union, in first-seen order), one column per panel; null where a run lacks that class. */
export function perClassF1Table(panels: readonly ResultPanel[]): {
  classes: string[];
  columns: { id: string; label: string }[];
  rows: (number | null)[][];
} {
  const classes: string[] = [];
  for (const p of panels) for (const c of p.classes) if (!classes.includes(c)) classes.push(c);
  const rows = classes.map((c) =>
    panels.map((p) => {
      const i = p.classes.indexOf(c);
      return i >= 0 && p.perClass[i] ? p.perClass[i].f1 : null;
    }),
  );
  return { classes, columns: panels.map((p) => ({ id: p.id, label: p.label })), rows };
}

/** True when every panel names the same classes in the same order (otherwise the matrices do not line up). */
export function sameClasses(panels: readonly ResultPanel[]): boolean {
  return panels.every((p) => p.classes.length === panels[0].classes.length && p.classes.every((c, i) => c === panels[0].classes[i]));
}
