/** Trainable parameters of a run's model, counted from the architecture (never typed in). */
import type { RunConfig } from '../train/run-record';
import { RESNET18_FEATURES, resnet18Shapes } from '../train/resnet18';
import { parameterCount } from '../train/shape-table';

/** BatchNorm buffers are in the state_dict but are not trained. */
const BUFFER_SUFFIXES = ['.running_mean', '.running_var', '.num_batches_tracked'];

/** Trainable parameters of torchvision's ResNet-18 with a `classes`-way head (11,181,642 for 10). */
export function resnet18ParameterCount(classes: number): number {
  let n = 0;
  for (const [name, shape] of resnet18Shapes(classes)) {
    if (BUFFER_SUFFIXES.some((s) => name.endsWith(s))) continue;
    n += shape.reduce((a, b) => a * b, 1);
  }
  return n;
}

/** Trainable parameters of the model a run trained, or null when its size cannot be built (a CNN input not a multiple of 16). */
export function modelParameterCount(config: Pick<RunConfig, 'model' | 'imageSize'>, classes: number): number | null {
  if (config.model === 'resnet18') return resnet18ParameterCount(classes);
  if (config.model === 'cnn') {
    try {
      return parameterCount(config.imageSize, 3, classes);
    } catch {
      return null;
    }
  }
  return null;
}

/** Parameters the run actually trained: only the new head (features · classes + classes) when ResNet-18's backbone was frozen, else all of them. */
export function trainedParameterCount(config: Pick<RunConfig, 'model' | 'imageSize' | 'fineTuning'>, classes: number): number | null {
  if (config.model === 'resnet18' && config.fineTuning === 'frozen') return RESNET18_FEATURES * classes + classes;
  return modelParameterCount(config, classes);
}
