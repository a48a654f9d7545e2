/**
 * The deterministic operations of `torchvision.transforms.functional`, with its names and
 * parameters, on NHWC float32 batches in [0, 1] (every image gets the same parameters).
 */
import type { TF, Tensor } from '../tensor/tf-types';
import { type Planes, blendPerImage, fromPlanes, toPlanes } from './color';
import { eraseBatch } from './erase';
import type { Fill, Interpolation } from './grid-sample';
import { adjustHuePerImage } from './hsv';
import { type Corners, perspectiveCoeffs } from './perspective-coeffs';
import { type PadMode, blurAxis, cropAxis, resizeAxis } from './resample-weights';
import { addPadFill, applySeparable } from './separable';
import { perspectiveBatch, rotateBatch } from './warp';

/** One operation of OPS.json: torchvision.transforms.functional's name and keyword arguments. */
export type FunctionalOp =
  | { op: 'hflip' }
  | { op: 'adjust_brightness'; brightness_factor: number }
  | { op: 'adjust_contrast'; contrast_factor: number }
  | { op: 'adjust_saturation'; saturation_factor: number }
  | { op: 'adjust_hue'; hue_factor: number }
  | { op: 'perspective'; startpoints: Corners; endpoints: Corners; interpolation: Interpolation; fill: Fill }
  | { op: 'rotate'; angle: number; interpolation: Interpolation; fill: Fill }
  | { op: 'resized_crop'; top: number; left: number; height: number; width: number; size: number | [number, number]; antialias: boolean }
  | { op: 'erase'; i: number; j: number; h: number; w: number; v: number[] }
  | { op: 'gaussian_blur'; kernel_size: [number, number]; sigma: [number, number] }
  | { op: 'pad'; padding: [number, number, number, number]; fill: number; padding_mode: PadMode }
  | { op: 'crop'; top: number; left: number; height: number; width: number };

const dims = (x: Tensor) => x.shape as [number, number, number, number];

/** torchvision's resize output size: [h, w] as given, or an int that the shorter edge becomes. */
export function resizedSize(h: number, w: number, size: number | [number, number]): [number, number] {
  if (Array.isArray(size)) return size;
  if (w <= h) return [Math.trunc((size * h) / w), size];
  return [size, Math.trunc((size * w) / h)];
}

/** The output [H, W] of an op on an H × W image (fixed, so batches keep one shape). */
export function opOutputSize(op: FunctionalOp, h: number, w: number): [number, number] {
  switch (op.op) {
    case 'resized_crop':
      return resizedSize(op.height, op.width, op.size);
    case 'pad':
      return [h + op.padding[1] + op.padding[3], w + op.padding[0] + op.padding[2]];
    case 'crop':
      return [op.height, op.width];
    default:
      return [h, w];
  }
}

/** Runs a colour op on x's planes and returns NHWC. */
export function onPlanes(tf: TF, x: Tensor, f: (p: Planes) => Planes): Tensor {
  return tf.tidy(() => fromPlanes(tf, f(toPlanes(tf, x))));
}

/** Applies one functional op to x [N, H, W, 3]. */
export function applyFunctional(tf: TF, x: Tensor, op: FunctionalOp): Tensor {
  const [n, h, w] = dims(x);
  const each = <T>(v: T): T[] => new Array<T>(n).fill(v);
  switch (op.op) {
    case 'hflip':
      return tf.reverse(x, 2);
    case 'adjust_brightness':
      return onPlanes(tf, x, (p) => blendPerImage(tf, p, each('brightness'), each(op.brightness_factor)));
    case 'adjust_contrast':
      return onPlanes(tf, x, (p) => blendPerImage(tf, p, each('contrast'), each(op.contrast_factor)));
    case 'adjust_saturation':
      return onPlanes(tf, x, (p) => blendPerImage(tf, p, each('saturation'), each(op.saturation_factor)));
    case 'adjust_hue':
      return onPlanes(tf, x, (p) => adjustHuePerImage(tf, p, each(op.hue_factor)));
    case 'perspective':
      return perspectiveBatch(tf, x, each(perspectiveCoeffs(op.startpoints, op.endpoints)), op.interpolation, op.fill);
    case 'rotate':
      return rotateBatch(tf, x, each(op.angle), op.interpolation, op.fill);
    case 'resized_crop': {
      const [oh, ow] = resizedSize(op.height, op.width, op.size);
      return applySeparable(
        tf,
        x,
        each(resizeAxis(h, op.top, op.height, oh, op.antialias)),
        each(resizeAxis(w, op.left, op.width, ow, op.antialias)),
      );
    }
    case 'erase':
      return eraseBatch(tf, x, each({ i: op.i, j: op.j, h: op.h, w: op.w }), op.v);
    case 'gaussian_blur':
      return applySeparable(tf, x, each(blurAxis(h, op.kernel_size[1], op.sigma[1])), each(blurAxis(w, op.kernel_size[0], op.sigma[0])));
    case 'pad': {
      const [l, t, r, b] = op.padding;
      const rows = each(cropAxis(h, -t, h + t + b, op.padding_mode));
      const cols = each(cropAxis(w, -l, w + l + r, op.padding_mode));
      return tf.tidy(() => addPadFill(tf, applySeparable(tf, x, rows, cols), rows, cols, op.padding_mode === 'constant' ? op.fill : 0));
    }
    case 'crop':
      return applySeparable(tf, x, each(cropAxis(h, op.top, op.height, 'constant')), each(cropAxis(w, op.left, op.width, 'constant')));
  }
}

/** Applies the ops in order. */
export function applyFunctionalOps(tf: TF, x: Tensor, ops: readonly FunctionalOp[]): Tensor {
  return tf.tidy(() => ops.reduce((acc, op) => applyFunctional(tf, acc, op), x));
}
