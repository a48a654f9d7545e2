/** Builds either model of the engine from a PyTorch state_dict (or a seeded init), so callers name only the kind. */
import { cnnFromTorch, initTorchState, torchShapes } from './cnn';
import { type Model, type ModelKind, type TorchState, checkState, describeStateCheck, stateCheckOk } from './model';
import { type ResNet18Options, checkResnet18State, resnet18FromTorch } from './resnet18';
import type { TF, Tensor } from './tf-types';

/** What a model needs besides its weights. */
export interface BuildOptions extends ResNet18Options {
  /** Input side; the CNN needs it (its fc depends on it), ResNet-18 takes any size. */
  imageSize?: number;
}

/** The CNN's input side implied by its fc.weight ([classes, 128·(s/16)²]), or null. */
export function cnnImageSize(state: ReadonlyMap<string, { shape: number[] }>): number | null {
  const s = state.get('fc.weight')?.shape;
  if (!s || s.length !== 2) return null;
  const side = Math.sqrt(s[1] / 128);
  return Number.isInteger(side) && side >= 1 ? side * 16 : null;
}

/** A model of `kind` from `state` (PyTorch names and layouts). */
export function buildModel(tf: TF, kind: ModelKind, state: TorchState, opts: BuildOptions = {}): Model {
  if (kind === 'resnet18') return resnet18FromTorch(tf, state, opts);
  if (kind !== 'cnn') throw new Error(`unknown model "${String(kind)}" (cnn or resnet18)`);
  if (opts.frozenBackbone) throw new Error('the CNN trains from scratch: a frozen backbone applies to ResNet-18 only');
  const imageSize = opts.imageSize ?? cnnImageSize(state);
  if (imageSize === null) throw new Error('the CNN needs an image size (none given, and fc.weight does not imply one)');
  const classes = opts.classes ?? state.get('fc.weight')?.shape[0] ?? 10;
  return cnnFromTorch(tf, state, { imageSize, inChannels: state.get('conv1.weight')?.shape[1] ?? 3, classes });
}

/** A seeded, freshly initialised CNN state_dict (PyTorch's default init). */
export function initCnnState(imageSize: number, classes: number, seed: number): TorchState {
  return initTorchState({ imageSize, inChannels: 3, classes }, seed);
}

/** Checks a state_dict's names and shapes against `kind` (throws the list of problems); 'none' skips the check. */
export function checkModelState(kind: ModelKind | 'none', state: TorchState): void {
  if (kind === 'none') return;
  if (kind === 'resnet18') { checkResnet18State(state); return; }
  const imageSize = cnnImageSize(state);
  const shapes = torchShapes({ imageSize: imageSize ?? 64, inChannels: state.get('conv1.weight')?.shape[1] ?? 3, classes: state.get('fc.weight')?.shape[0] ?? 10 });
  const c = checkState(state, shapes);
  if (!stateCheckOk(c)) throw new Error(describeStateCheck(c, 'the homework CNN'));
}

/** ImageNet's per-channel mean and standard deviation (RGB), as torchvision's pretrained weights expect. */
export const IMAGENET_MEAN = [0.485, 0.456, 0.406] as const;
export const IMAGENET_STD = [0.229, 0.224, 0.225] as const;

/** (x − mean) / std per channel of NHWC images in [0, 1]. */
export function imagenetNormalize(tf: TF, x: Tensor): Tensor {
  return tf.tidy(() => tf.div(tf.sub(x, tf.tensor1d([...IMAGENET_MEAN])), tf.tensor1d([...IMAGENET_STD])));
}
