import { emptyProgress, type Progress } from './progress';

/** The part of the Web Storage API the store needs (injected, so tests can simulate failures). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const PROGRESS_KEY = 'dlcv-hw1:progress:v1';

export type StoreWarning = { kind: 'unavailable' | 'quota' | 'corrupt'; message: string };

/** Loads progress; never throws. A corrupt saved copy is kept aside under a backup key, not lost. */
export function loadProgress(storage: StorageLike | null, key = PROGRESS_KEY): { progress: Progress; warning: StoreWarning | null } {
  if (!storage) return { progress: emptyProgress(), warning: unavailable() };
  let text: string | null;
  try {
    text = storage.getItem(key);
  } catch {
    return { progress: emptyProgress(), warning: unavailable() };
  }
  if (text === null) return { progress: emptyProgress(), warning: null };
  try {
    const data = JSON.parse(text) as Progress;
    if (data && data.version === 1 && typeof data.answers === 'object' && data.answers !== null) {
      return { progress: { ...emptyProgress(), ...data }, warning: null };
    }
  } catch {
    /* fall through to the corrupt case */
  }
  try {
    storage.setItem(`${key}:corrupt-backup`, text);
  } catch {
    /* the backup is best effort */
  }
  return {
    progress: emptyProgress(),
    warning: { kind: 'corrupt', message: 'Your saved progress could not be read; a copy was kept aside and the book started afresh.' },
  };
}

/** Saves progress; returns a warning instead of throwing when storage is full or unavailable. */
export function saveProgress(storage: StorageLike | null, progress: Progress, key = PROGRESS_KEY): StoreWarning | null {
  if (!storage) return unavailable();
  try {
    storage.setItem(key, JSON.stringify(progress));
    return null;
  } catch (e) {
    const name = (e as { name?: string }).name ?? '';
    if (/quota/i.test(name) || /quota/i.test(String((e as Error).message))) {
      return {
        kind: 'quota',
        message: 'The browser’s storage is full, so your latest changes are not saved. Download your submission now to keep them.',
      };
    }
    return unavailable();
  }
}

/** Clears saved progress (after the student confirmed a reset). */
export function clearProgress(storage: StorageLike | null, key = PROGRESS_KEY): StoreWarning | null {
  if (!storage) return unavailable();
  try {
    storage.removeItem(key);
    return null;
  } catch {
    return unavailable();
  }
}

function unavailable(): StoreWarning {
  return {
    kind: 'unavailable',
    message:
      'This browser does not let the book save your progress (private mode or blocked storage). Your answers last only until you close the page: download your submission to keep them.',
  };
}
