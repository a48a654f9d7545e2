/** GaussianBlur: each image blurred by a Gaussian kernel of fixed size and a sigma drawn uniformly from its range. */
import { num } from '../check';
import { blurAxis } from '../resample-weights';
import { applySeparable } from '../separable';
import { uniform } from '../torch-random';
import { oddSize, positiveRange } from './params';
import { tuple } from './torchvision-source';
import type { AugmentTransform, Range } from './transform';

/** GaussianBlur's parameters (kernel_size as [x, y], torchvision's order). */
export interface BlurParams {
  kernel_size: [number, number];
  sigma: Range;
}
/** One image's draw: its sigma. */
export interface BlurDraw {
  op: 'GaussianBlur';
  sigma: number;
}

/** The GaussianBlur transform. */
export const gaussianBlur: AugmentTransform<'GaussianBlur', BlurParams, BlurDraw> = {
  title: 'Gaussian blur',
  geometric: false,
  accepts: ['kernel_size', 'sigma'],
  about: { kernel_size: 'the kernel size', sigma: 'the range of blur widths' },
  parse(p, field) {
    const sigma: Range =
      typeof p.sigma === 'number' ? [num(p.sigma, field('sigma'), 1e-6), p.sigma] : positiveRange(p.sigma, field('sigma'), [0.1, 2]);
    return { op: 'GaussianBlur', params: { kernel_size: oddSize(p.kernel_size, field('kernel_size')), sigma } };
  },
  start: () => ({ kernel_size: 3, sigma: [0.1, 2] }),
  misfit(params, h, w) {
    const [kx, ky] = params.kernel_size;
    return Math.floor(ky / 2) >= h || Math.floor(kx / 2) >= w
      ? `kernel_size ${kx}×${ky} is too large for a ${h}×${w} image (reflect padding)`
      : null;
  },
  draw: (rng, params) => ({ op: 'GaussianBlur', sigma: uniform(rng, params.sigma[0], params.sigma[1]) }),
  apply(tf, x, params, draws) {
    const [, h, w] = x.shape;
    const [kx, ky] = params.kernel_size;
    const sigmas = draws.map((d) => d.sigma);
    return applySeparable(
      tf,
      x,
      sigmas.map((s) => blurAxis(h, ky, s)),
      sigmas.map((s) => blurAxis(w, kx, s)),
    );
  },
  ops: (params, draw) => [{ op: 'gaussian_blur', kernel_size: params.kernel_size, sigma: [draw.sigma, draw.sigma] }],
  torchvision: (p) => `T.GaussianBlur(kernel_size=${tuple(p.kernel_size)}, sigma=${tuple(p.sigma)})`,
};
