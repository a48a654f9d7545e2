/** Mean softmax cross-entropy from logits, numerically stable, with an exact hand-written gradient. */
import type { TF, Tensor } from '../tensor/tf-types';

/**
 * Mean over the batch of −log softmax(logits)[label]; log-softmax is computed as z − max − log Σ exp(z − max).
 * `labels` is an int32 tensor [N]. The gradient w.r.t. logits is (softmax − onehot)/N, so no
 * max-gradient kernel is needed on any backend. Call inside tf.tidy or tf.variableGrads (intermediates are not freed here).
 */
export function softmaxCrossEntropy(tf: TF, logits: Tensor, labels: Tensor): Tensor {
  const [n, k] = logits.shape;
  if (logits.rank !== 2 || labels.rank !== 1 || labels.shape[0] !== n) {
    throw new Error(`softmaxCrossEntropy: logits [N, K] and labels [N] expected, got [${logits.shape}] and [${labels.shape}]`);
  }
  const oneHot = tf.oneHot(labels as import('@tensorflow/tfjs-core').Tensor1D, k);
  const f = tf.customGrad(((z: Tensor, save: (ts: Tensor[]) => void) => {
    const m = tf.max(z, 1, true);
    const shifted = tf.sub(z, m);
    const logp = tf.sub(shifted, tf.log(tf.sum(tf.exp(shifted), 1, true)));
    save([logp, oneHot]);
    const value = tf.div(tf.neg(tf.sum(tf.mul(logp, oneHot))), n);
    return {
      value,
      gradFunc: (dy: Tensor, saved: Tensor[]) => tf.mul(tf.div(tf.sub(tf.exp(saved[0]), saved[1]), n), dy),
    };
  }) as unknown as Parameters<TF['customGrad']>[0]);
  return f(logits) as Tensor;
}
