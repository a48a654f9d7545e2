/**
 * BatchNorm2d exactly as PyTorch's (eps 1e-5, momentum 0.1) on NHWC activations. Train mode
 * normalises with the batch's mean and biased variance and moves the running statistics towards
 * the batch's mean and *unbiased* variance; eval mode uses the running statistics.
 */
import type { TF, Tensor, Variable } from '../tensor/tf-types';

/** PyTorch's defaults (tfjs layers would use eps 1e-3 and the reversed momentum 0.99). */
export const BN_EPS = 1e-5;
export const BN_MOMENTUM = 0.1;

/** One BatchNorm layer: learnable scale/shift, running statistics, and PyTorch's batch counter. */
export interface BatchNormLayer {
  weight: Variable;
  bias: Variable;
  runningMean: Variable;
  runningVar: Variable;
  /** num_batches_tracked: train-mode batches seen (kept on the host, exported as I64). */
  batches: number;
}

/**
 * Normalises NHWC `x` per channel. With `training`, uses batch statistics and updates the running
 * ones in place (a variable assignment: not on the path to the loss, so gradients ignore it).
 */
export function batchNorm(tf: TF, x: Tensor, bn: BatchNormLayer, training: boolean): Tensor {
  if (!training) {
    const scale = tf.mul(bn.weight, tf.rsqrt(tf.add(bn.runningVar, BN_EPS)));
    return tf.add(tf.mul(tf.sub(x, bn.runningMean), scale), bn.bias);
  }
  const [n, h, w] = x.shape;
  const count = n * h * w;
  if (count < 2)
    throw new Error(
      `BatchNorm in train mode needs more than 1 value per channel, got input [${x.shape}] (use a larger batch or image, or eval-mode BatchNorm)`,
    );
  const mean = tf.mean(x, [0, 1, 2]);
  const centred = tf.sub(x, mean);
  const variance = tf.mean(tf.square(centred), [0, 1, 2]);
  const y = tf.add(tf.mul(centred, tf.mul(bn.weight, tf.rsqrt(tf.add(variance, BN_EPS)))), bn.bias);
  tf.tidy(() => {
    const unbiased = tf.mul(variance, count / (count - 1));
    bn.runningMean.assign(tf.add(tf.mul(bn.runningMean, 1 - BN_MOMENTUM), tf.mul(mean, BN_MOMENTUM)));
    bn.runningVar.assign(tf.add(tf.mul(bn.runningVar, 1 - BN_MOMENTUM), tf.mul(unbiased, BN_MOMENTUM)));
  });
  bn.batches += 1;
  return y;
}
