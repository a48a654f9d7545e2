/** Builds any model of the registry (models/) from a PyTorch state_dict, so callers name only the kind. */
import type { Model, TorchState } from './model';
import type { BuildOptions } from './models/model-definition';
import { type ModelKind, modelOf } from './models';
import type { TF, Tensor } from '../tensor/tf-types';

export type { BuildOptions } from './models/model-definition';
export { cnnImageSize } from './models/cnn';

/** A model of `kind` from `state` (PyTorch names and layouts); an unknown kind throws, naming the choices. */
export function buildModel(tf: TF, kind: ModelKind, state: TorchState, opts: BuildOptions = {}): Model {
  return modelOf(kind).build(tf, state, opts);
}

/** Checks a state_dict's names and shapes against `kind` (throws the list of problems); 'none' skips the check. */
export function checkModelState(kind: ModelKind | 'none', state: TorchState): void {
  if (kind !== 'none') modelOf(kind).checkState(state);
}

/** ImageNet's per-channel mean and standard deviation (RGB), as torchvision's pretrained weights expect. */
export const IMAGENET_MEAN = [0.485, 0.456, 0.406] as const;
export const IMAGENET_STD = [0.229, 0.224, 0.225] as const;

/** (x − mean) / std per channel of NHWC images in [0, 1]. */
export function imagenetNormalise(tf: TF, x: Tensor): Tensor {
  return tf.tidy(() => tf.div(tf.sub(x, tf.tensor1d([...IMAGENET_MEAN])), tf.tensor1d([...IMAGENET_STD])));
}
