/** Reference derivatives of softmax and cross-entropy by tfjs automatic differentiation (float32). */
import * as tf from '@tensorflow/tfjs';

/** The softmax Jacobian J[k][j] = ∂ŷ_k/∂z_j by autodiff: one tf.grad per output ŷ_k gives row k. */
export function softmaxJacobianAutodiff(z: readonly number[]): number[][] {
  return tf.tidy(() => {
    const zt = tf.tensor1d([...z]);
    return z.map((_, k) => {
      const row = tf.grad((x: tf.Tensor) => tf.softmax(x).slice([k], [1]).sum());
      return Array.from(row(zt).dataSync());
    });
  });
}

/** The softmax of z computed by tfjs in float32. */
export function softmaxTf(z: readonly number[]): number[] {
  return tf.tidy(() => Array.from(tf.softmax(tf.tensor1d([...z])).dataSync()));
}

/** ∂L/∂z of L = −log softmax(z)[target] by autodiff (equals ŷ − y). */
export function ceGradAutodiff(z: readonly number[], target: number): number[] {
  return tf.tidy(() => {
    const loss = (x: tf.Tensor) => tf.logSoftmax(x).slice([target], [1]).sum().neg();
    return Array.from(
      tf
        .grad(loss)(tf.tensor1d([...z]))
        .dataSync(),
    );
  });
}

/** ∂L/∂W[2] (K×Da) of L = −log softmax(W[2]a[1] + b[2])[target] by autodiff (equals (ŷ − y)a[1]ᵀ). */
export function ceWeightGradAutodiff(
  w2: readonly (readonly number[])[],
  b2: readonly number[],
  a1: readonly number[],
  target: number,
): number[][] {
  return tf.tidy(() => {
    const a = tf.tensor2d([...a1], [a1.length, 1]);
    const b = tf.tensor1d([...b2]);
    const loss = (w: tf.Tensor) => {
      const z = tf
        .matMul(w as tf.Tensor2D, a)
        .reshape([b2.length])
        .add(b);
      return tf.logSoftmax(z).slice([target], [1]).sum().neg();
    };
    const g = tf.grad(loss)(tf.tensor2d(w2.map((r) => [...r])));
    return g.arraySync() as number[][];
  });
}
