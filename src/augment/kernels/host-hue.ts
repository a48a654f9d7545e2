/**
 * The host (cpu and wasm backend) loop of hsv.ts's adjustHuePerImage: torchvision's `_rgb2hsv`,
 * hue shift and `_hsv2rgb` pixel by pixel, each operation rounded to float32 as tfjs's cpu backend
 * rounds it, in one pass instead of some sixty full-size tensor operations.
 */
const f = Math.fround;

/** tf.mod (floored): the result has the divisor's sign. */
function mod(a: number, b: number): number {
  const r = a % b;
  return (a < 0 && b < 0) || (a >= 0 && b >= 0) ? r : (r + b) % b;
}

const clamp01 = (v: number) => Math.min(Math.max(v, 0), 1);

/** Writes adjust_hue of planes r, g, b (each n × plane values) by factors[n] into or, og, ob; images whose `only` flag is 0 are copied unchanged. */
export function adjustHueHost(
  r: ArrayLike<number>,
  g: ArrayLike<number>,
  b: ArrayLike<number>,
  factors: ArrayLike<number>,
  only: ArrayLike<number>,
  plane: number,
  or: Float32Array,
  og: Float32Array,
  ob: Float32Array,
): void {
  for (let img = 0; img < factors.length; img++) {
    if (!only[img]) {
      for (let k = img * plane; k < (img + 1) * plane; k++) {
        or[k] = r[k];
        og[k] = g[k];
        ob[k] = b[k];
      }
      continue;
    }
    const fac = f(factors[img]);
    for (let k = img * plane; k < (img + 1) * plane; k++) {
      const R = r[k];
      const G = g[k];
      const B = b[k];
      const maxc = Math.max(Math.max(R, G), B);
      const minc = Math.min(Math.min(R, G), B);
      const eqc = maxc === minc;
      const cr = f(maxc - minc);
      const s = f(cr / (eqc ? 1 : maxc));
      const div = eqc ? 1 : cr;
      const rc = f(f(maxc - R) / div);
      const gc = f(f(maxc - G) / div);
      const bc = f(f(maxc - B) / div);
      const isR = maxc === R;
      const isG = maxc === G;
      const hr = isR ? f(bc - gc) : 0;
      const hg = isG && !isR ? f(f(rc - bc) + 2) : 0;
      const hb = !isG && !isR ? f(f(gc - rc) + 4) : 0;
      const h0 = f(mod(f(f(f(f(hr + hg) + hb) / 6) + 1), 1));
      const h = f(mod(f(h0 + fac), 1));
      const v = maxc;
      const h6 = f(h * 6);
      const fl = Math.floor(h6);
      const fr = f(h6 - fl);
      const i = mod(fl, 6);
      const p = clamp01(f(v * f(1 - s)));
      const q = clamp01(f(v * f(1 - f(s * fr))));
      const t = clamp01(f(v * f(1 - f(s * f(1 - fr)))));
      switch (i) {
        case 0:
          or[k] = v;
          og[k] = t;
          ob[k] = p;
          break;
        case 1:
          or[k] = q;
          og[k] = v;
          ob[k] = p;
          break;
        case 2:
          or[k] = p;
          og[k] = v;
          ob[k] = t;
          break;
        case 3:
          or[k] = p;
          og[k] = q;
          ob[k] = v;
          break;
        case 4:
          or[k] = t;
          og[k] = p;
          ob[k] = v;
          break;
        default:
          or[k] = v;
          og[k] = p;
          ob[k] = q;
      }
    }
  }
}
