/** RandomCrop: the image padded, then a box of fixed size cropped at a random place. */
import { pyLiteral } from '../../python/py-literal';
import { num, oneOf } from '../check';
import type { FunctionalOp } from '../functional';
import { padding4 } from '../ops-file';
import { type PadMode, cropAxis } from '../resample-weights';
import { addPadFill, applySeparable } from '../separable';
import { randint } from '../torch-random';
import { size } from './params';
import { tuple } from './torchvision-source';
import type { AugmentTransform } from './transform';

/** RandomCrop's parameters (padding as [left, top, right, bottom]). */
export interface CropParams {
  size: [number, number];
  padding: [number, number, number, number];
  fill: number;
  padding_mode: PadMode;
}
/** One image's draw: the crop's corner in the padded image. */
export interface CropDraw {
  op: 'RandomCrop';
  top: number;
  left: number;
}

const PAD_MODES = ['constant', 'edge', 'reflect', 'symmetric'] as const;

/** The RandomCrop transform. */
export const randomCrop: AugmentTransform<'RandomCrop', CropParams, CropDraw> = {
  title: 'Random crop',
  geometric: true,
  accepts: ['size', 'padding', 'fill', 'padding_mode'],
  about: { size: 'the output size', padding: 'the border', fill: 'the border value' },
  parse: (p, field) => ({
    op: 'RandomCrop',
    params: {
      size: size(p.size, field('size')),
      padding: p.padding === undefined || p.padding === null ? [0, 0, 0, 0] : padding4(p.padding, field('padding')),
      fill: p.fill === undefined ? 0 : num(p.fill, field('fill')),
      padding_mode: p.padding_mode === undefined ? 'constant' : oneOf(p.padding_mode, field('padding_mode'), PAD_MODES),
    },
  }),
  start: (s) => ({ size: s, padding: Math.max(1, Math.round(s / 16)) }),
  outputSize: (params) => params.size,
  fit: (params, side) => ({ ...params, size: [side, side] }),
  misfit(params, h, w) {
    const [l, t, r, b] = params.padding;
    const [th, tw] = params.size;
    if (h + t + b < th || w + l + r < tw) return `size ${th}×${tw} is larger than the padded image ${h + t + b}×${w + l + r}`;
    if (params.padding_mode === 'reflect' && (t >= h || b >= h || l >= w || r >= w))
      return `reflect padding must be smaller than the image side ${h}×${w}`;
    return null;
  },
  draw(rng, params, h, w) {
    const [l, t, r, b] = params.padding;
    const ph = h + t + b;
    const pw = w + l + r;
    const [th, tw] = params.size;
    if (ph === th && pw === tw) return { op: 'RandomCrop', top: 0, left: 0 };
    return { op: 'RandomCrop', top: randint(rng, 0, ph - th + 1), left: randint(rng, 0, pw - tw + 1) };
  },
  apply(tf, x, params, draws) {
    const [, h, w] = x.shape;
    const [l, t] = params.padding;
    const [th, tw] = params.size;
    const rows = draws.map((d) => cropAxis(h, d.top - t, th, params.padding_mode));
    const cols = draws.map((d) => cropAxis(w, d.left - l, tw, params.padding_mode));
    return tf.tidy(() =>
      addPadFill(tf, applySeparable(tf, x, rows, cols), rows, cols, params.padding_mode === 'constant' ? params.fill : 0),
    );
  },
  ops(params, draw) {
    const {
      padding,
      fill,
      padding_mode: mode,
      size: [height, width],
    } = params;
    const pad: FunctionalOp[] = padding.some((p) => p > 0) ? [{ op: 'pad', padding, fill, padding_mode: mode }] : [];
    return [...pad, { op: 'crop', top: draw.top, left: draw.left, height, width }];
  },
  torchvision: (p) =>
    `T.RandomCrop(size=${tuple(p.size)}, padding=${tuple(p.padding)}, fill=${pyLiteral(p.fill)}, padding_mode=${pyLiteral(p.padding_mode)})`,
};
