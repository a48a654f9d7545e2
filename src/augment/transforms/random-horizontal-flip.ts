/** RandomHorizontalFlip: each image mirrored left–right with probability p. */
import { pyLiteral } from '../../python/py-literal';
import { AUGMENT_KERNEL, runAugmentKernel } from '../kernels/register';
import type { Tensor } from '../../tensor/tf-types';
import { prob } from './params';
import { selectImages } from './select';
import type { AugmentTransform } from './transform';

/** RandomHorizontalFlip's parameters. */
export interface FlipParams {
  p: number;
}
/** One image's draw: flipped or not. */
export interface FlipDraw {
  op: 'RandomHorizontalFlip';
  flip: boolean;
}

/** The RandomHorizontalFlip transform. */
export const randomHorizontalFlip: AugmentTransform<'RandomHorizontalFlip', FlipParams, FlipDraw> = {
  title: 'Random horizontal flip',
  geometric: true,
  accepts: ['p'],
  about: { p: 'the probability' },
  parse: (p, field) => ({ op: 'RandomHorizontalFlip', params: { p: prob(p, field, 0.5) } }),
  start: () => ({ p: 0.5 }),
  draw: (rng, { p }) => ({ op: 'RandomHorizontalFlip', flip: rng() < p }),
  apply(tf, x, _params, draws) {
    const flip = draws.map((d) => d.flip);
    if (!flip.some(Boolean)) return x;
    const flags = tf.tensor1d(flip.map(Number));
    const fast = runAugmentKernel(tf, AUGMENT_KERNEL.hflip, { x, flags }) as Tensor | null;
    flags.dispose();
    return fast ?? selectImages(tf, flip, tf.reverse(x, 2), x);
  },
  ops: (_params, draw) => (draw.flip ? [{ op: 'hflip' }] : []),
  torchvision: ({ p }) => `T.RandomHorizontalFlip(p=${pyLiteral(p)})`,
};
