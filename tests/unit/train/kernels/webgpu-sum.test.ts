import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../src/data/rng';
import { isBookKernel } from '../../../../src/tensor/kernel-table';
import { leadingAxesSum, planColumnSum } from '../../../../src/train/kernels/webgpu-sum';
import { relError } from '../helpers/cnn64';
import { randoms, runOn, webgpu } from './webgpu-helpers';

const TOL = 1e-6; // max |webgpu − cpu| / max |cpu| (float32 sums of up to ~10⁵ values in [-1, 1))

describe('planColumnSum and leadingAxesSum', () => {
  it('covers every row once and recognises only leading-axis sums', () => {
    for (const [rows, cols] of [
      [524288, 32],
      [32768, 64],
      [32, 10],
      [7, 3],
      [100000, 200],
    ]) {
      const p = planColumnSum(rows, cols);
      expect(p.splits * p.rowChunk).toBeGreaterThanOrEqual(rows);
      expect((p.splits - 1) * p.rowChunk).toBeLessThan(rows);
    }
    expect(leadingAxesSum(tf, [2, 3, 4, 5], [2, 0, 1])).toEqual({ rows: 24, cols: 5, j: 3 });
    expect(leadingAxesSum(tf, [2, 3], -2)).toEqual({ rows: 2, cols: 3, j: 1 });
    expect(leadingAxesSum(tf, [2, 3, 4], [1, 2])).toBeNull();
    expect(leadingAxesSum(tf, [2, 3], [0, 1])).toBeNull();
  });
});

describe('webgpu Sum over leading axes (bias gradients)', () => {
  it('is the registered webgpu kernel', async () => {
    await webgpu();
    expect(isBookKernel(tf, 'Sum', 'webgpu')).toBe(true);
  });

  const rng = mulberry32(21);
  const cases: { shape: number[]; axis: number | number[]; keepDims: boolean }[] = [
    { shape: [8, 32, 32, 32], axis: [0, 1, 2], keepDims: false }, // the CNN's conv1 bias gradient, split over rows
    { shape: [4, 9, 7, 64], axis: [0, 1, 2], keepDims: false },
    { shape: [3, 5, 5, 130], axis: [0, 1, 2], keepDims: true },
    { shape: [32, 10], axis: 0, keepDims: false }, // the fc bias gradient
    { shape: [5, 7, 3], axis: [1, 0], keepDims: false },
    { shape: [6, 5], axis: [1], keepDims: false }, // not leading: the stock kernel
    { shape: [4, 6], axis: [0, 1], keepDims: false }, // all axes: the stock kernel
  ];
  for (const c of cases) {
    it(`matches the cpu backend for ${JSON.stringify(c)} (rel. error ≤ ${TOL})`, async () => {
      await webgpu();
      const x = {
        data: randoms(
          rng,
          c.shape.reduce((a, b) => a * b, 1),
        ),
        shape: c.shape,
      };
      const attrs = { axis: c.axis, keepDims: c.keepDims };
      const ref = await runOn('cpu', 'Sum', { x }, attrs);
      const got = await runOn('webgpu', 'Sum', { x }, attrs);
      expect(got.shape).toEqual(ref.shape);
      expect(relError(got.data, ref.data)).toBeLessThanOrEqual(TOL);
    });
  }

  it('is deterministic and leaks no tensors', async () => {
    await webgpu();
    const x = { data: randoms(rng, 8 * 32 * 32 * 32), shape: [8, 32, 32, 32] };
    expect(planColumnSum(8 * 32 * 32, 32).splits).toBeGreaterThan(1);
    const before = tf.memory().numTensors;
    const a = await runOn('webgpu', 'Sum', { x }, { axis: [0, 1, 2], keepDims: false });
    const b = await runOn('webgpu', 'Sum', { x }, { axis: [0, 1, 2], keepDims: false });
    expect(Buffer.from(a.data.buffer).equals(Buffer.from(b.data.buffer))).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });
});
