/**
 * The student's training runs kept in this browser (IndexedDB): run records and their weights.
 * Without IndexedDB they live in memory for this page only (`persistent` says which).
 * Fires 'runs-change' on `runEvents` after every change.
 */
import type { RunRecord } from '../../src/train/run-record';

const DB_NAME = 'dlcv-hw1-runs';
const RUNS = 'runs';
const WEIGHTS = 'weights';

/** Fires 'runs-change' when a run is added or deleted. */
export const runEvents = new EventTarget();
export const RUNS_CHANGE = 'runs-change';

const memory = { runs: new Map<string, RunRecord>(), weights: new Map<string, Uint8Array>() };
let dbPromise: Promise<IDBDatabase | null> | null = null;

function openDb(): Promise<IDBDatabase | null> {
  dbPromise ??= new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') return resolve(null);
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore(RUNS, { keyPath: 'id' });
      req.result.createObjectStore(WEIGHTS);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
  });
  return dbPromise;
}

async function tx<T>(store: string, mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  if (!db) throw new Error('no IndexedDB');
  return new Promise<T>((resolve, reject) => {
    const t = db.transaction(store, mode);
    const req = op(t.objectStore(store));
    t.oncomplete = () => resolve(req.result);
    t.onerror = () => reject(t.error ?? req.error ?? new Error('IndexedDB transaction failed'));
    t.onabort = () => reject(t.error ?? new Error('IndexedDB transaction aborted (storage full?)'));
  });
}

/** True when runs survive a reload (IndexedDB opened). */
export async function persistent(): Promise<boolean> {
  return (await openDb()) !== null;
}

/** Every kept run (unordered). */
export async function listRuns(): Promise<RunRecord[]> {
  if (!(await openDb())) return [...memory.runs.values()];
  return tx(RUNS, 'readonly', (s) => s.getAll() as IDBRequest<RunRecord[]>);
}

/** Keeps `run` (replacing one with the same id) and, when given, its safetensors weights. */
export async function putRun(run: RunRecord, weights?: Uint8Array): Promise<void> {
  if (await openDb()) {
    await tx(RUNS, 'readwrite', (s) => s.put(run));
    if (weights) await tx(WEIGHTS, 'readwrite', (s) => s.put(weights, run.id));
  } else {
    memory.runs.set(run.id, run);
    if (weights) memory.weights.set(run.id, weights);
  }
  runEvents.dispatchEvent(new CustomEvent(RUNS_CHANGE));
}

/** Deletes a run and its weights. */
export async function deleteRun(id: string): Promise<void> {
  if (await openDb()) {
    await tx(RUNS, 'readwrite', (s) => s.delete(id));
    await tx(WEIGHTS, 'readwrite', (s) => s.delete(id));
  } else {
    memory.runs.delete(id);
    memory.weights.delete(id);
  }
  runEvents.dispatchEvent(new CustomEvent(RUNS_CHANGE));
}

/** The weights of a run, or null (imported runs have none). */
export async function getWeights(id: string): Promise<Uint8Array | null> {
  if (!(await openDb())) return memory.weights.get(id) ?? null;
  return (await tx(WEIGHTS, 'readonly', (s) => s.get(id) as IDBRequest<Uint8Array | undefined>)) ?? null;
}
