/** RandomRotation: each image rotated about its centre by an angle drawn uniformly from the degrees range. */
import { pyLiteral } from '../../python/py-literal';
import { num, range } from '../check';
import type { Interpolation } from '../grid-sample';
import { uniform } from '../torch-random';
import { rotateBatch } from '../warp';
import { fill, interpolation } from './params';
import { selectImages } from './select';
import { mode, tuple } from './torchvision-source';
import type { AugmentTransform, Range } from './transform';

/** RandomRotation's parameters. */
export interface RotationParams {
  degrees: Range;
  interpolation: Interpolation;
  fill: number[];
}
/** One image's draw: its angle in degrees (counter-clockwise). */
export interface RotationDraw {
  op: 'RandomRotation';
  angle: number;
}

/** The RandomRotation transform. */
export const randomRotation: AugmentTransform<'RandomRotation', RotationParams, RotationDraw> = {
  title: 'Random rotation',
  geometric: true,
  accepts: ['degrees', 'interpolation', 'fill'],
  about: { degrees: 'the range of angles' },
  parse(p, field) {
    const degrees: Range =
      typeof p.degrees === 'number'
        ? [-num(p.degrees, field('degrees'), 0, 360), num(p.degrees, field('degrees'), 0, 360)]
        : range(p.degrees, field('degrees'), -360, 360);
    return { op: 'RandomRotation', params: { degrees, interpolation: interpolation(p, field, 'nearest'), fill: fill(p, field) } };
  },
  start: () => ({ degrees: 15 }),
  draw: (rng, params) => ({ op: 'RandomRotation', angle: uniform(rng, params.degrees[0], params.degrees[1]) }),
  apply(tf, x, params, draws) {
    const angles = draws.map((d) => d.angle);
    const on = angles.map((a) => a !== 0);
    if (!on.some(Boolean)) return x;
    return selectImages(tf, on, rotateBatch(tf, x, angles, params.interpolation, params.fill), x);
  },
  ops: (params, draw) =>
    draw.angle === 0 ? [] : [{ op: 'rotate', angle: draw.angle, interpolation: params.interpolation, fill: params.fill }],
  torchvision: (p) => `T.RandomRotation(degrees=${tuple(p.degrees)}, interpolation=${mode(p.interpolation)}, fill=${pyLiteral(p.fill)})`,
};
