/**
 * After a reload: the newest kept ResNet-18 run of the widget's question whose feature-space summary
 * is in its record, with its kept features (feature-store.ts) when they are there; and the hook that
 * drops the features of runs deleted from the runs list.
 */
import type { RunRecord } from '../../src/record/run-record';
import { listRuns, RUNS_CHANGE, runEvents } from '../book/run-store';
import { dropFeaturesExcept, type KeptFeatures, keptFeatures } from './feature-store';

/** The newest kept run of `question` whose features were kept, else the newest with a feature space (features null), else null. */
export async function newestKeptSpace(question: 'q2.3' | 'q2.4'): Promise<{ run: RunRecord; features: KeptFeatures | null } | null> {
  let runs: RunRecord[];
  try {
    runs = await listRuns();
  } catch {
    return null;
  }
  const mine = runs.filter((r) => r.config.model === 'resnet18' && r.config.question === question && r.featureSpace);
  mine.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  for (const run of mine) {
    const features = await keptFeatures(run.id);
    if (features) return { run, features };
  }
  return mine.length ? { run: mine[0], features: null } : null;
}

let watching = false;

/** Drops the kept features of runs no longer in the runs list, now (runs deleted on another page) and after every change of the list (once per page). */
export function dropFeaturesOfDeletedRuns(): void {
  if (watching) return;
  watching = true;
  const prune = () =>
    void listRuns()
      .then((runs) => dropFeaturesExcept(new Set(runs.map((r) => r.id))))
      .catch(() => undefined);
  runEvents.addEventListener(RUNS_CHANGE, prune);
  prune();
}
