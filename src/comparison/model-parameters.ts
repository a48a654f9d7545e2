/** Trainable parameters of a run's model, counted from the architecture (never typed in), through the model registry. */
import type { RunConfig } from '../record/run-record';
import { isModelKind, MODELS } from '../train/models';

export { resnet18ParameterCount } from '../train/models/resnet18';

/** Trainable parameters of the model a run trained, or null when its size cannot be built (a CNN input not a multiple of 16) or the model is unknown. */
export function modelParameterCount(config: Pick<RunConfig, 'model' | 'imageSize'>, classes: number): number | null {
  return isModelKind(config.model) ? MODELS[config.model].parameterCount(config.imageSize, classes) : null;
}

/** Parameters the run actually trained: only the new head (features · classes + classes) when ResNet-18's backbone was frozen, else all of them. */
export function trainedParameterCount(config: Pick<RunConfig, 'model' | 'imageSize' | 'fineTuning'>, classes: number): number | null {
  return isModelKind(config.model) ? MODELS[config.model].trainedParameterCount(config, classes) : null;
}
