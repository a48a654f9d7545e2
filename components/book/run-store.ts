/**
 * The student's training runs kept in this browser (IndexedDB): run records and their weights.
 * Without IndexedDB they live in memory for this page only (`persistent` says which).
 * Fires 'runs-change' on `runEvents` after every change.
 */
import type { RunRecord } from '../../src/train/run-record';
import { openDatabase } from '../lib/idb';

const db = openDatabase('dlcv-hw1-runs', [{ name: 'runs', keyPath: 'id' }, { name: 'weights' }]);
const runs = db.store<RunRecord>('runs');
const weightsStore = db.store<Uint8Array>('weights');

/** Fires 'runs-change' when a run is added or deleted. */
export const runEvents = new EventTarget();
export const RUNS_CHANGE = 'runs-change';

/** True when runs survive a reload (IndexedDB opened). */
export function persistent(): Promise<boolean> {
  return db.persistent();
}

/** Every kept run (unordered). */
export function listRuns(): Promise<RunRecord[]> {
  return runs.getAll();
}

/** Keeps `run` (replacing one with the same id) and, when given, its safetensors weights. */
export async function putRun(run: RunRecord, weights?: Uint8Array): Promise<void> {
  await runs.put(run);
  if (weights) await weightsStore.put(weights, run.id);
  runEvents.dispatchEvent(new CustomEvent(RUNS_CHANGE));
}

/** Deletes a run and its weights. */
export async function deleteRun(id: string): Promise<void> {
  await runs.delete(id);
  await weightsStore.delete(id);
  runEvents.dispatchEvent(new CustomEvent(RUNS_CHANGE));
}

/** The weights of a run, or null (imported runs have none). */
export async function getWeights(id: string): Promise<Uint8Array | null> {
  return (await weightsStore.get(id)) ?? null;
}
