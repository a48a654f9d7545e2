import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/data/rng';
import { barnesHutGradient, exactGradient, exactKl } from '../../../src/tsne/gradient';
import { SpaceTree } from '../../../src/tsne/space-tree';
import { inputAffinities } from '../../../src/tsne/tsne';
import { blobs, normal } from './helpers';

function relError(a: Float64Array, b: Float64Array): number {
  let num = 0;
  let den = 0;
  for (let e = 0; e < a.length; e++) {
    num += (a[e] - b[e]) ** 2;
    den += b[e] ** 2;
  }
  return Math.sqrt(num / den);
}

describe('barnesHutGradient', () => {
  const { x, n } = blobs(4, 50, 10, 5);
  const p = inputAffinities(x, n, 10, 15);
  for (const dims of [2, 3] as const) {
    const rng = mulberry32(dims);
    const y = Float64Array.from({ length: n * dims }, () => 3 * normal(rng));
    // Two points on top of each other exercise the shared-leaf path.
    for (let a = 0; a < dims; a++) y[dims + a] = y[a];
    const exact = exactGradient(p, y, dims, 4);

    it(`${dims}-D: at theta 0 it is the exact gradient (relative 1e-12)`, () => {
      const grad = new Float64Array(n * dims);
      barnesHutGradient(p, y, dims, new SpaceTree(n, dims), 0, 4, grad, false);
      expect(relError(grad, exact)).toBeLessThan(1e-12);
    });

    it(`${dims}-D: the error shrinks with theta (below 1e-3 at theta 0.1, 5e-2 at 0.5)`, () => {
      const tree = new SpaceTree(n, dims);
      const errors = [0.1, 0.3, 0.5].map((theta) => {
        const grad = new Float64Array(n * dims);
        barnesHutGradient(p, y, dims, tree, theta, 4, grad, false);
        return relError(grad, exact);
      });
      expect(errors[0]).toBeLessThan(1e-3);
      expect(errors[2]).toBeLessThan(5e-2);
      expect(errors[0]).toBeLessThan(errors[2]);
    });

    it(`${dims}-D: the KL it reports at theta 0 is the exact KL`, () => {
      const grad = new Float64Array(n * dims);
      const kl = barnesHutGradient(p, y, dims, new SpaceTree(n, dims), 0, 4, grad, true);
      expect(kl).toBeCloseTo(exactKl(p, y, dims), 10);
    });
  }
});
