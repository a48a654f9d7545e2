import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import { applyStep } from '../../../../src/augment/augment-batch';
import type { Planes } from '../../../../src/augment/color';
import { type Fill, type Interpolation, sampleGrid } from '../../../../src/augment/grid-sample';
import { adjustHuePerImage } from '../../../../src/augment/hsv';
import { AUGMENT_KERNEL, setAugmentKernelsEnabled } from '../../../../src/augment/kernels/register';
import { blurAxis, cropAxis, resizeAxis } from '../../../../src/augment/resample-weights';
import { applySeparable } from '../../../../src/augment/separable';
import { mulberry32 } from '../../../../src/data/rng';
import { selectBackend } from '../../../../src/train/backends';
import { webgpu } from '../../train/kernels/webgpu-helpers';

/**
 * Each augmentation kernel against the op-by-op version it replaces (the reference, itself checked
 * against torchvision in functional.test.ts), on the cpu backend. Tolerances (max absolute
 * difference, values in [0, 1]): host kernels 1e-6 (the same float32 roundings, the separable sums
 * in another order); WGSL 1e-5 (GPU division and sums are not rounded like the host's); nearest
 * sampling exactly (random positions are never on a rounding tie).
 */
afterEach(() => setAugmentKernelsEnabled(true));

const rng = mulberry32(11);
const uniform = (n: number, lo: number, hi: number) => Float32Array.from({ length: n }, () => lo + (hi - lo) * rng());

interface GridCase {
  n: number;
  h: number;
  w: number;
  ho: number;
  wo: number;
  interpolation: Interpolation;
  fill: Fill;
}
const GRID_CASES: GridCase[] = [
  { n: 2, h: 7, w: 9, ho: 7, wo: 9, interpolation: 'bilinear', fill: null },
  { n: 3, h: 8, w: 5, ho: 6, wo: 11, interpolation: 'bilinear', fill: [0.25, 0.5, 1] },
  { n: 1, h: 13, w: 13, ho: 13, wo: 13, interpolation: 'bilinear', fill: [0.7] },
  { n: 2, h: 6, w: 10, ho: 6, wo: 10, interpolation: 'nearest', fill: null },
  { n: 2, h: 9, w: 4, ho: 5, wo: 7, interpolation: 'nearest', fill: [1, 0, 0.5] },
];

/** Runs f with the kernels on `backend`, then without them on cpu; returns both outputs' values. */
async function both(backend: string, f: () => tf.Tensor | tf.Tensor[]): Promise<[Float32Array, Float32Array]> {
  await selectBackend(tf, { preferred: [backend] });
  const got = [f()].flat();
  const g = Float32Array.from((await Promise.all(got.map((t) => t.data()))).flatMap((d) => Array.from(d)));
  await selectBackend(tf, { preferred: ['cpu'] });
  setAugmentKernelsEnabled(false);
  const want = [f()].flat();
  const w = Float32Array.from(want.flatMap((t) => Array.from(t.dataSync())));
  setAugmentKernelsEnabled(true);
  tf.dispose([...got, ...want]);
  return [g, w];
}

const maxDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

for (const backend of ['cpu', 'wasm', 'webgpu']) {
  const tol = (exact: boolean) => (exact ? 0 : backend === 'webgpu' ? 1e-5 : 1e-6);
  describe(`augmentation kernels on ${backend}`, () => {
    const start = async () => {
      if (backend === 'webgpu') await webgpu();
    };

    for (const c of GRID_CASES) {
      it(`GridSample equals the op-by-op sampleGrid for ${JSON.stringify(c)}`, async () => {
        await start();
        const x = uniform(c.n * c.h * c.w * 3, 0, 1);
        // Positions from half a pixel to 2 pixels outside the image, so every border case occurs.
        const ix = uniform(c.n * c.ho * c.wo, -2, c.w + 1);
        const iy = uniform(c.n * c.ho * c.wo, -2, c.h + 1);
        const [got, want] = await both(backend, () =>
          tf.tidy(() =>
            sampleGrid(
              tf,
              tf.tensor4d(x, [c.n, c.h, c.w, 3]),
              tf.tensor3d(ix, [c.n, c.ho, c.wo]),
              tf.tensor3d(iy, [c.n, c.ho, c.wo]),
              c.interpolation,
              c.fill,
            ),
          ),
        );
        expect(got.length).toBe(c.n * c.ho * c.wo * 3);
        expect(want.some((v) => v !== 0)).toBe(true);
        expect(maxDiff(got, want)).toBeLessThanOrEqual(tol(c.interpolation === 'nearest'));
      });
    }

    it('AdjustHue equals the op-by-op adjust_hue, with grays, primaries and every sector', async () => {
      await start();
      const [n, h, w] = [4, 9, 7];
      const planes = [0, 1, 2].map(() => uniform(n * h * w, 0, 1));
      for (let k = 0; k < 12; k++) {
        const v = [
          [0.5, 0.5, 0.5],
          [1, 0, 0],
          [0, 1, 0],
          [0, 0, 1],
          [1, 1, 0],
          [0, 0, 0],
          [1, 1, 1],
          [0.2, 0.2, 0.9],
          [0.9, 0.2, 0.9],
          [0.3, 0.6, 0.6],
          [0.6, 0.3, 0.3],
          [0, 1, 1],
        ][k];
        planes.forEach((p, ch) => {
          p[k * 5] = v[ch];
        });
      }
      const factors = [-0.5, -0.13, 0.31, 0.5];
      const [got, want] = await both(backend, () =>
        tf.tidy(() => adjustHuePerImage(tf, planes.map((p) => tf.tensor3d(p, [n, h, w])) as Planes, factors)),
      );
      expect(got.length).toBe(3 * n * h * w);
      expect(maxDiff(got, want)).toBeLessThanOrEqual(tol(false));
      // Images left out by `only` come back bit for bit; the others as before.
      const only = [true, false, true, false];
      const [some, ref] = await both(backend, () =>
        tf.tidy(() => adjustHuePerImage(tf, planes.map((p) => tf.tensor3d(p, [n, h, w])) as Planes, factors, only)),
      );
      expect(maxDiff(some, ref)).toBeLessThanOrEqual(tol(false));
      const plane = h * w;
      for (let ch = 0; ch < 3; ch++) {
        for (const img of [1, 3])
          expect(Array.from(some.subarray((ch * n + img) * plane, (ch * n + img + 1) * plane))).toEqual(
            Array.from(planes[ch].subarray(img * plane, (img + 1) * plane)),
          );
        expect(Array.from(some.subarray(ch * n * plane, (ch * n + 1) * plane))).toEqual(
          Array.from(got.subarray(ch * n * plane, (ch * n + 1) * plane)),
        );
      }
    });

    it('Separable equals the two batched matMuls for resize (with antialias), crop with padding, and blur', async () => {
      await start();
      const [n, h, w] = [3, 12, 10];
      const x = uniform(n * h * w * 3, 0, 1);
      const cases = [
        {
          rows: [resizeAxis(h, 1, 9, 7, true), resizeAxis(h, 0, 12, 7, false), resizeAxis(h, 3, 5, 7, true)],
          cols: [resizeAxis(w, 0, 10, 5, true), resizeAxis(w, 2, 7, 5, false), resizeAxis(w, 1, 8, 5, true)],
        },
        {
          rows: [0, 1, 2].map((i) => resizeAxis(h, i, 10 - i, 16, i !== 1)),
          cols: [0, 1, 2].map((i) => resizeAxis(w, 0, 10 - 2 * i, 13, true)),
        },
        {
          rows: [0, 1, 2].map((i) => cropAxis(h, i * 2 - 3, 8, ['constant', 'reflect', 'edge'][i] as 'constant')),
          cols: [0, 1, 2].map((i) => cropAxis(w, 4 - i * 3, 9, ['symmetric', 'constant', 'reflect'][i] as 'constant')),
        },
        { rows: [0.4, 1.1, 2].map((s) => blurAxis(h, 5, s)), cols: [0.6, 1.5, 0.9].map((s) => blurAxis(w, 3, s)) },
      ];
      for (const { rows, cols } of cases) {
        const [got, want] = await both(backend, () => tf.tidy(() => applySeparable(tf, tf.tensor4d(x, [n, h, w, 3]), rows, cols)));
        expect(got.length).toBe(n * rows[0].outSize * cols[0].outSize * 3);
        expect(maxDiff(got, want)).toBeLessThanOrEqual(backend === 'webgpu' ? 1e-5 : 1e-6);
      }
    });

    it('HFlip mirrors exactly the flagged images of a batch, as tf.reverse does', async () => {
      await start();
      const [n, h, w] = [3, 5, 7];
      const x = uniform(n * h * w * 3, 0, 1);
      const step = { op: 'RandomHorizontalFlip', params: { p: 0.5 } } as const;
      const draws = [true, false, true].map((flip) => ({ op: 'RandomHorizontalFlip' as const, flip }));
      const [got, want] = await both(backend, () => tf.tidy(() => applyStep(tf, tf.tensor4d(x, [n, h, w, 3]), step, draws)));
      expect(got).toEqual(want);
      expect(got.subarray(0, h * w * 3)).not.toEqual(x.subarray(0, h * w * 3));
      expect(got.subarray(h * w * 3, 2 * h * w * 3)).toEqual(x.subarray(h * w * 3, 2 * h * w * 3));
    });

    it(`runs as kernels on ${backend}, not as the op-by-op versions`, async () => {
      await start();
      await selectBackend(tf, { preferred: [backend] });
      const x = tf.randomUniform([2, 8, 8, 3], 0, 1, 'float32', 1);
      const pos = tf.randomUniform([2, 8, 8], 0, 7, 'float32', 2);
      const profile = await tf.profile(() => {
        const planes = tf.unstack(x.transpose([3, 0, 1, 2])) as Planes;
        const flip = applyStep(tf, x, { op: 'RandomHorizontalFlip', params: { p: 0.5 } }, [
          { op: 'RandomHorizontalFlip', flip: true },
          { op: 'RandomHorizontalFlip', flip: false },
        ]);
        return [
          flip,
          sampleGrid(tf, x, pos, pos, 'bilinear', null),
          ...adjustHuePerImage(tf, planes, [0.1, 0.2]),
          applySeparable(
            tf,
            x,
            [0, 1].map(() => resizeAxis(8, 0, 8, 5, true)),
            [0, 1].map(() => resizeAxis(8, 0, 8, 5, true)),
          ),
        ];
      });
      const names = new Set(profile.kernelNames);
      expect(names.has(AUGMENT_KERNEL.gridSample)).toBe(true);
      expect(names.has(AUGMENT_KERNEL.adjustHue)).toBe(true);
      expect(names.has(AUGMENT_KERNEL.hflip)).toBe(true);
      expect(names.has('Reverse')).toBe(false);
      expect(names.has('GatherV2')).toBe(false);
      expect(names.has('Mod')).toBe(false);
      expect(names.has(AUGMENT_KERNEL.separable)).toBe(backend !== 'webgpu');
      tf.dispose([x, pos]);
    });
  });
}

/** Runs f on `backend` with the kernels, then without them on the same backend; returns both outputs' values. */
async function sameBackend(backend: string, f: () => tf.Tensor | tf.Tensor[]): Promise<[Float32Array, Float32Array]> {
  await selectBackend(tf, { preferred: [backend] });
  const run = async () => {
    const out = [f()].flat();
    const values = Float32Array.from((await Promise.all(out.map((t) => t.data()))).flatMap((d) => Array.from(d)));
    tf.dispose(out);
    return values;
  };
  const got = await run();
  setAugmentKernelsEnabled(false);
  const want = await run();
  setAugmentKernelsEnabled(true);
  return [got, want];
}

for (const backend of ['cpu', 'wasm', 'webgpu']) {
  const tol = backend === 'webgpu' ? 1e-5 : 1e-6;
  describe(`augmentation kernels on ${backend} against the op-by-op versions on ${backend}, odd sizes`, () => {
    const [n, h, w] = [3, 9, 7];
    const x = uniform(n * h * w * 3, 0, 1);
    const image = () => tf.tensor4d(x, [n, h, w, 3]);

    it('GridSample (bilinear, with a fill) on a 9×7 batch sampled to 5×11', async () => {
      if (backend === 'webgpu') await webgpu();
      const ix = uniform(n * 5 * 11, -2, w + 1);
      const iy = uniform(n * 5 * 11, -2, h + 1);
      const [got, want] = await sameBackend(backend, () =>
        tf.tidy(() => sampleGrid(tf, image(), tf.tensor3d(ix, [n, 5, 11]), tf.tensor3d(iy, [n, 5, 11]), 'bilinear', [0.3, 0.6, 0.9])),
      );
      expect(got.length).toBe(n * 5 * 11 * 3);
      expect(maxDiff(got, want)).toBeLessThanOrEqual(tol);
    });

    it('AdjustHue, Separable (resize, crop, blur) and HFlip on a 9×7 batch', async () => {
      if (backend === 'webgpu') await webgpu();
      const planes = [0, 1, 2].map(() => uniform(n * h * w, 0, 1));
      const [hue, hueRef] = await sameBackend(backend, () =>
        tf.tidy(() => adjustHuePerImage(tf, planes.map((p) => tf.tensor3d(p, [n, h, w])) as Planes, [-0.4, 0.07, 0.33])),
      );
      expect(maxDiff(hue, hueRef)).toBeLessThanOrEqual(tol);
      const rows = [resizeAxis(h, 1, 8, 5, true), cropAxis(h, -2, 7, 'reflect'), blurAxis(h, 3, 0.8)];
      const cols = [resizeAxis(w, 0, 7, 3, true), cropAxis(w, 1, 5, 'edge'), blurAxis(w, 5, 1.3)];
      for (let i = 0; i < 3; i++) {
        const same = (axis: (typeof rows)[number]) => Array.from({ length: n }, () => axis);
        const [sep, sepRef] = await sameBackend(backend, () => tf.tidy(() => applySeparable(tf, image(), same(rows[i]), same(cols[i]))));
        expect(sep.length).toBe(n * rows[i].outSize * cols[i].outSize * 3);
        expect(maxDiff(sep, sepRef)).toBeLessThanOrEqual(tol);
      }
      const draws = [false, true, true].map((flip) => ({ op: 'RandomHorizontalFlip' as const, flip }));
      const [flip, flipRef] = await sameBackend(backend, () =>
        tf.tidy(() => applyStep(tf, image(), { op: 'RandomHorizontalFlip', params: { p: 0.5 } }, draws)),
      );
      expect(flip).toEqual(flipRef);
    });
  });
}
