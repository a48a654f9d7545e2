/**
 * Runs a pipeline on a batch, inside training: parameters are drawn per image (image by image,
 * step by step, as torchvision's Compose would for each image in turn), then each step is applied
 * to the whole batch at once as tfjs ops on the training backend. Output shapes are fixed.
 */
import type { Rng } from '../data/rng';
import type { TF, Tensor } from '../tensor/tf-types';
import { type Draw, drawStep } from './draws';
import { type Pipeline, stepOutputSize } from './pipeline';
import { type DrawMap, type StepOf, TRANSFORMS, type TransformName } from './transforms';

/** Draws every image's parameters for every step: result[s][n] is step s of image n. */
export function drawPipeline(rng: Rng, pipeline: Pipeline, n: number, h: number, w: number): Draw[][] {
  const draws: Draw[][] = pipeline.map(() => []);
  for (let i = 0; i < n; i++) {
    let [ch, cw] = [h, w];
    pipeline.forEach((step, s) => {
      draws[s].push(drawStep(rng, step, ch, cw));
      [ch, cw] = stepOutputSize(step, ch, cw);
    });
  }
  return draws;
}

/** Applies one step with its per-image draws to x [N, H, W, C]. */
export function applyStep<K extends TransformName>(tf: TF, x: Tensor, step: StepOf<K>, draws: readonly DrawMap[K][]): Tensor {
  return TRANSFORMS[step.op].apply(tf, x, step.params, draws);
}

/** Augments x [N, H, W, 3] (float32 in [0, 1]) with the pipeline, drawing from `rng`; returns a new tensor. */
export function augmentBatch(tf: TF, x: Tensor, pipeline: Pipeline, rng: Rng): Tensor {
  const [n, h, w, c] = x.shape as [number, number, number, number];
  if (x.rank !== 4 || c !== 3) throw new Error(`augmentBatch: images must be [N, H, W, 3], got [${x.shape}]`);
  const draws = drawPipeline(rng, pipeline, n, h, w);
  return tf.tidy(() => pipeline.reduce((acc, step, s) => applyStep(tf, acc, step, draws[s]), x).clone());
}
