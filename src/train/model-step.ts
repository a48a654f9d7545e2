/**
 * One reported training step of any Model, in PyTorch names and layouts: train-mode logits, mean
 * cross-entropy, the gradient of every trainable parameter, the parameters after one Adam step
 * (PyTorch's), and the BatchNorm running statistics after the step — what `npm run train-step`
 * writes and what the PyTorch fixtures hold.
 */
import { type AdamOptions, createAdam } from './adam';
import { softmaxCrossEntropy } from './loss';
import type { Model, TorchState } from './model';
import { readTorchLayout } from './model';
import type { TF, Tensor } from '../tensor/tf-types';

/** Takes one step on `model` (changing it) with NHWC `x` and integer `labels`; returns the report tensors. */
export async function reportedTrainStep(
  tf: TF,
  model: Model,
  x: Tensor,
  labels: ArrayLike<number>,
  adam: AdamOptions = { learningRate: 1e-3 },
): Promise<TorchState> {
  if (labels.length !== x.shape[0]) throw new Error(`${labels.length} labels for a batch of ${x.shape[0]} images`);
  for (let i = 0; i < labels.length; i++) {
    if (!Number.isInteger(labels[i]) || labels[i] < 0 || labels[i] >= model.classes)
      throw new Error(`label ${labels[i]} of image ${i} is outside 0..${model.classes - 1}`);
  }
  const names = new Map([...model.trainable].map(([n, v]) => [v.name, n]));
  const y = tf.tensor1d(Int32Array.from(labels), 'int32');
  let logits: Tensor | null = null;
  const { value, grads } = tf.variableGrads(() => {
    const z = model.forward(x, { training: true });
    logits = tf.keep(z);
    return softmaxCrossEntropy(tf, z, y) as import('@tensorflow/tfjs-core').Scalar;
  }, [...model.trainable.values()]);
  const byName = new Map(Object.entries(grads).map(([k, g]) => [names.get(k) as string, g]));
  const out: TorchState = new Map();
  const z = logits as unknown as Tensor;
  out.set('logits', { shape: z.shape, data: (await z.data()) as Float32Array });
  out.set('loss', { shape: [1], data: (await value.data()) as Float32Array });
  for (const [n, t] of await readTorchLayout(model, byName)) out.set(`grad.${n}`, t);
  const opt = createAdam(tf, model.trainable, adam);
  try {
    opt.apply(byName);
    for (const [n, t] of await readTorchLayout(model, model.trainable)) out.set(`after_adam.${n}`, t);
  } finally {
    opt.dispose();
    tf.dispose([value, z, y, ...byName.values()]);
  }
  for (const [n, t] of await readTorchLayout(model, model.buffers)) out.set(`after_step.${n}`, t);
  return out;
}
