/**
 * `torch.nn.functional.grid_sample(padding_mode='zeros', align_corners=False)` followed by
 * torchvision's fill (`_apply_grid_transform`), on NHWC images, with the sample positions given
 * directly in input pixel-index units (pixel k's centre at k), one map per image.
 */
import type { TF, Tensor } from '../train/tf-types.ts';

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
  return tf.tidy(() => {
    const [n, h, w, c] = x.shape as [number, number, number, number];
    const [, ho, wo] = ix.shape as [number, number, number];
    const flat = x.reshape([n * h * w, c]);
    const base = tf.range(0, n * h * w, h * w, 'int32').reshape([n, 1, 1]);
    const width = tf.scalar(w, 'int32');
    const tap = (xi: Tensor, yi: Tensor, weight: Tensor | null) => {
      const inside = xi.greaterEqual(0).logicalAnd(xi.lessEqual(w - 1)).logicalAnd(yi.greaterEqual(0)).logicalAnd(yi.lessEqual(h - 1));
      const idx = base.add(tf.clipByValue(yi, 0, h - 1).cast('int32').mul(width)).add(tf.clipByValue(xi, 0, w - 1).cast('int32'));
      const values = tf.gather(flat, idx.reshape([-1])).reshape([n, ho, wo, c]);
      const wt = weight ? inside.cast('float32').mul(weight) : inside.cast('float32');
      return { sum: values.mul(wt.expandDims(3)), weight: wt };
    };
    let taps;
    if (interpolation === 'nearest') {
      taps = [tap(tf.round(ix), tf.round(iy), null)];
    } else {
      const x0 = tf.floor(ix);
      const y0 = tf.floor(iy);
      const x1 = x0.add(1);
      const y1 = y0.add(1);
      const wx1 = ix.sub(x0);
      const wx0 = x1.sub(ix);
      const wy1 = iy.sub(y0);
      const wy0 = y1.sub(iy);
      taps = [tap(x0, y0, wx0.mul(wy0)), tap(x1, y0, wx1.mul(wy0)), tap(x0, y1, wx0.mul(wy1)), tap(x1, y1, wx1.mul(wy1))];
    }
    const img = taps.slice(1).reduce((acc, t) => acc.add(t.sum), taps[0].sum);
    if (fill === null) return img;
    const mask = taps.slice(1).reduce((acc, t) => acc.add(t.weight), taps[0].weight).expandDims(3);
    const fillImg = tf.tensor4d(Float32Array.from(fill.length === 1 ? new Array(c).fill(fill[0]) : fill), [1, 1, 1, c]);
    // Bilinear: img·m + (1 − m)·fill. Nearest: m is exactly 0 or 1, so the same formula is
    // torchvision's img[m < 0.5] = fill (img is 0 there), without a tiled tf.where.
    return img.mul(mask).add(tf.sub(1, mask).mul(fillImg));
  });
}
