/**
 * Features computed once for a frozen backbone: every image of a split through the backbone in
 * eval mode, in fixed-shape batches, with progress; then the head trains and evaluates on them.
 */
import { allBatches, fillBatch, type PixelSet } from './batches';
import { type EvalResult, evaluateLogits } from './evaluate';
import type { Model } from './model';
import type { TF, Tensor } from '../tensor/tf-types';

/** Features of `indices` (row i belongs to indices[i]), [indices.length × model.featureSize]. */
export async function extractFeatures(
  tf: TF,
  model: Model,
  set: PixelSet,
  indices: readonly number[],
  batchSize: number,
  prepare: (x: Tensor) => Tensor,
  yieldFn: () => Promise<void>,
  onBatch?: (images: number) => void,
): Promise<Float32Array> {
  const d = model.featureSize;
  const out = new Float32Array(indices.length * d);
  const buf = new Float32Array(batchSize * set.imageSize * set.imageSize * set.channels);
  let row = 0;
  for (const idx of allBatches(indices, batchSize)) {
    fillBatch(set, idx, buf);
    const f = tf.tidy(() => model.features(prepare(tf.tensor4d(buf, [batchSize, set.imageSize, set.imageSize, set.channels]))));
    const data = (await f.data()) as Float32Array;
    f.dispose();
    out.set(data.subarray(0, idx.length * d), row * d);
    row += idx.length;
    onBatch?.(idx.length);
    await yieldFn();
  }
  return out;
}

/** Copies the feature rows `rows` (positions in a features array) into `buf` (batchSize × d, zero-padded). */
export function fillFeatureBatch(features: Float32Array, d: number, rows: readonly number[], buf: Float32Array): Float32Array {
  for (let b = 0; b < rows.length; b++) buf.set(features.subarray(rows[b] * d, rows[b] * d + d), b * d);
  buf.fill(0, rows.length * d);
  return buf;
}

/** Mean cross-entropy, accuracy and predictions of the head on precomputed features (rows in split order). */
export async function evaluateHead(
  tf: TF,
  model: Model,
  features: Float32Array,
  labels: readonly number[],
  batchSize: number,
  yieldFn: () => Promise<void>,
): Promise<EvalResult> {
  const d = model.featureSize;
  const buf = new Float32Array(batchSize * d);
  return evaluateLogits(
    tf,
    labels,
    labels.map((_, i) => i),
    batchSize,
    (rows) => model.head(tf.tensor2d(fillFeatureBatch(features, d, rows, buf), [batchSize, d])),
    yieldFn,
  );
}
