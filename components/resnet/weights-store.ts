/** The ResNet-18 weights file kept in this browser after the first load (IndexedDB, through the book's one wrapper). */
import { openDatabase } from '../lib/idb';

/** A kept file: its bytes and name, and the course URL it was downloaded from (absent for a picked file). */
export interface KeptWeights {
  name: string;
  bytes: Uint8Array;
  savedAt: string;
  courseUrl?: string;
}

const db = openDatabase('dlcv-hw1-resnet-weights', [{ name: 'files' }]);
const files = db.store<KeptWeights>('files');
const KEY = 'resnet18';

/** The kept file, or null (none yet, or the store cannot be read). */
export async function keptWeights(): Promise<KeptWeights | null> {
  try {
    return (await files.get(KEY)) ?? null;
  } catch {
    return null;
  }
}

/** Keeps `bytes` as the weights file (replacing the previous one only once this succeeds); true when it survives a reload. */
export async function keepWeights(name: string, bytes: Uint8Array, courseUrl?: string): Promise<boolean> {
  await files.put({ name, bytes, savedAt: new Date().toISOString(), ...(courseUrl ? { courseUrl } : {}) }, KEY);
  return db.persistent();
}
