/** Loads the PyTorch cnn64 fixture (weights and one training case) for tests. */
import { readFileSync } from 'node:fs';
import type { TF, Tensor } from '../../../../src/tensor/tf-types';
import { readSafetensors } from '../../../../src/tensor/weights/safetensors';
import type { TensorMap } from '../../../../src/tensor/weights/tensor-map';

export const CNN64_DIR = '../shared/fixtures/cnn64';

/** The fixture's weights and case tensors. */
export function loadCnn64(): { weights: TensorMap; caseT: TensorMap } {
  return {
    weights: readSafetensors(readFileSync(`${CNN64_DIR}/weights.safetensors`)).tensors,
    caseT: readSafetensors(readFileSync(`${CNN64_DIR}/case.safetensors`)).tensors,
  };
}

/** The case input converted NCHW → NHWC, and its labels as int32. */
export function caseInputs(tf: TF, caseT: TensorMap): { x: Tensor; labels: Tensor } {
  const xs = caseT.get('x');
  const ls = caseT.get('labels');
  if (!xs || !ls) throw new Error('case.safetensors lacks x or labels');
  const x = tf.tidy(() => tf.transpose(tf.tensor(xs.data as Float32Array, xs.shape), [0, 2, 3, 1]));
  return { x, labels: tf.tensor1d(ls.data as number[], 'int32') };
}

/** max |a − b| / max |b|: the relative error norm the tests state. */
export function relError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) return Infinity;
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs(actual[i] - expected[i]));
    scale = Math.max(scale, Math.abs(expected[i]));
  }
  return scale === 0 ? diff : diff / scale;
}
