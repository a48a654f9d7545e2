/** Checks a run record's stated test metrics against its own confusion matrix. */
import { metricsFromConfusion } from '../train/metrics';
import type { RunRecord } from '../record/run-record';
import type { Flag } from './types';

/** Metrics may be stated rounded; a difference above this is flagged. */
export const METRIC_TOLERANCE = 0.005;

/** A flag for each run whose accuracy or F1 scores disagree with its confusion matrix. */
export function runMetricFlags(runs: readonly RunRecord[]): Flag[] {
  const flags: Flag[] = [];
  for (const run of runs) {
    const t = run.test;
    if (!t) continue;
    let m: { accuracy: number; macroF1: number; weightedF1: number };
    try {
      m = metricsFromConfusion(t.confusion);
    } catch {
      flags.push({ kind: 'run-metrics', key: run.id, message: `Run ${run.id}: its confusion matrix cannot be read.` });
      continue;
    }
    const bad = (['accuracy', 'macroF1', 'weightedF1'] as const).filter((k) => !close(t[k], m[k]));
    if (bad.length > 0) {
      const detail = bad.map((k) => `${k} ${t[k].toFixed(4)} stated, ${m[k].toFixed(4)} from the matrix`).join('; ');
      flags.push({ kind: 'run-metrics', key: run.id, message: `Run ${run.id} (${run.config.question}): ${detail}.` });
    }
  }
  return flags;
}

function close(stated: number, computed: number): boolean {
  if (Number.isNaN(computed)) return false;
  return Math.abs(stated - computed) <= METRIC_TOLERANCE;
}
