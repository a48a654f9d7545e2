/** RandomPerspective: with probability p, each corner moved inwards at random and the image warped to match. */
import { pyLiteral } from '../../python/py-literal';
import type { Rng } from '../../data/rng';
import { num } from '../check';
import type { Interpolation } from '../grid-sample';
import { type Corners, perspectiveCoeffs } from '../perspective-coeffs';
import { randint } from '../torch-random';
import { perspectiveBatch } from '../warp';
import { fill, interpolation, prob } from './params';
import { selectImages } from './select';
import { mode } from './torchvision-source';
import type { AugmentTransform } from './transform';

/** RandomPerspective's parameters. */
export interface PerspectiveParams {
  distortion_scale: number;
  p: number;
  interpolation: Interpolation;
  fill: number[];
}
/** One image's draw: the corners and where they go (null: not warped). */
export interface PerspectiveDraw {
  op: 'RandomPerspective';
  startpoints: Corners;
  endpoints: Corners | null;
}

const IDENTITY = [1, 0, 0, 0, 1, 0, 0, 0];

/** RandomPerspective.get_params: each corner moved inwards by up to distortion_scale · half the side. */
export function perspectiveEndpoints(rng: Rng, w: number, h: number, d: number): { startpoints: Corners; endpoints: Corners } {
  const hw = Math.trunc(d * Math.floor(w / 2));
  const hh = Math.trunc(d * Math.floor(h / 2));
  const topleft: [number, number] = [randint(rng, 0, hw + 1), randint(rng, 0, hh + 1)];
  const topright: [number, number] = [randint(rng, w - hw - 1, w), randint(rng, 0, hh + 1)];
  const botright: [number, number] = [randint(rng, w - hw - 1, w), randint(rng, h - hh - 1, h)];
  const botleft: [number, number] = [randint(rng, 0, hw + 1), randint(rng, h - hh - 1, h)];
  return {
    startpoints: [
      [0, 0],
      [w - 1, 0],
      [w - 1, h - 1],
      [0, h - 1],
    ],
    endpoints: [topleft, topright, botright, botleft],
  };
}

/** True when the draw moves a corner. */
const moves = (d: PerspectiveDraw): boolean =>
  d.endpoints?.some((p, i) => p[0] !== d.startpoints[i][0] || p[1] !== d.startpoints[i][1]) ?? false;

/** The RandomPerspective transform. */
export const randomPerspective: AugmentTransform<'RandomPerspective', PerspectiveParams, PerspectiveDraw> = {
  title: 'Random perspective',
  geometric: true,
  accepts: ['distortion_scale', 'p', 'interpolation', 'fill'],
  about: { distortion_scale: 'the strength', p: 'the probability' },
  parse: (p, field) => ({
    op: 'RandomPerspective',
    params: {
      distortion_scale: p.distortion_scale === undefined ? 0.5 : num(p.distortion_scale, field('distortion_scale'), 0, 1),
      p: prob(p, field, 0.5),
      interpolation: interpolation(p, field, 'bilinear'),
      fill: fill(p, field),
    },
  }),
  start: () => ({ distortion_scale: 0.5, p: 0.5 }),
  draw(rng, params, h, w) {
    if (!(rng() < params.p)) return { op: 'RandomPerspective', startpoints: [], endpoints: null };
    const { startpoints, endpoints } = perspectiveEndpoints(rng, w, h, params.distortion_scale);
    return { op: 'RandomPerspective', startpoints, endpoints };
  },
  apply(tf, x, params, draws) {
    const on = draws.map(moves);
    if (!on.some(Boolean)) return x;
    const coeffs = draws.map((d, i) => (on[i] && d.endpoints !== null ? perspectiveCoeffs(d.startpoints, d.endpoints) : IDENTITY));
    return selectImages(tf, on, perspectiveBatch(tf, x, coeffs, params.interpolation, params.fill), x);
  },
  ops: (params, draw) =>
    draw.endpoints === null
      ? []
      : [
          {
            op: 'perspective',
            startpoints: draw.startpoints,
            endpoints: draw.endpoints,
            interpolation: params.interpolation,
            fill: params.fill,
          },
        ],
  torchvision: (p) =>
    `T.RandomPerspective(distortion_scale=${pyLiteral(p.distortion_scale)}, p=${pyLiteral(p.p)}, interpolation=${mode(p.interpolation)}, fill=${pyLiteral(p.fill)})`,
};
