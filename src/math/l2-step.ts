/** One gradient step with L2 regularisation: the reference by tfjs autodiff of the regularised cost, and the named conventions. */
import * as tf from '@tensorflow/tfjs';

/** A single weight w, the data-loss gradient ∂L/∂w at w, the learning rate α and the L2 strength λ. */
export interface L2StepInput {
  w: number;
  dLdw: number;
  lr: number;
  lambda: number;
}

/** w − α·∂J/∂w for J(w) = L(w) + λw², differentiated by tfjs (L is linear near w with slope ∂L/∂w). */
export function l2StepAutodiff(s: L2StepInput): number {
  return tf.tidy(() => {
    const w = tf.scalar(s.w);
    const cost = (v: tf.Tensor) => v.mul(s.dLdw).add(v.square().mul(s.lambda)) as tf.Scalar;
    const grad = tf.grad(cost)(w);
    return w.sub(grad.mul(s.lr)).dataSync()[0];
  });
}

/** PyTorch's `weight_decay=λ` step, w − α(∂L/∂w + λw): the gradient of L + (λ/2)w², a different convention. */
export function weightDecayStep(s: L2StepInput): number {
  return s.w - s.lr * (s.dLdw + s.lambda * s.w);
}

/** The step without regularisation, w − α·∂L/∂w. */
export function plainStep(s: L2StepInput): number {
  return s.w - s.lr * s.dLdw;
}
