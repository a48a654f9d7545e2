/**
 * IndexedDB storage of the loaded data set (packed bytes, manifest, load report), so a reload does not decode again.
 * Unlike the runs, a data set is never kept in memory only: without IndexedDB, saving rejects with a clear message.
 */
import type { LoadReport } from '../../src/data/image-report';
import type { PackedManifest } from '../../src/data/packed-format';
import { openDatabase } from '../lib/idb';

const KEY = 'active';
const db = openDatabase('dlcv-hw1-datasets', [{ name: 'datasets' }]);
const datasets = db.store<StoredDataset>('datasets');

/** What is kept for the loaded data set. */
export interface StoredDataset {
  manifest: PackedManifest;
  bytes: Uint8Array;
  report?: LoadReport;
  /** How the set was decoded: files, seconds. */
  timing?: { files: number; seconds: number };
  savedAt: string;
}

/** The stored data set, or null when there is none (or storage is unavailable). */
export async function loadStored(): Promise<StoredDataset | null> {
  try {
    if (!(await db.persistent())) return null;
    const v = await datasets.get(KEY);
    return v?.manifest && v.bytes instanceof Uint8Array ? v : null;
  } catch {
    return null;
  }
}

/** Stores the data set, replacing any previous one; rejects with a clear message when storage fails. */
export async function saveStored(d: StoredDataset): Promise<void> {
  if (!(await db.persistent()))
    throw new Error('this browser has no IndexedDB (private mode?), so the data set cannot be kept across reloads');
  const compact = d.bytes.byteOffset === 0 && d.bytes.byteLength === d.bytes.buffer.byteLength ? d.bytes : d.bytes.slice();
  await datasets.put({ ...d, bytes: compact }, KEY);
}

/** Deletes the stored data set. */
export async function clearStored(): Promise<void> {
  try {
    if (await db.persistent()) await datasets.delete(KEY);
  } catch {
    /* nothing stored where there is no storage */
  }
}
