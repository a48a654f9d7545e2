/** ColorJitter: brightness, contrast, saturation and hue factors drawn per image, applied in a random order. */
import type { TF, Tensor } from '../../tensor/tf-types';
import { type BlendKind, type Planes, blendPerImage, fromPlanes, toPlanes } from '../color';
import type { FunctionalOp } from '../functional';
import { adjustHuePerImage } from '../hsv';
import { randperm, uniform } from '../torch-random';
import { jitter } from './params';
import { tuple } from './torchvision-source';
import type { AugmentTransform, Range } from './transform';

/** ColorJitter's parameters, each a [min, max] range of its factor. */
export interface JitterParams {
  brightness: Range;
  contrast: Range;
  saturation: Range;
  hue: Range;
}
/** One image's draw: the order of the four adjustments and each factor (null where its range is the identity). */
export interface JitterDraw {
  op: 'ColorJitter';
  order: number[];
  factors: [number | null, number | null, number | null, number | null];
}

const isCentre = (r: Range, c: number) => r[0] === c && r[1] === c;
const BLEND: (BlendKind | null)[] = ['brightness', 'contrast', 'saturation', null];

/** The functional call of adjustment k (0 brightness, 1 contrast, 2 saturation, 3 hue) with factor f. */
function adjust(k: number, f: number): FunctionalOp {
  if (k === 0) return { op: 'adjust_brightness', brightness_factor: f };
  if (k === 1) return { op: 'adjust_contrast', contrast_factor: f };
  if (k === 2) return { op: 'adjust_saturation', saturation_factor: f };
  return { op: 'adjust_hue', hue_factor: f };
}

/** Four stages; at stage k each image applies the k-th adjustment of its own random order. */
function applyJitter(tf: TF, x: Tensor, draws: readonly JitterDraw[]): Tensor {
  if (draws.every((d) => d.factors.every((f) => f === null))) return x;
  let y: Planes = toPlanes(tf, x);
  for (let k = 0; k < 4; k++) {
    const fn = draws.map((d) => d.order[k]);
    const factor = draws.map((d, i) => d.factors[fn[i]]);
    const kinds = fn.map((f, i) => (factor[i] === null ? null : BLEND[f]));
    if (kinds.some((kind) => kind !== null))
      y = blendPerImage(
        tf,
        y,
        kinds,
        factor.map((f) => f ?? 1),
      );
    const hue = fn.map((f, i) => f === 3 && factor[i] !== null);
    if (hue.some(Boolean))
      y = adjustHuePerImage(
        tf,
        y,
        factor.map((f, i) => (hue[i] ? (f ?? 0) : 0)),
        hue,
      );
  }
  return fromPlanes(tf, y);
}

/** The ColorJitter transform. */
export const colorJitter: AugmentTransform<'ColorJitter', JitterParams, JitterDraw> = {
  title: 'Colour jitter',
  geometric: false,
  accepts: ['brightness', 'contrast', 'saturation', 'hue'],
  about: { brightness: 'the range of', contrast: 'the range of', saturation: 'the range of', hue: 'the range of' },
  parse: (p, field) => ({
    op: 'ColorJitter',
    params: {
      brightness: jitter(p.brightness, field('brightness'), 1, 0, Infinity),
      contrast: jitter(p.contrast, field('contrast'), 1, 0, Infinity),
      saturation: jitter(p.saturation, field('saturation'), 1, 0, Infinity),
      hue: jitter(p.hue, field('hue'), 0, -0.5, 0.5),
    },
  }),
  start: () => ({ brightness: 0.3, contrast: 0.2, saturation: 0.2 }),
  draw(rng, { brightness, contrast, saturation, hue }) {
    const order = randperm(rng, 4);
    const pick = (r: Range, c: number) => (isCentre(r, c) ? null : uniform(rng, r[0], r[1]));
    const b = pick(brightness, 1);
    const c = pick(contrast, 1);
    const s = pick(saturation, 1);
    return { op: 'ColorJitter', order, factors: [b, c, s, pick(hue, 0)] };
  },
  apply: (tf, x, _params, draws) => applyJitter(tf, x, draws),
  ops: (_params, draw) =>
    draw.order.flatMap((k) => {
      const f = draw.factors[k];
      return f === null ? [] : [adjust(k, f)];
    }),
  torchvision: (p) =>
    `T.ColorJitter(brightness=${tuple(p.brightness)}, contrast=${tuple(p.contrast)}, saturation=${tuple(p.saturation)}, hue=${tuple(p.hue)})`,
};
