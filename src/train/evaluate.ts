/** Evaluation over a split in fixed-shape batches (the last one padded; padded rows are ignored). */
import { allBatches, fillBatch, fillLabels, type PixelSet } from './batches';
import type { Model } from './model';
import type { TF, Tensor } from '../tensor/tf-types';

/** Mean loss, accuracy and the per-image predictions of one split. */
export interface EvalResult {
  loss: number;
  accuracy: number;
  predicted: number[];
}

/**
 * The loop every evaluation shares: for each fixed-shape batch of `indices`, the logits `logitsOf`
 * builds (inside a tidy), summed into mean cross-entropy, accuracy and predictions (in `indices` order).
 */
export async function evaluateLogits(
  tf: TF,
  labels: ArrayLike<number>,
  indices: readonly number[],
  batchSize: number,
  logitsOf: (idx: readonly number[]) => Tensor,
  yieldFn: () => Promise<void>,
): Promise<EvalResult> {
  const predicted: number[] = [];
  let lossSum = 0;
  let correct = 0;
  for (const idx of allBatches(indices, batchSize)) {
    const y = fillLabels(labels, idx, batchSize);
    const [losses, preds] = tf.tidy(() => {
      const logits = logitsOf(idx);
      const logp = tf.logSoftmax(logits);
      const rowLoss = tf.neg(tf.sum(tf.mul(logp, tf.oneHot(tf.tensor1d(y, 'int32'), logits.shape[1] as number)), 1));
      return [rowLoss, tf.argMax(logits, 1)];
    });
    const [l, p] = await Promise.all([losses.data(), preds.data()]);
    tf.dispose([losses, preds]);
    for (let b = 0; b < idx.length; b++) {
      lossSum += l[b];
      predicted.push(p[b]);
      if (p[b] === y[b]) correct++;
    }
    await yieldFn();
  }
  const n = indices.length;
  return { loss: n ? lossSum / n : NaN, accuracy: n ? correct / n : NaN, predicted };
}

/** Runs the model over `indices` and returns mean cross-entropy, accuracy and predictions (in `indices` order). */
export async function evaluate(
  tf: TF,
  model: Pick<Model, 'forward'>,
  set: PixelSet,
  labels: ArrayLike<number>,
  indices: readonly number[],
  batchSize: number,
  yieldFn: () => Promise<void>,
): Promise<EvalResult> {
  const buf = new Float32Array(batchSize * set.imageSize * set.imageSize * set.channels);
  return evaluateLogits(
    tf,
    labels,
    indices,
    batchSize,
    (idx) => {
      fillBatch(set, idx, buf);
      return model.forward(tf.tensor4d(buf, [batchSize, set.imageSize, set.imageSize, set.channels]));
    },
    yieldFn,
  );
}
