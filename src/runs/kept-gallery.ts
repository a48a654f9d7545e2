/**
 * The misclassified images of a run's gallery (q2.2e), kept beside the run so that its results can be
 * shown again after a reload without its data set: the picks, and each picked image as a small
 * thumbnail (at most THUMB_SIZE pixels a side), packed in pick order.
 */
import { type Pick as GalleryPick, pickMisclassified } from '../charts-data/misclassified-picks';
import { resizeBatch } from '../data/resize';
import type { RunRecord } from '../record/run-record';

/** How many misclassified test images of each true class the gallery shows. */
export const GALLERY_PER_CLASS = 3;

/** The gallery's picks of a finished run (none without test results); `testIndices[i]` is the data-set index of test image i. */
export function galleryPicks(run: Pick<RunRecord, 'test' | 'dataset'>, testIndices: readonly number[]): GalleryPick[][] {
  return run.test ? pickMisclassified(run.test.misclassified, testIndices, run.dataset.classes.length, GALLERY_PER_CLASS) : [];
}

/** The largest side a kept thumbnail has (the gallery draws them at 72 px). */
export const THUMB_SIZE = 64;

/** A run's gallery as kept: picks per true class (data-set indices) and their thumbnails, NHWC uint8. */
export interface KeptGallery {
  picks: GalleryPick[][];
  imageSize: number;
  channels: 1 | 3;
  /** One image per pick, in the order of `picks` flattened. */
  pixels: Uint8Array;
}

/** Pixels of a data set: NHWC uint8, `imageSize` a side. */
export interface SourcePixels {
  pixels: Uint8Array;
  imageSize: number;
  channels: 1 | 3;
}

/** Copies the picked images out of the data set, shrunk to at most THUMB_SIZE a side. */
export function keepGallery(picks: readonly GalleryPick[][], src: SourcePixels): KeptGallery {
  const per = src.imageSize * src.imageSize * src.channels;
  const flat = picks.flat();
  const picked = new Uint8Array(flat.length * per);
  flat.forEach((p, i) => {
    if (!Number.isInteger(p.dataIndex) || p.dataIndex < 0 || (p.dataIndex + 1) * per > src.pixels.length)
      throw new Error(`image ${p.dataIndex} is not in the data set`);
    picked.set(src.pixels.subarray(p.dataIndex * per, (p.dataIndex + 1) * per), i * per);
  });
  const size = Math.min(src.imageSize, THUMB_SIZE);
  const pixels =
    size === src.imageSize
      ? picked
      : (resizeBatch(picked, flat.length, src.imageSize, src.channels, size, { outChannels: src.channels }) as Uint8Array);
  return { picks: picks.map((row) => row.map((p) => ({ ...p }))), imageSize: size, channels: src.channels, pixels };
}

/** The kept gallery as the gallery chart draws it: each pick's image index is its place among the thumbnails. */
export function keptGalleryView(k: KeptGallery): { picks: GalleryPick[][]; pixels: SourcePixels } {
  let at = 0;
  const picks = k.picks.map((row) => row.map((p) => ({ ...p, dataIndex: at++ })));
  return { picks, pixels: { pixels: k.pixels, imageSize: k.imageSize, channels: k.channels } };
}

/** True when `x` has a kept gallery's shape and its pixels fill it exactly (a store's value is checked before use). */
export function isKeptGallery(x: unknown): x is KeptGallery {
  if (typeof x !== 'object' || x === null) return false;
  const k = x as Partial<KeptGallery>;
  const ok =
    Array.isArray(k.picks) &&
    k.picks.every((r) => Array.isArray(r)) &&
    Number.isInteger(k.imageSize) &&
    (k.imageSize ?? 0) > 0 &&
    (k.channels === 1 || k.channels === 3) &&
    k.pixels instanceof Uint8Array;
  return (
    ok &&
    (k.pixels as Uint8Array).length === (k.picks as GalleryPick[][]).flat().length * (k.imageSize as number) ** 2 * (k.channels as number)
  );
}
