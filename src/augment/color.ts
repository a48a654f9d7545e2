/**
 * torchvision's colour blends on NHWC float images in [0, 1], one factor per image:
 * adjust_brightness, adjust_contrast and adjust_saturation are all `_blend(img, other, f)` =
 * clamp(f·img + (1−f)·other, 0, 1) with other = 0, the grayscale mean, or the grayscale image.
 */
import type { TF, Tensor } from '../train/tf-types.ts';

/** The blend partner of each colour op. */
export type BlendKind = 'brightness' | 'contrast' | 'saturation';

/** torchvision's rgb_to_grayscale: 0.2989 R + 0.587 G + 0.114 B, as [N, H, W, 1]. */
export function grayscale(tf: TF, x: Tensor): Tensor {
  return tf.tidy(() => x.mul(tf.tensor1d([0.2989, 0.587, 0.114])).sum(3, true));
}

/** Per-image [N, 1, 1, 1] column from host numbers (float32, like torch's scalar cast). */
export function perImage(tf: TF, values: readonly number[]): Tensor {
  return tf.tensor4d(Float32Array.from(values), [values.length, 1, 1, 1]);
}

/**
 * Blends each image n with its partner: clamp(f[n]·x + (1−f[n])·other, 0, 1), where the partner is
 * chosen per image by `kinds[n]`; images whose kind is null are returned unchanged (exactly: blended·0 + x·1).
 */
export function blendPerImage(tf: TF, x: Tensor, kinds: readonly (BlendKind | null)[], factors: readonly number[]): Tensor {
  return tf.tidy(() => {
    const n = kinds.length;
    const active = kinds.map((k) => (k === null ? 0 : 1));
    const f = kinds.map((k, i) => (k === null ? 1 : factors[i]));
    const needGray = kinds.some((k) => k === 'contrast' || k === 'saturation');
    let other: Tensor = tf.zeros([n, 1, 1, 1]);
    if (needGray) {
      const gray = grayscale(tf, x);
      const isSat = perImage(tf, kinds.map((k) => (k === 'saturation' ? 1 : 0)));
      const isCon = perImage(tf, kinds.map((k) => (k === 'contrast' ? 1 : 0)));
      other = gray.mul(isSat).add(gray.mean([1, 2, 3], true).mul(isCon));
    }
    const blended = tf.clipByValue(x.mul(perImage(tf, f)).add(other.mul(perImage(tf, f.map((v) => 1 - v)))), 0, 1);
    if (active.every((a) => a === 1)) return blended;
    const m = perImage(tf, active);
    return blended.mul(m).add(x.mul(tf.sub(1, m)));
  });
}
