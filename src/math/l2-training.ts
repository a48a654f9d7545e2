/** Trains logistic regression with tfjs by gradient descent, with or without an L2 penalty λ‖w‖², recording ‖w‖. */
import * as tf from '@tensorflow/tfjs';
import type { Papaya } from './papaya-data';

/** Training settings: L2 strength λ (0 = none), number of steps, learning rate. */
export interface TrainOptions {
  lambda: number;
  steps: number;
  lr: number;
}

/** ‖w‖ after every step (index 0 = after the first step) and the final weights and bias. */
export interface TrainResult {
  norms: number[];
  weights: number[];
  bias: number;
}

/** Minimises mean BCE(σ(w·x + b), y) + λ‖w‖² (bias not penalised) from w = 0 by full-batch gradient descent. */
export function trainLogistic(data: readonly Papaya[], opts: TrainOptions): TrainResult {
  const X = tf.tensor2d(data.map((d) => d.x));
  const Y = tf.tensor2d(data.map((d) => [d.y]));
  const [w0, b0] = [tf.zeros([2, 1]), tf.scalar(0)];
  const w = tf.variable(w0);
  const b = tf.variable(b0);
  const norms: tf.Scalar[] = [];
  for (let step = 0; step < opts.steps; step++) {
    tf.tidy(() => {
      const { grads } = tf.variableGrads(() => {
        const logits = tf.matMul(X, w).add(b);
        const data = tf.losses.sigmoidCrossEntropy(Y, logits) as tf.Scalar;
        return data.add(w.square().sum().mul(opts.lambda)) as tf.Scalar;
      }, [w, b]);
      w.assign(w.sub(grads[w.name].mul(opts.lr)));
      b.assign(b.sub(grads[b.name].mul(opts.lr)));
      norms.push(tf.keep(w.norm() as tf.Scalar));
    });
  }
  const stacked = tf.stack(norms);
  const result: TrainResult = {
    norms: Array.from(stacked.dataSync()),
    weights: Array.from(w.dataSync()),
    bias: b.dataSync()[0],
  };
  tf.dispose([X, Y, w0, b0, w, b, stacked, ...norms]);
  return result;
}
