import * as tf from '@tensorflow/tfjs';
import { describe, it, expect, beforeAll } from 'vitest';
import { mulberry32 } from '../../../src/data/rng';
import { augmentBatch, drawPipeline } from '../../../src/augment/augment-batch';
import { drawToOps } from '../../../src/augment/draw-to-ops';
import { applyFunctionalOps } from '../../../src/augment/functional';
import { pipelineOutputSize, type Pipeline } from '../../../src/augment/pipeline';
import { validatePipeline } from '../../../src/augment/validate-pipeline';
import { selectBackend } from '../../../src/train/backends';

const pipe = (json: unknown[]): Pipeline => {
  const v = validatePipeline(json);
  if (!v.ok) throw new Error(v.errors.join('; '));
  return v.value;
};

const TYPICAL = pipe([
  { op: 'RandomResizedCrop', params: { size: [12, 14], scale: [0.5, 1] } },
  { op: 'RandomHorizontalFlip' },
  { op: 'ColorJitter', params: { brightness: 0.3, contrast: 0.3, saturation: 0.3, hue: 0.05 } },
  { op: 'RandomPerspective', params: { distortion_scale: 0.4, p: 0.7 } },
  { op: 'RandomRotation', params: { degrees: 15, interpolation: 'bilinear' } },
  { op: 'RandomCrop', params: { size: [12, 14], padding: 2, padding_mode: 'reflect' } },
  { op: 'GaussianBlur', params: { kernel_size: 3, sigma: [0.2, 1.5] } },
  { op: 'RandomErasing', params: { p: 0.6, value: [0.5] } },
]);

const maxDiff = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => a.sub(b).abs().max().dataSync()[0]);
const images = (n: number, h: number, w: number, seed: number) => tf.randomUniform([n, h, w, 3], 0, 1, 'float32', seed);

describe('augmentBatch', () => {
  beforeAll(async () => {
    await selectBackend(tf, { preferred: ['cpu'] });
  });

  it('has the fixed output shape the pipeline announces', () => {
    const x = images(6, 17, 23, 1);
    const y = augmentBatch(tf, x, TYPICAL, mulberry32(1));
    expect(y.shape).toEqual([6, ...pipelineOutputSize(TYPICAL, 17, 23), 3]);
    tf.dispose([x, y]);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const x = images(5, 17, 23, 2);
    const a = augmentBatch(tf, x, TYPICAL, mulberry32(7));
    const b = augmentBatch(tf, x, TYPICAL, mulberry32(7));
    const c = augmentBatch(tf, x, TYPICAL, mulberry32(8));
    expect(maxDiff(a, b)).toBe(0);
    expect(maxDiff(a, c)).toBeGreaterThan(0.01);
    tf.dispose([x, a, b, c]);
  });

  it("equals, image by image, the functional ops of that image's draws (checked against torchvision)", () => {
    const x = images(6, 17, 23, 3);
    const pipeline = TYPICAL;
    const draws = drawPipeline(mulberry32(11), pipeline, 6, 17, 23);
    const y = augmentBatch(tf, x, pipeline, mulberry32(11));
    for (let i = 0; i < 6; i++) {
      const ops = pipeline.flatMap((step, s) => drawToOps(step, draws[s][i]));
      const xi = x.slice([i, 0, 0, 0], [1, 17, 23, 3]);
      const want = applyFunctionalOps(tf, xi, ops);
      const got = y.slice([i, 0, 0, 0], [1, ...pipelineOutputSize(pipeline, 17, 23), 3]);
      expect(maxDiff(got, want)).toBeLessThan(1e-6);
      tf.dispose([xi, want, got]);
    }
    tf.dispose([x, y]);
  });

  it('draws per image: the images of a batch get different parameters', () => {
    const draws = drawPipeline(mulberry32(3), pipe([{ op: 'RandomRotation', params: { degrees: 30 } }]), 8, 17, 23);
    expect(new Set(draws[0].map((d) => (d.op === 'RandomRotation' ? d.angle : 0))).size).toBe(8);
  });

  it('is the identity at zero strength, exactly', () => {
    const zero = pipe([
      { op: 'RandomHorizontalFlip', params: { p: 0 } },
      { op: 'ColorJitter', params: { brightness: 0, contrast: 0, saturation: 0, hue: 0 } },
      { op: 'RandomPerspective', params: { distortion_scale: 0, p: 1 } },
      { op: 'RandomPerspective', params: { distortion_scale: 0.5, p: 0 } },
      { op: 'RandomResizedCrop', params: { size: [17, 23], scale: [1, 1], ratio: [23 / 17, 23 / 17] } },
      { op: 'RandomCrop', params: { size: [17, 23] } },
      { op: 'RandomRotation', params: { degrees: 0, interpolation: 'bilinear' } },
      { op: 'RandomErasing', params: { p: 0 } },
      { op: 'GaussianBlur', params: { kernel_size: 1 } },
    ]);
    const x = images(4, 17, 23, 4);
    const y = augmentBatch(tf, x, zero, mulberry32(5));
    expect(maxDiff(x, y)).toBe(0);
    tf.dispose([x, y]);
  });

  it('random-valued erasing fills its box with seeded standard-normal noise', () => {
    const x = tf.zeros([4, 20, 20, 3]);
    const p = pipe([{ op: 'RandomErasing', params: { p: 1, value: 'random', scale: [0.2, 0.3] } }]);
    const a = augmentBatch(tf, x, p, mulberry32(2));
    const b = augmentBatch(tf, x, p, mulberry32(2));
    expect(maxDiff(a, b)).toBe(0);
    const v = Array.from(a.dataSync()).filter((z) => z !== 0);
    expect(v.length).toBeGreaterThan(4 * 400 * 3 * 0.15);
    const mean = v.reduce((s, z) => s + z, 0) / v.length;
    const sd = Math.sqrt(v.reduce((s, z) => s + (z - mean) ** 2, 0) / v.length);
    expect(Math.abs(mean)).toBeLessThan(0.1);
    expect(Math.abs(sd - 1)).toBeLessThan(0.1);
    tf.dispose([x, a, b]);
  });

  it('gives the same images on wasm as on cpu', async () => {
    const x = images(4, 17, 23, 9);
    const onCpu = augmentBatch(tf, x, TYPICAL, mulberry32(4));
    const want = onCpu.dataSync().slice();
    const data = x.dataSync().slice();
    tf.dispose([x, onCpu]);
    await selectBackend(tf, { preferred: ['wasm'] });
    const xw = tf.tensor4d(data, [4, 17, 23, 3]);
    const onWasm = augmentBatch(tf, xw, TYPICAL, mulberry32(4));
    const got = onWasm.dataSync();
    let worst = 0;
    for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]));
    tf.dispose([xw, onWasm]);
    await selectBackend(tf, { preferred: ['cpu'] });
    expect(worst).toBeLessThan(1e-5);
  });

  it('refuses images that are not [N, H, W, 3]', () => {
    const x = tf.zeros([2, 8, 8, 1]);
    expect(() => augmentBatch(tf, x, TYPICAL, mulberry32(1))).toThrow(/\[N, H, W, 3\], got \[2,8,8,1\]/);
    x.dispose();
  });

  it('keeps no tensors behind', () => {
    const x = images(3, 17, 23, 6);
    augmentBatch(tf, x, TYPICAL, mulberry32(1)).dispose();
    const before = tf.memory().numTensors;
    augmentBatch(tf, x, TYPICAL, mulberry32(2)).dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
