/**
 * Per-image parameter draws of torchvision's random transform classes (their `get_params` and the
 * `torch.rand(1) < p` coin), in the same order of draws, from a seeded Rng. Pure: no tfjs. Each
 * transform's own draw is in its module (src/augment/transforms/).
 */
import type { Rng } from '../data/rng';
import { type DrawMap, type StepOf, TRANSFORMS, type TransformName } from './transforms';

export type { Draw } from './transforms';

/** Draws one image's parameters for one step on an H × W input. */
export function drawStep<K extends TransformName>(rng: Rng, step: StepOf<K>, h: number, w: number): DrawMap[K] {
  return TRANSFORMS[step.op].draw(rng, step.params, h, w);
}
