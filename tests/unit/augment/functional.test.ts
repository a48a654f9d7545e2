import * as tf from '@tensorflow/tfjs';
import { describe, it, expect, beforeAll } from 'vitest';
import { applyFunctionalOps } from '../../../src/augment/functional';
import type { FunctionalOp } from '../../../src/augment/functional';
import { parseOpsFile } from '../../../src/augment/ops-file';
import { perspectiveCoeffs } from '../../../src/augment/perspective-coeffs';
import { perspectiveCoords, rotateCoords } from '../../../src/augment/warp';
import { selectBackend } from '../../../src/train/backends';
import { loadAugmentFixtures, toNhwc } from './fixtures';

const fx = loadAugmentFixtures();

/**
 * Tolerances (max absolute difference, values in [0, 1]), against torchvision in float32:
 * colour ops and the linear resamplers (resize, blur) 1e-5: the same float32 formulas, only the
 * summation order differs (a few ulps). Bilinear warps 1e-4: the sampling coordinates are computed
 * in float32 from the same formulas but in a different order, so they differ by ~1e-6 pixel on a
 * 23-pixel image (perspective coefficients also come from an 8×8 solve that torchvision 0.14 does in
 * float32), and bilinear output moves by at most (coordinate error) × (neighbour difference ≤ 1).
 * Copies (hflip, crop, pad, erase) and nearest sampling are exact, except that nearest sampling
 * skips output pixels whose sample position lies within 1e-4 px of a rounding tie (x.5): there the
 * last float32 bit decides the pixel, in torchvision as here (at most 1% of the pixels may be skipped).
 */
/** For a single nearest warp, which output pixels (y·W + x) sit on a rounding tie. */
function nearestTies(op: FunctionalOp, h: number, w: number): Set<number> {
  const ties = new Set<number>();
  if ((op.op !== 'perspective' && op.op !== 'rotate') || op.interpolation !== 'nearest') return ties;
  const [ix, iy] =
    op.op === 'perspective'
      ? perspectiveCoords(tf, [perspectiveCoeffs(op.startpoints, op.endpoints)], h, w)
      : rotateCoords(tf, [op.angle], h, w);
  const xs = ix.dataSync();
  const ys = iy.dataSync();
  const nearTie = (v: number) => Math.abs(v - Math.floor(v) - 0.5) < 1e-4;
  for (let k = 0; k < xs.length; k++) if (nearTie(xs[k]) || nearTie(ys[k])) ties.add(k);
  tf.dispose([ix, iy]);
  return ties;
}

function tolerance(ops: Record<string, unknown>[]): number {
  const kinds = ops.map((o) => o.op as string);
  if (kinds.some((k) => k === 'perspective' || k === 'rotate')) return ops.some((o) => o.interpolation === 'nearest') ? 0 : 1e-4;
  if (kinds.some((k) => k.startsWith('adjust_') || k === 'resized_crop' || k === 'gaussian_blur')) return 1e-5;
  return 0;
}

for (const backend of ['cpu', 'wasm']) {
  describe(`torchvision.transforms.functional on ${backend}`, () => {
    beforeAll(async () => {
      await selectBackend(tf, { preferred: [backend] });
    });

    it.each(fx.cases.map((c) => [c.name, c] as const))('%s equals torchvision %s', (_name, c) => {
      const parsed = parseOpsFile(c.ops);
      if (!parsed.ok) throw new Error(parsed.errors.join('; '));
      const want = fx.tensors.get(c.output)!;
      const x = toNhwc(tf, fx.tensors.get(`input_${c.input}`)!);
      const y = applyFunctionalOps(tf, x, parsed.value);
      const got = tf.tidy(() => y.transpose([0, 3, 1, 2]));
      expect(got.shape).toEqual(want.shape);
      const g = got.dataSync();
      const [, , h, w] = want.shape;
      const ties = parsed.value.length === 1 ? nearestTies(parsed.value[0], h, w) : new Set<number>();
      expect(ties.size).toBeLessThanOrEqual(0.01 * h * w);
      let worst = 0;
      for (let i = 0; i < g.length; i++)
        if (!ties.has(i % (h * w))) worst = Math.max(worst, Math.abs(g[i] - (want.data as Float32Array)[i]));
      tf.dispose([x, y, got]);
      expect(worst).toBeLessThanOrEqual(tolerance(c.ops));
    });
  });
}
