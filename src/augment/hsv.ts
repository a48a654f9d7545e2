/** torchvision's adjust_hue on colour planes: `_rgb2hsv`, hue shift modulo 1, `_hsv2rgb`, op for op. */
import type { TF, Tensor } from '../tensor/tf-types';
import { type Planes, selectPlanes } from './color';
import { AUGMENT_KERNEL, runAugmentKernel } from './kernels/register';

/** torchvision's `_rgb2hsv`: R, G, B planes → h (in [0, 1)), s, v planes. */
function rgbToHsv(tf: TF, [r, g, b]: Planes): Planes {
  return tf.tidy(() => {
    const maxc = tf.maximum(tf.maximum(r, g), b);
    const minc = tf.minimum(tf.minimum(r, g), b);
    const eqc = maxc.equal(minc);
    const cr = maxc.sub(minc);
    const ones = tf.onesLike(maxc);
    const s = cr.div(tf.where(eqc, ones, maxc));
    const crDivisor = tf.where(eqc, ones, cr);
    const rc = maxc.sub(r).div(crDivisor);
    const gc = maxc.sub(g).div(crDivisor);
    const bc = maxc.sub(b).div(crDivisor);
    const zeros = tf.zerosLike(maxc);
    const isR = maxc.equal(r);
    const isG = maxc.equal(g);
    const hr = tf.where(isR, bc.sub(gc), zeros);
    const hg = tf.where(tf.logicalAnd(isG, tf.logicalNot(isR)), rc.sub(bc).add(2), zeros);
    const hb = tf.where(tf.logicalAnd(tf.logicalNot(isG), tf.logicalNot(isR)), gc.sub(rc).add(4), zeros);
    const h = tf.mod(hr.add(hg).add(hb).div(6).add(1), 1);
    return [h, s, maxc];
  });
}

/** torchvision's `_hsv2rgb` from h, s, v planes, the sector chosen by floor(6h) mod 6. */
function hsvToRgb(tf: TF, [h, s, v]: Planes): Planes {
  return tf.tidy(() => {
    const h6 = h.mul(6);
    const fl = tf.floor(h6);
    const f = h6.sub(fl);
    const i = tf.mod(fl.cast('int32'), 6);
    const p = tf.clipByValue(v.mul(tf.sub(1, s)), 0, 1);
    const q = tf.clipByValue(v.mul(tf.sub(1, s.mul(f))), 0, 1);
    const t = tf.clipByValue(v.mul(tf.sub(1, s.mul(tf.sub(1, f)))), 0, 1);
    const is = [0, 1, 2, 3, 4].map((k) => i.equal(k));
    const pick = (vals: Tensor[]) => vals.slice(0, 5).reduceRight((acc, val, k) => tf.where(is[k], val, acc), vals[5]);
    return [pick([v, q, p, p, t, v]), pick([t, v, v, q, p, p]), pick([p, p, t, v, v, q])];
  });
}

/** adjust_hue with one factor per image (each in [-0.5, 0.5]): h ← (h + f) mod 1; images whose `only` flag is false come back unchanged. */
export function adjustHuePerImage(
  tf: TF,
  x: Planes,
  factors: readonly number[],
  only: readonly boolean[] = factors.map(() => true),
): Planes {
  return tf.tidy(() => {
    const [r, g, b] = x;
    const planes = runAugmentKernel(tf, AUGMENT_KERNEL.adjustHue, {
      r,
      g,
      b,
      factors: tf.tensor1d(Float32Array.from(factors)),
      only: tf.tensor1d(only.map(Number)),
    });
    if (planes) return planes as Planes;
    const [h, s, v] = rgbToHsv(tf, x);
    const f = tf.tensor3d(Float32Array.from(factors), [factors.length, 1, 1]);
    return selectPlanes(tf, only, hsvToRgb(tf, [tf.mod(h.add(f), 1), s, v]), x);
  });
}
