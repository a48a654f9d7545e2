/**
 * The data set the book works on: the one the student loaded (kept in IndexedDB) or else the
 * default stand-in (public/data/default.json + .bin). Pages read it with getActiveDataset() and
 * listen for 'dataset-change' on `datasetEvents` (detail: the new ActiveDataset).
 */
import type { LoadReport } from '../../src/data/image-report';
import { decodePacked, type PackedDataset, type PackedManifest } from '../../src/data/packed-format';
import { clearStored, loadStored, saveStored, type StoredDataset } from './dataset-store';
import { pageBase } from '../lib/base-path';

/** A data set ready to use, with where it came from. */
export interface ActiveDataset {
  manifest: PackedManifest;
  dataset: PackedDataset;
  origin: 'default' | 'loaded';
  report?: LoadReport;
  timing?: StoredDataset['timing'];
}

/** Fires 'dataset-change' (a CustomEvent whose detail is the ActiveDataset) when the data set is replaced or forgotten. */
export const datasetEvents = new EventTarget();
export const DATASET_CHANGE = 'dataset-change';

let defaultPromise: Promise<ActiveDataset> | null = null;
let activePromise: Promise<ActiveDataset | null> | null = null;

/** The default data set, fetched once (manifest and binary) and checked against its hash. */
export function getDefaultDataset(): Promise<ActiveDataset> {
  defaultPromise ??= (async () => {
    const base = pageBase();
    const [mRes, bRes] = await Promise.all([fetch(`${base}data/default.json`), fetch(`${base}data/default.bin`)]);
    if (!mRes.ok || !bRes.ok) throw new Error(`could not download the default data set (HTTP ${mRes.ok ? bRes.status : mRes.status})`);
    const dataset = await decodePacked(await mRes.text(), new Uint8Array(await bRes.arrayBuffer()));
    return { manifest: dataset.manifest, dataset, origin: 'default' as const };
  })();
  defaultPromise.catch(() => {
    defaultPromise = null;
  });
  return defaultPromise;
}

/** The student's loaded data set from IndexedDB, or null; a stored set that fails its checks is dropped. */
export async function getLoadedDataset(): Promise<ActiveDataset | null> {
  const stored = await loadStored();
  if (!stored) return null;
  try {
    const dataset = await decodePacked(stored.manifest, stored.bytes);
    return { manifest: dataset.manifest, dataset, origin: 'loaded', report: stored.report, timing: stored.timing };
  } catch {
    await clearStored();
    return null;
  }
}

/** The data set to work on: the loaded one, else the default; null only when neither can be read. */
export function getActiveDataset(): Promise<ActiveDataset | null> {
  activePromise ??= (async () => (await getLoadedDataset()) ?? (await getDefaultDataset().catch(() => null)))();
  return activePromise;
}

/** Makes `d` the active data set (kept in IndexedDB), or forgets the loaded one when `d` is null; fires 'dataset-change'. */
export async function setActiveDataset(
  d: { manifest: PackedManifest; bytes: Uint8Array; report?: LoadReport; timing?: StoredDataset['timing'] } | null,
): Promise<{ active: ActiveDataset | null; stored: boolean; storeError?: string }> {
  let stored = false;
  let storeError: string | undefined;
  let active: ActiveDataset | null;
  if (d === null) {
    await clearStored();
    active = await getDefaultDataset().catch(() => null);
  } else {
    const dataset = await decodePacked(d.manifest, d.bytes);
    active = { manifest: dataset.manifest, dataset, origin: 'loaded', report: d.report, timing: d.timing };
    try {
      await saveStored({ ...d, savedAt: new Date().toISOString() });
      stored = true;
    } catch (e) {
      storeError = (e as Error)?.message ?? String(e);
    }
  }
  activePromise = Promise.resolve(active);
  datasetEvents.dispatchEvent(new CustomEvent(DATASET_CHANGE, { detail: active }));
  return { active, stored, storeError };
}
