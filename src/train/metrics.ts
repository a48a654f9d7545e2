/**
 * Classification metrics from a confusion matrix (confusion[true][predicted]). Precision, recall and
 * F1 of a class with a zero denominator are 0 (scikit-learn's zero_division=0). Macro F1 is the
 * unweighted mean over all classes; weighted F1 weights each class by its support (true count).
 */
import type { ClassMetrics } from '../record/run-record';

/** Counts confusion[true][predicted] for labels in [0, classes). */
export function confusionMatrix(trueLabels: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): number[][] {
  if (!Number.isInteger(classes) || classes < 1) throw new Error(`classes must be a positive integer, got ${classes}`);
  if (trueLabels.length !== predicted.length) {
    throw new Error(`${trueLabels.length} true labels but ${predicted.length} predictions`);
  }
  const m = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < trueLabels.length; i++) {
    const t = trueLabels[i];
    const p = predicted[i];
    if (!Number.isInteger(t) || t < 0 || t >= classes || !Number.isInteger(p) || p < 0 || p >= classes) {
      throw new Error(`label pair (${t}, ${p}) at ${i} is outside 0..${classes - 1}`);
    }
    m[t][p] += 1;
  }
  return m;
}

/** Accuracy, per-class precision/recall/F1/support, macro and weighted F1 of a confusion matrix. */
export interface Metrics {
  accuracy: number;
  macroF1: number;
  weightedF1: number;
  perClass: ClassMetrics[];
}

const safeDiv = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Recomputes every metric from a square confusion matrix of non-negative integer counts. */
export function metricsFromConfusion(confusion: number[][]): Metrics {
  const k = confusion.length;
  if (k === 0 || !confusion.every((row) => Array.isArray(row) && row.length === k)) {
    throw new Error('confusion matrix must be square and non-empty');
  }
  if (!confusion.every((row) => row.every((v) => Number.isInteger(v) && v >= 0))) {
    throw new Error('confusion matrix entries must be non-negative integers');
  }
  let total = 0;
  let correct = 0;
  const colSums = new Array<number>(k).fill(0);
  for (let t = 0; t < k; t++) {
    for (let p = 0; p < k; p++) {
      total += confusion[t][p];
      colSums[p] += confusion[t][p];
    }
    correct += confusion[t][t];
  }
  const perClass: ClassMetrics[] = confusion.map((row, c) => {
    const support = row.reduce((a, b) => a + b, 0);
    const precision = safeDiv(row[c], colSums[c]);
    const recall = safeDiv(row[c], support);
    return { precision, recall, f1: safeDiv(2 * precision * recall, precision + recall), support };
  });
  return {
    accuracy: safeDiv(correct, total),
    macroF1: perClass.reduce((a, m) => a + m.f1, 0) / k,
    weightedF1: safeDiv(
      perClass.reduce((a, m) => a + m.f1 * m.support, 0),
      total,
    ),
    perClass,
  };
}

/** All metrics straight from label lists. */
export function classificationMetrics(
  trueLabels: ArrayLike<number>,
  predicted: ArrayLike<number>,
  classes: number,
): Metrics & { confusion: number[][] } {
  const confusion = confusionMatrix(trueLabels, predicted, classes);
  return { ...metricsFromConfusion(confusion), confusion };
}
