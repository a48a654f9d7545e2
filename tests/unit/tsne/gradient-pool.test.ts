import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/data/rng';
import { barnesHutGradient } from '../../../src/tsne/gradient';
import { exactKernelGradient } from '../../../src/tsne/exact-gradient';
import { gradientPool } from '../../../src/tsne/gradient-pool';
import { SpaceTree } from '../../../src/tsne/space-tree';
import { inputAffinities, resolveSettings } from '../../../src/tsne/tsne';
import { blobs, normal } from './helpers';

describe('gradientPool', () => {
  const { x, n } = blobs(3, 40, 6, 9);
  const p = inputAffinities(x, n, 6, 10);
  const rng = mulberry32(1);
  const y = Float64Array.from({ length: n * 2 }, () => normal(rng));
  const reference = new Float64Array(n * 2);
  const refKl = barnesHutGradient(p, y, 2, new SpaceTree(n, 2), 0.5, 12, reference, true);

  it('with one thread gives the single-thread gradient and KL, bit for bit', () => {
    const pool = gradientPool(
      n,
      2,
      1,
      () => {
        throw new Error('no helper is needed');
      },
      () => {},
    );
    const grad = new Float64Array(n * 2);
    const kl = pool.gradient(p, resolveSettings(n, { method: 'barnes-hut' }))(y, 12, grad, true);
    expect(Array.from(grad)).toEqual(Array.from(reference));
    expect(kl).toBe(refKl);
    expect(pool.threads()).toBe(1);
    pool.close();
  });

  it('falls back to one thread, with a warning, when a helper never gets ready', async () => {
    const warnings: string[] = [];
    let terminated = 0;
    const pool = gradientPool(
      n,
      2,
      2,
      () => ({
        start: () => {},
        prepare: () => {},
        terminate: () => {
          terminated++;
        },
        loaded: Promise.resolve(),
      }),
      (m) => warnings.push(m),
      100,
    );
    await pool.loaded();
    const grad = new Float64Array(n * 2);
    const kl = pool.gradient(p, resolveSettings(n, { method: 'barnes-hut' }))(y, 12, grad, true);
    expect(warnings.join('\n')).toMatch(/1 helper thread\(s\) did not start; using one thread/);
    expect(pool.threads()).toBe(1);
    expect(terminated).toBe(1);
    expect(Array.from(grad)).toEqual(Array.from(reference));
    expect(kl).toBe(refKl);
  });

  it('sums exactly when the settings say so: one thread gives exactKernelGradient, bit for bit', () => {
    const pool = gradientPool(
      n,
      2,
      1,
      () => {
        throw new Error('no helper is needed');
      },
      () => {},
    );
    const grad = new Float64Array(n * 2);
    const want = new Float64Array(n * 2);
    const kl = pool.gradient(p, resolveSettings(n, { method: 'exact' }))(y, 12, grad, true);
    expect(kl).toBe(exactKernelGradient(p, 2)(y, 12, want, true));
    expect(Array.from(grad)).toEqual(Array.from(want));
    pool.close();
  });

  it('reports a helper that fails to load', async () => {
    const warnings: string[] = [];
    const pool = gradientPool(
      n,
      2,
      2,
      (_t, _shared, fail) => {
        fail('no such script');
        return { start: () => {}, prepare: () => {}, terminate: () => {} };
      },
      (m) => warnings.push(m),
      100,
    );
    pool.gradient(p, resolveSettings(n, { method: 'barnes-hut' }));
    expect(warnings[0]).toBe('t-SNE thread 1 failed: no such script');
    expect(pool.threads()).toBe(1);
  });
});
