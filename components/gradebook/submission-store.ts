/** The instructor's loaded submission files and course file, kept in IndexedDB so that a reload grades them again, until the instructor clears them. */
import type { InputFile } from '../../src/grading/unpack-files';
import { openDatabase } from '../lib/idb';

/** What a reload restores: the files as loaded, and the text of the course file the instructor gave (null: the site's course.json). */
export interface KeptBatch {
  files: InputFile[];
  course: string | null;
}

const KEY = 'batch';
const db = openDatabase('dlcv-hw1-instructor', [{ name: 'submissions' }]);
const store = () => db.store<KeptBatch & { savedAt: string }>('submissions');

/** The batch kept from an earlier visit (empty when nothing was kept or storage cannot be read). */
export async function loadKept(): Promise<KeptBatch> {
  try {
    const kept = await store().get(KEY);
    const files = Array.isArray(kept?.files) ? kept.files.filter((f) => typeof f?.name === 'string' && f.bytes instanceof Uint8Array) : [];
    return { files, course: typeof kept?.course === 'string' ? kept.course : null };
  } catch {
    return { files: [], course: null };
  }
}

/** Keeps `batch` for the next visit; 'memory' when IndexedDB is unavailable and it will not survive a reload. */
export async function keepBatch(batch: KeptBatch): Promise<'kept' | 'memory'> {
  await store().put({ files: batch.files.slice(), course: batch.course, savedAt: new Date().toISOString() }, KEY);
  return (await db.persistent()) ? 'kept' : 'memory';
}

/** Forgets the kept batch. */
export async function forgetKept(): Promise<void> {
  await store().delete(KEY);
}
