/**
 * torchvision's perspective and rotate on NHWC tensors, one transform per image: the sampling grid
 * built as `_perspective_grid` / `_gen_affine_grid` build it (output pixel centres, normalised by
 * half the size), unnormalised as grid_sample(align_corners=False) does, then sampled.
 */
import type { TF, Tensor } from '../tensor/tf-types';
import { type Fill, type Interpolation, sampleGrid } from './grid-sample';

const f32 = Math.fround;

/** Column k of a row-major [N, K] host table as an [N, 1, 1] tensor. */
function column(tf: TF, rows: readonly number[][], k: number): Tensor {
  return tf.tensor3d(Float32Array.from(rows.map((r) => r[k])), [rows.length, 1, 1]);
}

/** grid_sample's unnormalisation with align_corners=False: ((g + 1)·size − 1) / 2. */
function unnormalise(g: Tensor, size: number): Tensor {
  return g.add(1).mul(size).sub(1).div(2);
}

/** Input sample positions [ix, iy] (each [N, h, w]) of perspective coefficients (a..h per image, output → input). */
export function perspectiveCoords(tf: TF, coeffs: readonly number[][], h: number, w: number): [Tensor, Tensor] {
  return tf.tidy(() => {
    const X = tf.range(0, w, 1, 'float32').add(0.5).reshape([1, 1, w]);
    const Y = tf.range(0, h, 1, 'float32').add(0.5).reshape([1, h, 1]);
    const sx = f32(0.5 * w);
    const sy = f32(0.5 * h);
    const scaled = coeffs.map((c) => [
      f32(c[0]) / sx,
      f32(c[1]) / sx,
      f32(c[2]) / sx,
      f32(c[3]) / sy,
      f32(c[4]) / sy,
      f32(c[5]) / sy,
      c[6],
      c[7],
    ]);
    const col = (k: number) => column(tf, scaled, k);
    const den = X.mul(col(6))
      .add(Y.mul(col(7)))
      .add(1);
    const gx = X.mul(col(0))
      .add(Y.mul(col(1)))
      .add(col(2))
      .div(den)
      .sub(1);
    const gy = X.mul(col(3))
      .add(Y.mul(col(4)))
      .add(col(5))
      .div(den)
      .sub(1);
    return [unnormalise(gx, w), unnormalise(gy, h)];
  });
}

/** Applies perspective coefficients (a..h per image, as `_get_perspective_coeffs` gives them). */
export function perspectiveBatch(tf: TF, x: Tensor, coeffs: readonly number[][], interpolation: Interpolation, fill: Fill): Tensor {
  return tf.tidy(() => {
    const [ix, iy] = perspectiveCoords(tf, coeffs, x.shape[1] as number, x.shape[2] as number);
    return sampleGrid(tf, x, ix, iy, interpolation, fill);
  });
}

/** The inverse affine matrix torchvision's rotate uses (centre 0, `_get_inverse_affine_matrix(−angle)`). */
export function rotationMatrix(angleDegrees: number): number[] {
  const rot = (-angleDegrees * Math.PI) / 180;
  return [Math.cos(rot), Math.sin(rot), 0, -Math.sin(rot), Math.cos(rot), 0];
}

/** Input sample positions [ix, iy] (each [N, h, w]) of a rotation by each angle about the centre. */
export function rotateCoords(tf: TF, anglesDegrees: readonly number[], h: number, w: number): [Tensor, Tensor] {
  return tf.tidy(() => {
    const X = tf
      .range(0, w, 1, 'float32')
      .add(f32(-w * 0.5 + 0.5))
      .reshape([1, 1, w]);
    const Y = tf
      .range(0, h, 1, 'float32')
      .add(f32(-h * 0.5 + 0.5))
      .reshape([1, h, 1]);
    const sx = f32(0.5 * w);
    const sy = f32(0.5 * h);
    const scaled = anglesDegrees.map((a) => {
      const m = rotationMatrix(a).map(f32);
      return [m[0] / sx, m[1] / sx, m[2] / sx, m[3] / sy, m[4] / sy, m[5] / sy];
    });
    const col = (k: number) => column(tf, scaled, k);
    const gx = X.mul(col(0))
      .add(Y.mul(col(1)))
      .add(col(2));
    const gy = X.mul(col(3))
      .add(Y.mul(col(4)))
      .add(col(5));
    return [unnormalise(gx, w), unnormalise(gy, h)];
  });
}

/** Rotates each image counter-clockwise by its angle about the centre (expand=False). */
export function rotateBatch(tf: TF, x: Tensor, anglesDegrees: readonly number[], interpolation: Interpolation, fill: Fill): Tensor {
  return tf.tidy(() => {
    const [ix, iy] = rotateCoords(tf, anglesDegrees, x.shape[1] as number, x.shape[2] as number);
    return sampleGrid(tf, x, ix, iy, interpolation, fill);
  });
}
