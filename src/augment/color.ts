/**
 * torchvision's colour blends, one factor per image: adjust_brightness, adjust_contrast and
 * adjust_saturation are all `_blend(img, other, f)` = clamp(f·img + (1−f)·other, 0, 1) with
 * other = 0, the grayscale mean, or the grayscale image. They work on colour planes (R, G, B, each
 * [N, H, W]): splitting NHWC's last axis is a slow strided copy on tfjs's cpu and wasm backends,
 * while planes come from one transpose and contiguous slices.
 */
import type { TF, Tensor } from '../tensor/tf-types';

/** The blend partner of each colour op. */
export type BlendKind = 'brightness' | 'contrast' | 'saturation';

/** R, G and B planes, each [N, H, W]. */
export type Planes = [Tensor, Tensor, Tensor];

/** NHWC [N, H, W, 3] → planes. */
export function toPlanes(tf: TF, x: Tensor): Planes {
  return tf.tidy(() => tf.unstack(x.transpose([3, 0, 1, 2]), 0) as Planes);
}

/** Planes → NHWC [N, H, W, 3]. */
export function fromPlanes(tf: TF, p: Planes): Tensor {
  return tf.tidy(() => tf.stack(p, 0).transpose([1, 2, 3, 0]));
}

/** Per-image [N, 1, 1] column from host numbers (float32, like torch's scalar cast). */
export function perImage(tf: TF, values: readonly number[]): Tensor {
  return tf.tensor3d(Float32Array.from(values), [values.length, 1, 1]);
}

/** torchvision's rgb_to_grayscale: 0.2989 R + 0.587 G + 0.114 B, as [N, H, W]. */
export function grayscale(tf: TF, [r, g, b]: Planes): Tensor {
  return tf.tidy(() => r.mul(0.2989).add(g.mul(0.587)).add(b.mul(0.114)));
}

/** y for images with flag 1, x for the others, as y·m + x·(1 − m): exact for finite values, and no tiled tf.where. */
export function selectPlanes(tf: TF, flags: readonly boolean[], y: Planes, x: Planes): Planes {
  if (flags.every(Boolean)) return y;
  return tf.tidy(() => {
    const m = perImage(
      tf,
      flags.map((f) => (f ? 1 : 0)),
    );
    const keep = tf.sub(1, m);
    return y.map((p, i) => p.mul(m).add(x[i].mul(keep))) as Planes;
  });
}

/**
 * Blends each image n with its partner: clamp(f[n]·x + (1−f[n])·other, 0, 1), where the partner is
 * chosen per image by `kinds[n]`; images whose kind is null are returned unchanged (exactly).
 */
export function blendPerImage(tf: TF, x: Planes, kinds: readonly (BlendKind | null)[], factors: readonly number[]): Planes {
  return tf.tidy(() => {
    const n = kinds.length;
    const f = kinds.map((k, i) => (k === null ? 1 : factors[i]));
    let other: Tensor = tf.zeros([n, 1, 1]);
    if (kinds.some((k) => k === 'contrast' || k === 'saturation')) {
      const gray = grayscale(tf, x);
      const isSat = perImage(
        tf,
        kinds.map((k) => (k === 'saturation' ? 1 : 0)),
      );
      const isCon = perImage(
        tf,
        kinds.map((k) => (k === 'contrast' ? 1 : 0)),
      );
      other = gray.mul(isSat).add(gray.mean([1, 2], true).mul(isCon));
    }
    const fT = perImage(tf, f);
    const rest = other.mul(
      perImage(
        tf,
        f.map((v) => 1 - v),
      ),
    );
    const blended = x.map((p) => tf.clipByValue(p.mul(fT).add(rest), 0, 1)) as Planes;
    return selectPlanes(
      tf,
      kinds.map((k) => k !== null),
      blended,
      x,
    );
  });
}
