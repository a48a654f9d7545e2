/**
 * The features the feature-space views draw: the 512 inputs of fc for every validation image and
 * an evenly spaced subset of the training images, in eval mode, batched, with progress; and the
 * run record's summary of them (class centroid distances, for exercise q2.3.features).
 */
import { classCentroidDistances } from '../../src/homework/q2-3-features';
import { imagenetNormalise } from '../../src/train/model-build';
import { extractFeatures } from '../../src/train/model-features';
import type { Model } from '../../src/train/model';
import { prepareImages } from '../../src/train/prepare-images';
import type { FeatureSpaceSummary } from '../../src/record/run-record';
import type { TF } from '../../src/tensor/tf-types';
import type { TrainData, TrainSplit } from '../../src/train/trainer';

/** Training images drawn at most (all of the validation split is drawn); t-SNE of ~2,000 points takes seconds. */
export const MAX_TRAIN_POINTS = 1500;

/** Features of some images with their data-set index, class and split. */
export interface FeatureSet {
  features: Float32Array;
  d: number;
  index: number[];
  labels: number[];
  splits: ('train' | 'val')[];
}

/** Every k-th index so that at most `max` remain. */
export function spaced(indices: readonly number[], max: number): number[] {
  if (indices.length <= max) return [...indices];
  const step = indices.length / max;
  return Array.from({ length: max }, (_, i) => indices[Math.floor(i * step)]);
}

/** Per-image backbone features of one set of weights, data set, input size and normalisation, kept for this page. */
export const featureCache = new Map<string, Map<number, Float32Array>>();

/**
 * The cache entry for these weights (SHA-256, or the seeded init when there is no file), data set and size; the
 * same key train() uses for a frozen backbone, so a frozen run's features serve the views without recomputing.
 */
export function featureRows(weightsSha: string | null, seed: number, datasetHash: string, imageSize: number): Map<number, Float32Array> {
  const key = `${weightsSha ?? `init-${seed}`}|${datasetHash}|${imageSize}|imagenet`;
  let rows = featureCache.get(key);
  if (!rows) featureCache.set(key, (rows = new Map()));
  return rows;
}

/** Features of the validation images and a spaced subset of the training images through `model`'s backbone (eval mode); `rows` caches them per image. */
export async function computeFeatureSet(
  tf: TF,
  model: Model,
  data: TrainData,
  split: TrainSplit,
  imageSize: number,
  batchSize: number,
  onProgress: (done: number, total: number) => void,
  rows: Map<number, Float32Array> = new Map(),
): Promise<FeatureSet> {
  const train = spaced(split.train, MAX_TRAIN_POINTS);
  const index = [...train, ...split.val];
  const d = model.featureSize;
  const missing = index.filter((i) => !rows.has(i));
  let done = 0;
  onProgress(0, missing.length);
  if (missing.length) {
    const set = prepareImages({ pixels: data.images, imageSize: data.imageSize, channels: data.channels }, data.labels.length, imageSize);
    const computed = await extractFeatures(
      tf,
      model,
      set,
      missing,
      batchSize,
      (x) => imagenetNormalise(tf, x),
      () => new Promise((r) => setTimeout(r, 0)),
      (n) => {
        done += n;
        onProgress(done, missing.length);
      },
    );
    missing.forEach((img, r) => rows.set(img, computed.slice(r * d, (r + 1) * d)));
  }
  const features = new Float32Array(index.length * d);
  index.forEach((img, r) => features.set(rows.get(img) as Float32Array, r * d));
  return {
    features,
    d,
    index,
    labels: index.map((i) => data.labels[i]),
    splits: [...train.map(() => 'train' as const), ...split.val.map(() => 'val' as const)],
  };
}

/** The validation rows of a feature set, as their own set. */
export function valOnly(f: FeatureSet): FeatureSet {
  const rows = f.splits.flatMap((s, i) => (s === 'val' ? [i] : []));
  const features = new Float32Array(rows.length * f.d);
  rows.forEach((r, k) => features.set(f.features.subarray(r * f.d, (r + 1) * f.d), k * f.d));
  return {
    features,
    d: f.d,
    index: rows.map((r) => f.index[r]),
    labels: rows.map((r) => f.labels[r]),
    splits: rows.map(() => 'val' as const),
  };
}

/** What the run record keeps of a feature set. */
export function summarise(f: FeatureSet, classes: number): FeatureSpaceSummary {
  return {
    splits: [...new Set(f.splits)],
    points: f.labels.length,
    featureSize: f.d,
    classCentroidDistances: classCentroidDistances(f.features, f.d, f.labels, classes).map((row) => row.map((v) => Number(v.toFixed(6)))),
  };
}
