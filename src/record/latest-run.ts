import type { RunRecord } from './run-record';

/** The newest run of `question` that has test metrics (latest createdAt, then last in the list), or null. */
export function latestRun(question: RunRecord['config']['question'], runs: readonly RunRecord[]): RunRecord | null {
  let best: RunRecord | null = null;
  for (const r of runs) {
    if (r.config?.question !== question || !r.test) continue;
    if (!best || r.createdAt >= best.createdAt) best = r;
  }
  return best;
}
