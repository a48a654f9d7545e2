/**
 * The features of kept runs (IndexedDB, a few MB each: the 512 inputs of fc for up to 1,500 train
 * and every validation image), so a run's t-SNE can be drawn again after a reload. Features whose
 * run was deleted from the runs list are dropped on the list's next change.
 */
import { openDatabase } from '../lib/idb';
import type { FeatureSet } from './feature-set';

/** A run's feature set as kept, with the image size it was computed at. */
export interface KeptFeatures extends FeatureSet {
  runId: string;
  imageSize: number;
}

const db = openDatabase('dlcv-hw1-run-features', [{ name: 'features', keyPath: 'runId' }]);
const store = db.store<KeptFeatures>('features');

/** Keeps the features of run `runId`; true when they survive a reload. */
export async function keepFeatures(runId: string, set: FeatureSet, imageSize: number): Promise<boolean> {
  await store.put({ ...set, runId, imageSize });
  return db.persistent();
}

/** The kept features of run `runId`, or null (none kept, or the store cannot be read). */
export async function keptFeatures(runId: string): Promise<KeptFeatures | null> {
  try {
    return (await store.get(runId)) ?? null;
  } catch {
    return null;
  }
}

/** Deletes the features of every run not in `runIds`; returns how many were deleted. */
export async function dropFeaturesExcept(runIds: ReadonlySet<string>): Promise<number> {
  const orphans = (await store.getAll()).filter((f) => !runIds.has(f.runId));
  for (const f of orphans) await store.delete(f.runId);
  return orphans.length;
}
