/**
 * `torch.nn.functional.grid_sample(padding_mode='zeros', align_corners=False)` followed by
 * torchvision's fill (`_apply_grid_transform`), on NHWC images, with the sample positions given
 * directly in input pixel-index units (pixel k's centre at k), one map per image.
 */
import type { TF, Tensor } from '../tensor/tf-types';
import { AUGMENT_KERNEL, runAugmentKernel } from './kernels/register';

/** Interpolation modes torchvision's tensor geometry supports here. */
export type Interpolation = 'nearest' | 'bilinear';

/** null: zero padding (torchvision's fill=None); else one value per channel (torchvision's mask blend). */
export type Fill = number[] | null;

/**
 * Samples x [N, H, W, C] at (ix, iy), each [N, Ho, Wo], returning [N, Ho, Wo, C].
 * With a fill, torchvision samples a ones channel too (mask m) and returns img·m + (1−m)·fill for
 * bilinear, or fill where m < 0.5 for nearest (so the border is blended twice, as torchvision does).
 */
export function sampleGrid(tf: TF, x: Tensor, ix: Tensor, iy: Tensor, interpolation: Interpolation, fill: Fill): Tensor {
  if (fill === null || (x.shape[3] as number) <= 4) {
    const y = runAugmentKernel(tf, AUGMENT_KERNEL.gridSample, { x, ix, iy }, { interpolation, fill });
    if (y) return y as Tensor;
  }
  return tf.tidy(() => {
    const [n, h, w, c] = x.shape as [number, number, number, number];
    const [, ho, wo] = ix.shape as [number, number, number];
    const flat = x.reshape([n * h * w, c]);
    const base = tf.range(0, n * h * w, h * w, 'int32').reshape([n, 1, 1]);
    const width = tf.scalar(w, 'int32');
    // Per axis: which positions fall inside the image, as 0/1 floats, and the clamped index.
    const axis = (p: Tensor, size: number) => ({
      inside: p
        .greaterEqual(0)
        .logicalAnd(p.lessEqual(size - 1))
        .cast('float32'),
      index: tf.clipByValue(p, 0, size - 1).cast('int32'),
    });
    const rowStart = (ya: { index: Tensor }) => base.add(ya.index.mul(width));
    const tap = (row: Tensor, xa: { index: Tensor }, weight: Tensor) => {
      const values = tf.gather(flat, row.add(xa.index).reshape([-1])).reshape([n, ho, wo, c]);
      return { sum: values.mul(weight.expandDims(3)), weight };
    };
    let taps;
    if (interpolation === 'nearest') {
      const xa = axis(tf.round(ix), w);
      const ya = axis(tf.round(iy), h);
      taps = [tap(rowStart(ya), xa, xa.inside.mul(ya.inside))];
    } else {
      const x0 = tf.floor(ix);
      const y0 = tf.floor(iy);
      const x1 = x0.add(1);
      const y1 = y0.add(1);
      const [xa0, xa1, ya0, ya1] = [axis(x0, w), axis(x1, w), axis(y0, h), axis(y1, h)];
      // grid_sample's weights (x1 − ix)(y1 − iy) etc., zeroed per axis where that neighbour is outside.
      const wx0 = x1.sub(ix).mul(xa0.inside);
      const wx1 = ix.sub(x0).mul(xa1.inside);
      const wy0 = y1.sub(iy).mul(ya0.inside);
      const wy1 = iy.sub(y0).mul(ya1.inside);
      const r0 = rowStart(ya0);
      const r1 = rowStart(ya1);
      taps = [tap(r0, xa0, wx0.mul(wy0)), tap(r0, xa1, wx1.mul(wy0)), tap(r1, xa0, wx0.mul(wy1)), tap(r1, xa1, wx1.mul(wy1))];
    }
    const img = taps.slice(1).reduce((acc, t) => acc.add(t.sum), taps[0].sum);
    if (fill === null) return img;
    const mask = taps
      .slice(1)
      .reduce((acc, t) => acc.add(t.weight), taps[0].weight)
      .expandDims(3);
    const fillImg = tf.tensor4d(Float32Array.from(fill.length === 1 ? new Array(c).fill(fill[0]) : fill), [1, 1, 1, c]);
    // Bilinear: img·m + (1 − m)·fill. Nearest: m is exactly 0 or 1, so the same formula is
    // torchvision's img[m < 0.5] = fill (img is 0 there), without a tiled tf.where.
    return img.mul(mask).add(tf.sub(1, mask).mul(fillImg));
  });
}
