/** The model a run trains, built from its config through the registry: settled settings, weights (given or seeded), input preparation. */
import type { Model, TorchState } from '../model';
import { imagenetNormalise } from '../model-build';
import type { RunConfig } from '../../record/run-record';
import type { TF, Tensor } from '../../tensor/tf-types';
import { modelOf } from './index';
import type { Normalization } from './model-definition';

/** The input preparation of a normalisation (identity for 'none'). */
export function normaliser(tf: TF, normalization: Normalization): (x: Tensor) => Tensor {
  return normalization === 'imagenet' ? (x) => imagenetNormalise(tf, x) : (x) => x;
}

/** The model of `config` with `classes` outputs (from `initialWeights`, else its seeded init), the config with its model's defaults filled in, and how its inputs are prepared. */
export function modelForRun(
  tf: TF,
  config: RunConfig,
  classes: number,
  initialWeights?: TorchState,
): { model: Model; config: RunConfig; prepare: (x: Tensor) => Tensor } {
  const def = modelOf(config.model);
  const settled = def.settle(config);
  const state = initialWeights ?? def.init(settled.imageSize, classes, settled.seed);
  const model = def.build(tf, state, def.buildOptions(settled, classes));
  return { model, config: settled, prepare: normaliser(tf, settled.normalization ?? def.normalization) };
}
