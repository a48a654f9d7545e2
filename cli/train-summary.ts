/** One-paragraph text summary of a finished run (CLI output). */
import type { RunRecord } from '../src/record/run-record';

/** Final metrics and speed of a run as a few lines of text. */
export function trainRecordSummary(r: RunRecord): string {
  const lines = [
    `backend ${r.backend}: ${r.timings.imagesPerSecond.toFixed(1)} train images/s, ${r.timings.totalSeconds.toFixed(1)} s in all${r.stopped ? `, stopped: ${r.stopped}` : ''}`,
  ];
  if (r.test)
    lines.push(
      `test accuracy ${r.test.accuracy.toFixed(4)}, macro F1 ${r.test.macroF1.toFixed(4)}, weighted F1 ${r.test.weightedF1.toFixed(4)}, ${r.test.misclassified.length} misclassified`,
    );
  return lines.join('\n');
}
