import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../src/data/rng';
import { FILTER_GEMM_TK, planFilterGemm } from '../../../../src/train/kernels/webgpu-conv2d-backprop-filter';
import { isBookKernel } from '../../../../src/tensor/kernel-table';
import { relError } from '../helpers/cnn64';
import { randoms, runOn, webgpu } from './webgpu-helpers';

const TOL = 2e-6; // max |webgpu − cpu| / max |cpu| (float32 sums of up to ~10⁴ products of values in [-1, 1))

type Pad = 'same' | 'valid' | number | [[0, 0], [number, number], [number, number], [0, 0]];
interface Case {
  n: number;
  h: number;
  w: number;
  ci: number;
  co: number;
  k: [number, number];
  stride: number | [number, number];
  pad: Pad;
}

function outShape(c: Case): number[] {
  const info = tf.backend_util.computeConv2DInfo([c.n, c.h, c.w, c.ci], [c.k[0], c.k[1], c.ci, c.co], c.stride, 1, c.pad as never);
  return info.outShape;
}

describe('planFilterGemm', () => {
  it('covers K exactly with chunks of whole tiles', () => {
    for (const [m, n, k] of [
      [27, 32, 524288],
      [288, 64, 32768],
      [147, 64, 401408],
      [8, 4, 5],
      [576, 128, 8192],
      [9, 1, 100000],
    ]) {
      const p = planFilterGemm(m, n, k);
      expect(p.kChunk % FILTER_GEMM_TK).toBe(0);
      expect(p.kTiles * FILTER_GEMM_TK).toBe(p.kChunk);
      expect(p.splits * p.kChunk).toBeGreaterThanOrEqual(k);
      expect((p.splits - 1) * p.kChunk).toBeLessThan(k);
      expect(p.tm).toBeGreaterThanOrEqual(Math.min(64, m));
    }
  });
});

describe('webgpu Conv2DBackpropFilter (implicit GEMM, split-K)', () => {
  it('is the registered webgpu kernel', async () => {
    await webgpu();
    expect(isBookKernel(tf, 'Conv2DBackpropFilter', 'webgpu')).toBe(true);
  });

  const rng = mulberry32(13);
  const cases: Case[] = [
    // the homework CNN's three layers (3×3, stride 1, pad 1), small images; the first one is split over k
    { n: 4, h: 24, w: 24, ci: 3, co: 32, k: [3, 3], stride: 1, pad: 1 },
    { n: 2, h: 8, w: 8, ci: 32, co: 64, k: [3, 3], stride: 1, pad: 1 },
    { n: 2, h: 4, w: 4, ci: 64, co: 128, k: [3, 3], stride: 1, pad: 1 },
    // ResNet: the 7×7/2 pad-3 stem, a 3×3/2 'same' conv, 1×1 convs (stride 1 and the stride-2 shortcut)
    { n: 2, h: 21, w: 19, ci: 3, co: 8, k: [7, 7], stride: 2, pad: 3 },
    { n: 3, h: 9, w: 11, ci: 5, co: 7, k: [3, 3], stride: 2, pad: 'same' },
    { n: 2, h: 7, w: 7, ci: 8, co: 16, k: [1, 1], stride: 1, pad: 'valid' },
    { n: 2, h: 9, w: 9, ci: 6, co: 10, k: [1, 1], stride: 2, pad: 'valid' },
    // odd: stride 3 with a remainder, non-square kernel and strides, explicit asymmetric pads
    { n: 1, h: 13, w: 10, ci: 2, co: 3, k: [2, 3], stride: [3, 2], pad: 'valid' },
    {
      n: 2,
      h: 6,
      w: 9,
      ci: 3,
      co: 5,
      k: [3, 2],
      stride: [2, 1],
      pad: [
        [0, 0],
        [1, 2],
        [0, 1],
        [0, 0],
      ],
    },
  ];
  for (let i = 0; i < 4; i++) {
    const k = 1 + Math.floor(rng() * 5);
    cases.push({
      n: 1 + Math.floor(rng() * 3),
      h: k + Math.floor(rng() * 12),
      w: k + Math.floor(rng() * 12),
      ci: 1 + Math.floor(rng() * 9),
      co: 1 + Math.floor(rng() * 40),
      k: [k, k],
      stride: 1 + Math.floor(rng() * 2),
      pad: rng() < 0.5 ? 'same' : Math.floor(k / 2),
    });
  }
  for (const c of cases) {
    it(`matches the cpu backend for ${JSON.stringify(c)} (rel. error ≤ ${TOL})`, async () => {
      await webgpu();
      const x = { data: randoms(rng, c.n * c.h * c.w * c.ci), shape: [c.n, c.h, c.w, c.ci] };
      const os = outShape(c);
      const dy = {
        data: randoms(
          rng,
          os.reduce((a, b) => a * b, 1),
        ),
        shape: os,
      };
      const attrs = { strides: c.stride, pad: c.pad, dataFormat: 'NHWC', filterShape: [c.k[0], c.k[1], c.ci, c.co] };
      const ref = await runOn('cpu', 'Conv2DBackpropFilter', { x, dy }, attrs);
      const got = await runOn('webgpu', 'Conv2DBackpropFilter', { x, dy }, attrs);
      expect(got.shape).toEqual(ref.shape);
      expect(relError(got.data, ref.data)).toBeLessThanOrEqual(TOL);
    });
  }

  it('gives the same bits on a second run (the split-K sum is deterministic) and leaks no tensors', async () => {
    await webgpu();
    const c = cases[0];
    const x = { data: randoms(rng, c.n * c.h * c.w * c.ci), shape: [c.n, c.h, c.w, c.ci] };
    const os = outShape(c);
    const dy = {
      data: randoms(
        rng,
        os.reduce((a, b) => a * b, 1),
      ),
      shape: os,
    };
    const attrs = { strides: c.stride, pad: c.pad, dataFormat: 'NHWC', filterShape: [c.k[0], c.k[1], c.ci, c.co] };
    expect(planFilterGemm(27, 32, c.n * os[1] * os[2]).splits).toBeGreaterThan(1);
    const before = tf.memory().numTensors;
    const a = await runOn('webgpu', 'Conv2DBackpropFilter', { x, dy }, attrs);
    const b = await runOn('webgpu', 'Conv2DBackpropFilter', { x, dy }, attrs);
    expect(Buffer.from(a.data.buffer).equals(Buffer.from(b.data.buffer))).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });
});
