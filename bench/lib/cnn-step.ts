/** One Adam training step of the homework CNN on a fixed, seeded batch (for benchmarks). */
import { createAdam } from '../../src/train/adam';
import { initCnn } from '../../src/train/cnn';
import { softmaxCrossEntropy } from '../../src/train/loss';
import type { TF } from '../../src/tensor/tf-types';

/** A step function (resolves once the loss is read back) and one gradient evaluation without an update. */
export interface CnnStep {
  step(): Promise<number>;
  /** Gradients of the loss for the current parameters, keyed by PyTorch parameter name. */
  grads(): Promise<Map<string, Float32Array>>;
  dispose(): void;
}

/** Builds the model (seed 0), Adam (lr 1e-3) and a batch of uniform images with labels 0…9 repeated. */
export function makeCnnStep(tf: TF, size: number, batch: number): CnnStep {
  const cnn = initCnn(tf, { imageSize: size }, 0);
  const adam = createAdam(tf, cnn.params, { learningRate: 1e-3 });
  const x = tf.randomUniform([batch, size, size, 3], 0, 1, 'float32', 1);
  const y = tf.tensor1d(
    Array.from({ length: batch }, (_, i) => i % 10),
    'int32',
  );
  const vars = [...cnn.params.values()];
  const names = new Map([...cnn.params].map(([n, p]) => [p.name, n]));
  const lossGrads = () =>
    tf.variableGrads(() => softmaxCrossEntropy(tf, cnn.forward(x), y) as import('@tensorflow/tfjs-core').Scalar, vars);
  return {
    async step() {
      const loss = tf.tidy(() => {
        const { value, grads } = lossGrads();
        adam.apply(new Map(Object.entries(grads).map(([k, g]) => [names.get(k) as string, g])));
        return value;
      });
      const v = (await loss.data())[0];
      loss.dispose();
      return v;
    },
    async grads() {
      const { value, grads } = lossGrads();
      const out = new Map<string, Float32Array>();
      for (const [k, g] of Object.entries(grads)) out.set(names.get(k) as string, (await g.data()) as Float32Array);
      tf.dispose([value, ...Object.values(grads)]);
      return out;
    },
    dispose() {
      tf.dispose([x, y]);
      adam.dispose();
      cnn.dispose();
    },
  };
}
