/**
 * Runs a pipeline on a batch, inside training: parameters are drawn per image (image by image,
 * step by step, as torchvision's Compose would for each image in turn), then each step is applied
 * to the whole batch at once as tfjs ops on the training backend. Output shapes are fixed.
 */
import type { Rng } from '../data/rng';
import type { TF, Tensor } from '../train/tf-types';
import { type BlendKind, type Planes, blendPerImage, fromPlanes, toPlanes } from './color';
import { type Draw, drawStep } from './draws';
import { eraseBatch } from './erase';
import { adjustHuePerImage } from './hsv';
import { perspectiveCoeffs } from './perspective-coeffs';
import { type Pipeline, type PipelineStep, stepOutputSize } from './pipeline';
import { blurAxis, cropAxis, resizeAxis } from './resample-weights';
import { addPadFill, applySeparable } from './separable';
import { perspectiveBatch, rotateBatch } from './warp';
import { AUGMENT_KERNEL, runAugmentKernel } from './kernels/register';

type DrawOf<K extends Draw['op']> = Extract<Draw, { op: K }>;

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

/**
 * y for the selected images, x for the others, as y·m + x·(1 − m) with m ∈ {0, 1} per image: exact
 * for finite values, and a broadcast multiply where tf.where would tile its mask to the full shape.
 */
function select(tf: TF, flags: readonly boolean[], y: Tensor, x: Tensor): Tensor {
  if (flags.every(Boolean)) return y;
  return tf.tidy(() => {
    const m = tf.tensor4d(flags.map((f) => (f ? 1 : 0)), [flags.length, 1, 1, 1]);
    return y.mul(m).add(x.mul(tf.sub(1, m)));
  });
}

const BLEND: (BlendKind | null)[] = ['brightness', 'contrast', 'saturation', null];

/** ColorJitter: four stages; at stage k each image applies the k-th op of its own random order. */
function colorJitter(tf: TF, x: Tensor, draws: DrawOf<'ColorJitter'>[]): Tensor {
  if (draws.every((d) => d.factors.every((f) => f === null))) return x;
  let y: Planes = toPlanes(tf, x);
  for (let k = 0; k < 4; k++) {
    const fn = draws.map((d) => d.order[k]);
    const factor = draws.map((d, i) => d.factors[fn[i]]);
    const kinds = fn.map((f, i) => (factor[i] === null ? null : BLEND[f]));
    if (kinds.some((kind) => kind !== null)) y = blendPerImage(tf, y, kinds, factor.map((f) => f ?? 1));
    const hue = fn.map((f, i) => f === 3 && factor[i] !== null);
    if (hue.some(Boolean)) y = adjustHuePerImage(tf, y, factor.map((f, i) => (hue[i] ? (f as number) : 0)), hue);
  }
  return fromPlanes(tf, y);
}

/** Applies one step with its per-image draws to x [N, H, W, C]. */
export function applyStep(tf: TF, x: Tensor, step: PipelineStep, draws: readonly Draw[]): Tensor {
  const [, h, w, c] = x.shape as [number, number, number, number];
  switch (step.op) {
    case 'RandomHorizontalFlip': {
      const flip = (draws as DrawOf<'RandomHorizontalFlip'>[]).map((d) => d.flip);
      if (!flip.some(Boolean)) return x;
      const flags = tf.tensor1d(flip.map(Number));
      const fast = runAugmentKernel(tf, AUGMENT_KERNEL.hflip, { x, flags }) as Tensor | null;
      flags.dispose();
      return fast ?? select(tf, flip, tf.reverse(x, 2), x);
    }
    case 'ColorJitter': return colorJitter(tf, x, draws as DrawOf<'ColorJitter'>[]);
    case 'RandomPerspective': {
      const ds = draws as DrawOf<'RandomPerspective'>[];
      const on = ds.map((d) => d.endpoints !== null && d.endpoints.some((p, i) => p[0] !== d.startpoints[i][0] || p[1] !== d.startpoints[i][1]));
      if (!on.some(Boolean)) return x;
      const coeffs = ds.map((d, i) => (on[i] ? perspectiveCoeffs(d.startpoints, d.endpoints!) : [1, 0, 0, 0, 1, 0, 0, 0]));
      return select(tf, on, perspectiveBatch(tf, x, coeffs, step.params.interpolation, step.params.fill), x);
    }
    case 'RandomResizedCrop': {
      const [oh, ow] = step.params.size;
      const boxes = (draws as DrawOf<'RandomResizedCrop'>[]).map((d) => d.box);
      return applySeparable(tf, x, boxes.map((b) => resizeAxis(h, b.top, b.height, oh, step.params.antialias)),
        boxes.map((b) => resizeAxis(w, b.left, b.width, ow, step.params.antialias)));
    }
    case 'RandomCrop': {
      const [l, t] = step.params.padding;
      const [th, tw] = step.params.size;
      const ds = draws as DrawOf<'RandomCrop'>[];
      const rows = ds.map((d) => cropAxis(h, d.top - t, th, step.params.padding_mode));
      const cols = ds.map((d) => cropAxis(w, d.left - l, tw, step.params.padding_mode));
      return tf.tidy(() => addPadFill(tf, applySeparable(tf, x, rows, cols), rows, cols, step.params.padding_mode === 'constant' ? step.params.fill : 0));
    }
    case 'RandomRotation': {
      const angles = (draws as DrawOf<'RandomRotation'>[]).map((d) => d.angle);
      const on = angles.map((a) => a !== 0);
      if (!on.some(Boolean)) return x;
      return select(tf, on, rotateBatch(tf, x, angles, step.params.interpolation, step.params.fill), x);
    }
    case 'RandomErasing': {
      const ds = draws as DrawOf<'RandomErasing'>[];
      if (ds.every((d) => d.box === null)) return x;
      const boxes = ds.map((d) => d.box ?? { i: 0, j: 0, h: 0, w: 0 });
      const { value } = step.params;
      if (value !== 'random') return eraseBatch(tf, x, boxes, value);
      return tf.tidy(() => {
        const noise = tf.concat(ds.map((d) => (d.noiseSeed === null ? tf.zeros([1, h, w, c]) : tf.randomNormal([1, h, w, c], 0, 1, 'float32', d.noiseSeed))), 0);
        return eraseBatch(tf, x, boxes, noise);
      });
    }
    case 'GaussianBlur': {
      const [kx, ky] = step.params.kernel_size;
      const sigmas = (draws as DrawOf<'GaussianBlur'>[]).map((d) => d.sigma);
      return applySeparable(tf, x, sigmas.map((s) => blurAxis(h, ky, s)), sigmas.map((s) => blurAxis(w, kx, s)));
    }
  }
}

/** Augments x [N, H, W, 3] (float32 in [0, 1]) with the pipeline, drawing from `rng`; returns a new tensor. */
export function augmentBatch(tf: TF, x: Tensor, pipeline: Pipeline, rng: Rng): Tensor {
  const [n, h, w, c] = x.shape as [number, number, number, number];
  if (x.rank !== 4 || c !== 3) throw new Error(`augmentBatch: images must be [N, H, W, 3], got [${x.shape}]`);
  const draws = drawPipeline(rng, pipeline, n, h, w);
  return tf.tidy(() => pipeline.reduce((acc, step, s) => applyStep(tf, acc, step, draws[s]), x).clone());
}
