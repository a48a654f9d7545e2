/**
 * The student's training runs kept in this browser (IndexedDB): run records, their weights, and what
 * their results need beyond the record (the misclassified images' thumbnails).
 * Without IndexedDB they live in memory for this page only (`persistent` says which).
 * Fires 'runs-change' on `runEvents` after every change, and 'show-run-results' when a run's results are asked for.
 */
import { isKeptGallery, type KeptGallery } from '../../src/runs/kept-gallery';
import type { RunRecord } from '../../src/record/run-record';
import { openDatabase } from '../lib/idb';

const db = openDatabase('dlcv-hw1-runs', [{ name: 'runs', keyPath: 'id' }, { name: 'weights' }]);
const runs = db.store<RunRecord>('runs');
const weightsStore = db.store<Uint8Array>('weights');
/** The thumbnails share the weights' store (a new store would need a new database version), under their own key. */
const galleryStore = db.store<unknown>('weights');
const galleryKey = (id: string) => `${id}#gallery`;

/** Fires 'runs-change' when a run is added or deleted. */
export const runEvents = new EventTarget();
export const RUNS_CHANGE = 'runs-change';
/** Fired with detail { id } when a run's test results should be shown (the runs list's "Show test results"). */
export const SHOW_RUN_RESULTS = 'show-run-results';

/** True when runs survive a reload (IndexedDB opened). */
export function persistent(): Promise<boolean> {
  return db.persistent();
}

/** Every kept run (unordered). */
export function listRuns(): Promise<RunRecord[]> {
  return runs.getAll();
}

/** Keeps `run` (replacing one with the same id) and, when given, its safetensors weights and its gallery's thumbnails. */
export async function putRun(run: RunRecord, weights?: Uint8Array, gallery?: KeptGallery): Promise<void> {
  await runs.put(run);
  if (weights) await weightsStore.put(weights, run.id);
  if (gallery) await galleryStore.put(gallery, galleryKey(run.id));
  runEvents.dispatchEvent(new CustomEvent(RUNS_CHANGE));
}

/** Deletes a run, its weights and its thumbnails. */
export async function deleteRun(id: string): Promise<void> {
  await runs.delete(id);
  await weightsStore.delete(id);
  await galleryStore.delete(galleryKey(id));
  runEvents.dispatchEvent(new CustomEvent(RUNS_CHANGE));
}

/** A kept run, or null. */
export async function getRun(id: string): Promise<RunRecord | null> {
  return (await runs.get(id)) ?? null;
}

/** The thumbnails of a run's misclassified images, or null (imported runs, runs kept before thumbnails were, runs without test results). */
export async function getGallery(id: string): Promise<KeptGallery | null> {
  const g = await galleryStore.get(galleryKey(id));
  return isKeptGallery(g) ? g : null;
}

/** Asks the page to show the test results of kept run `id` (a <hw-run-results> beside the runs list draws them). */
export function showRunResults(id: string): void {
  runEvents.dispatchEvent(new CustomEvent(SHOW_RUN_RESULTS, { detail: { id } }));
}

/** The weights of a run, or null (imported runs have none). */
export async function getWeights(id: string): Promise<Uint8Array | null> {
  return (await weightsStore.get(id)) ?? null;
}
