/** The gallery of q2.2e: up to n misclassified test images per true class, mapped to data-set indices. */
import type { TestMetrics } from '../record/run-record';

/** One image of the gallery. */
export interface Pick {
  dataIndex: number;
  trueLabel: number;
  predicted: number;
}

/** Up to `perClass` misclassified test images of each class (in test order); `testIndices[i]` is the data-set index of test image i. */
export function pickMisclassified(
  misclassified: TestMetrics['misclassified'],
  testIndices: readonly number[],
  classes: number,
  perClass = 3,
): Pick[][] {
  const out: Pick[][] = Array.from({ length: classes }, () => []);
  for (const m of misclassified) {
    const bucket = out[m.trueLabel];
    const dataIndex = testIndices[m.index];
    if (!bucket || bucket.length >= perClass || dataIndex === undefined) continue;
    bucket.push({ dataIndex, trueLabel: m.trueLabel, predicted: m.predicted });
  }
  return out;
}
