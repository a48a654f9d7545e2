/** IndexedDB storage of the loaded data set (packed bytes, manifest, load report), so a reload does not decode again. */
import type { LoadReport } from '../../src/data/image-report';
import type { PackedManifest } from '../../src/data/packed-format';

const DB_NAME = 'dlcv-hw1-datasets';
const STORE = 'datasets';
const KEY = 'active';

/** What is kept for the loaded data set. */
export interface StoredDataset {
  manifest: PackedManifest;
  bytes: Uint8Array;
  report?: LoadReport;
  /** How the set was decoded: files, seconds. */
  timing?: { files: number; seconds: number };
  savedAt: string;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('this browser has no IndexedDB (private mode?), so the data set cannot be kept across reloads'));
      return;
    }
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('could not open IndexedDB'));
  });
}

async function run<T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = op(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? req.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted (storage full?)'));
    });
  } finally {
    db.close();
  }
}

/** The stored data set, or null when there is none (or storage is unavailable). */
export async function loadStored(): Promise<StoredDataset | null> {
  try {
    const v = await run('readonly', (s) => s.get(KEY) as IDBRequest<StoredDataset | undefined>);
    return v && v.manifest && v.bytes instanceof Uint8Array ? v : null;
  } catch {
    return null;
  }
}

/** Stores the data set, replacing any previous one; rejects with a clear message when storage fails. */
export async function saveStored(d: StoredDataset): Promise<void> {
  const compact = d.bytes.byteOffset === 0 && d.bytes.byteLength === d.bytes.buffer.byteLength ? d.bytes : d.bytes.slice();
  await run('readwrite', (s) => s.put({ ...d, bytes: compact }, KEY));
}

/** Deletes the stored data set. */
export async function clearStored(): Promise<void> {
  try {
    await run('readwrite', (s) => s.delete(KEY));
  } catch {
    /* nothing stored where there is no storage */
  }
}
