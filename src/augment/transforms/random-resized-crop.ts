/** RandomResizedCrop: a box of random area and aspect cropped and resized (bilinear) to a fixed size. */
import { pyLiteral } from '../../python/py-literal';
import type { Rng } from '../../data/rng';
import { bool, oneOf } from '../check';
import { resizeAxis } from '../resample-weights';
import { applySeparable } from '../separable';
import { pyRound, randint, uniform } from '../torch-random';
import { positiveRange, size } from './params';
import { tuple } from './torchvision-source';
import type { AugmentTransform, Range } from './transform';

/** A crop box in the image it is drawn from. */
export interface Box {
  top: number;
  left: number;
  height: number;
  width: number;
}
/** RandomResizedCrop's parameters. */
export interface ResizedCropParams {
  size: [number, number];
  scale: Range;
  ratio: Range;
  antialias: boolean;
}
/** One image's draw: its box. */
export interface ResizedCropDraw {
  op: 'RandomResizedCrop';
  box: Box;
}

/** RandomResizedCrop.get_params: scale uniform, log-uniform aspect, ten tries, then the central crop. */
export function resizedCropBox(rng: Rng, h: number, w: number, scale: Range, ratio: Range): Box {
  const area = h * w;
  const logRatio = [Math.log(ratio[0]), Math.log(ratio[1])];
  for (let t = 0; t < 10; t++) {
    const targetArea = area * uniform(rng, scale[0], scale[1]);
    const aspect = Math.exp(uniform(rng, logRatio[0], logRatio[1]));
    const cw = pyRound(Math.sqrt(targetArea * aspect));
    const ch = pyRound(Math.sqrt(targetArea / aspect));
    if (cw > 0 && cw <= w && ch > 0 && ch <= h) {
      const top = randint(rng, 0, h - ch + 1);
      const left = randint(rng, 0, w - cw + 1);
      return { top, left, height: ch, width: cw };
    }
  }
  const inRatio = w / h;
  let cw = w;
  let ch = h;
  if (inRatio < Math.min(...ratio)) ch = pyRound(cw / Math.min(...ratio));
  else if (inRatio > Math.max(...ratio)) {
    ch = h;
    cw = pyRound(ch * Math.max(...ratio));
  }
  return { top: Math.floor((h - ch) / 2), left: Math.floor((w - cw) / 2), height: ch, width: cw };
}

/** The RandomResizedCrop transform. */
export const randomResizedCrop: AugmentTransform<'RandomResizedCrop', ResizedCropParams, ResizedCropDraw> = {
  title: 'Random resized crop',
  geometric: true,
  accepts: ['size', 'scale', 'ratio', 'antialias', 'interpolation'],
  about: { size: 'the output size', scale: 'the range of area fractions', ratio: 'the range of aspect ratios' },
  parse(p, field) {
    if (p.interpolation !== undefined) oneOf(p.interpolation, field('interpolation'), ['bilinear'] as const);
    return {
      op: 'RandomResizedCrop',
      params: {
        size: size(p.size, field('size')),
        scale: positiveRange(p.scale, field('scale'), [0.08, 1]),
        ratio: positiveRange(p.ratio, field('ratio'), [3 / 4, 4 / 3]),
        antialias: p.antialias === undefined ? true : bool(p.antialias, field('antialias')),
      },
    };
  },
  start: (s) => ({ size: s, scale: [0.6, 1] }),
  outputSize: (params) => params.size,
  fit: (params, side) => ({ ...params, size: [side, side] }),
  draw: (rng, params, h, w) => ({ op: 'RandomResizedCrop', box: resizedCropBox(rng, h, w, params.scale, params.ratio) }),
  apply(tf, x, params, draws) {
    const [, h, w] = x.shape;
    const [oh, ow] = params.size;
    const boxes = draws.map((d) => d.box);
    return applySeparable(
      tf,
      x,
      boxes.map((b) => resizeAxis(h, b.top, b.height, oh, params.antialias)),
      boxes.map((b) => resizeAxis(w, b.left, b.width, ow, params.antialias)),
    );
  },
  ops: (params, draw) => [{ op: 'resized_crop', ...draw.box, size: params.size, antialias: params.antialias }],
  torchvision: (p) =>
    `T.RandomResizedCrop(size=${tuple(p.size)}, scale=${tuple(p.scale)}, ratio=${tuple(p.ratio)}, interpolation=InterpolationMode.BILINEAR, antialias=${pyLiteral(p.antialias)})`,
};
