/** Evaluation over a split in fixed-shape batches (the last one padded; padded rows are ignored). */
import { allBatches, fillBatch, fillLabels, type PixelSet } from './batches';
import type { Model } from './model';
import type { TF } from './tf-types';

/** Mean loss, accuracy and the per-image predictions of one split. */
export interface EvalResult {
  loss: number;
  accuracy: number;
  predicted: number[];
}

/** Runs the model over `indices` and returns mean cross-entropy, accuracy and predictions (in `indices` order). */
export async function evaluate(
  tf: TF, model: Pick<Model, 'forward'>, set: PixelSet, labels: ArrayLike<number>, indices: readonly number[], batchSize: number,
  yieldFn: () => Promise<void>,
): Promise<EvalResult> {
  const per = set.imageSize * set.imageSize * set.channels;
  const buf = new Float32Array(batchSize * per);
  const predicted: number[] = [];
  let lossSum = 0;
  let correct = 0;
  for (const idx of allBatches(indices, batchSize)) {
    fillBatch(set, idx, buf);
    const y = fillLabels(labels, idx, batchSize);
    const [losses, preds] = tf.tidy(() => {
      const x = tf.tensor4d(buf, [batchSize, set.imageSize, set.imageSize, set.channels]);
      const logits = model.forward(x);
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
