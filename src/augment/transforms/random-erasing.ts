/** RandomErasing: with probability p, a box of random area and aspect filled with a value or with noise. */
import { pyLiteral } from '../../python/py-literal';
import type { Rng } from '../../data/rng';
import { fillValue, range } from '../check';
import { type EraseBox, eraseBatch } from '../erase';
import { drawSeed, pyRound, randint, uniform } from '../torch-random';
import { positiveRange, prob } from './params';
import { tuple } from './torchvision-source';
import type { AugmentTransform, Range } from './transform';

/** RandomErasing's parameters (value: one per channel, or 'random' for standard-normal noise). */
export interface ErasingParams {
  p: number;
  scale: Range;
  ratio: Range;
  value: number[] | 'random';
}
/** One image's draw: its box (null: not erased) and, with random values, the seed of its noise. */
export interface ErasingDraw {
  op: 'RandomErasing';
  box: EraseBox | null;
  noiseSeed: number | null;
}

/**
 * RandomErasing.get_params: ten tries at a box of the drawn area and log-uniform aspect, else nothing;
 * with random values, their noise (here a seed) is drawn before the box position, as torchvision does.
 */
export function erasingBox(
  rng: Rng,
  h: number,
  w: number,
  scale: Range,
  ratio: Range,
  random = false,
): { box: EraseBox | null; noiseSeed: number | null } {
  const area = h * w;
  const logRatio = [Math.log(ratio[0]), Math.log(ratio[1])];
  for (let t = 0; t < 10; t++) {
    const eraseArea = area * uniform(rng, scale[0], scale[1]);
    const aspect = Math.exp(uniform(rng, logRatio[0], logRatio[1]));
    const eh = pyRound(Math.sqrt(eraseArea * aspect));
    const ew = pyRound(Math.sqrt(eraseArea / aspect));
    if (!(eh < h && ew < w)) continue;
    const noiseSeed = random ? drawSeed(rng) : null;
    return { box: { i: randint(rng, 0, h - eh + 1), j: randint(rng, 0, w - ew + 1), h: eh, w: ew }, noiseSeed };
  }
  return { box: null, noiseSeed: null };
}

/** The RandomErasing transform. */
export const randomErasing: AugmentTransform<'RandomErasing', ErasingParams, ErasingDraw> = {
  title: 'Random erasing',
  geometric: false,
  accepts: ['p', 'scale', 'ratio', 'value'],
  about: { p: 'the probability', scale: 'the range of area fractions', ratio: 'the range of aspect ratios', value: 'the erased value' },
  parse(p, field) {
    const value = p.value === 'random' ? 'random' : p.value === undefined ? [0] : (fillValue(p.value, field('value'), false) ?? [0]);
    return {
      op: 'RandomErasing',
      params: {
        p: prob(p, field, 0.5),
        scale: p.scale === undefined ? [0.02, 0.33] : range(p.scale, field('scale'), 0, 1),
        ratio: positiveRange(p.ratio, field('ratio'), [0.3, 3.3]),
        value,
      },
    };
  },
  start: () => ({ p: 0.5 }),
  draw(rng, params, h, w) {
    if (!(rng() < params.p)) return { op: 'RandomErasing', box: null, noiseSeed: null };
    return { op: 'RandomErasing', ...erasingBox(rng, h, w, params.scale, params.ratio, params.value === 'random') };
  },
  apply(tf, x, params, draws) {
    const [, h, w, c] = x.shape;
    if (draws.every((d) => d.box === null)) return x;
    const boxes = draws.map((d) => d.box ?? { i: 0, j: 0, h: 0, w: 0 });
    const { value } = params;
    if (value !== 'random') return eraseBatch(tf, x, boxes, value);
    return tf.tidy(() => {
      const noise = tf.concat(
        draws.map((d) => (d.noiseSeed === null ? tf.zeros([1, h, w, c]) : tf.randomNormal([1, h, w, c], 0, 1, 'float32', d.noiseSeed))),
        0,
      );
      return eraseBatch(tf, x, boxes, noise);
    });
  },
  ops: (params, draw) => (draw.box === null || params.value === 'random' ? [] : [{ op: 'erase', ...draw.box, v: params.value }]),
  torchvision: (p) =>
    `T.RandomErasing(p=${pyLiteral(p.p)}, scale=${tuple(p.scale)}, ratio=${tuple(p.ratio)}, value=${p.value === 'random' ? "'random'" : tuple(p.value)})`,
};
