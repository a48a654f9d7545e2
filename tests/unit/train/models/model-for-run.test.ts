import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initTorchState } from '../../../../src/train/cnn';
import { IMAGENET_MEAN, IMAGENET_STD } from '../../../../src/train/model-build';
import { modelForRun, normaliser } from '../../../../src/train/models/model-for-run';
import type { RunConfig } from '../../../../src/record/run-record';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const TOL = 1e-6;
const config = (over: Partial<RunConfig>): RunConfig => ({
  model: 'cnn',
  question: 'q2.2',
  imageSize: 32,
  epochs: 1,
  batchSize: 4,
  learningRate: 1e-3,
  adamEpsilon: 1e-8,
  seed: 3,
  augmentations: [],
  pretrained: null,
  ...over,
});

describe('normaliser', () => {
  it("leaves inputs as they are for 'none' and subtracts ImageNet's mean, divides by its std for 'imagenet'", async () => {
    const x = tf.fill([1, 1, 1, 3], 0.5);
    expect(Array.from(await normaliser(tf, 'none')(x).data())).toEqual([0.5, 0.5, 0.5]);
    const got = Array.from(await normaliser(tf, 'imagenet')(x).data());
    got.forEach((v, c) => expect(v).toBeCloseTo((0.5 - IMAGENET_MEAN[c]) / IMAGENET_STD[c], 5));
    x.dispose();
  });
});

describe('modelForRun', () => {
  it('builds the CNN from its seeded init, keeps the config and prepares nothing', async () => {
    const c = config({});
    const { model, config: settled, prepare } = modelForRun(tf, c, 3);
    const expected = initTorchState({ imageSize: 32, inChannels: 3, classes: 3 }, 3);
    const got = await model.exportTorch();
    for (const [name, t] of expected) {
      const a = got.get(name)?.data as Float32Array;
      expect(Math.max(...Array.from(t.data, (v, i) => Math.abs(v - a[i])))).toBeLessThanOrEqual(TOL);
    }
    expect(settled).toEqual(c);
    const x = tf.fill([1, 32, 32, 3], 0.25);
    expect(prepare(x)).toBe(x);
    tf.dispose([x]);
    model.dispose();
  });

  it("fills in ResNet-18's settings, freezes its backbone and normalises with ImageNet's statistics", async () => {
    const { model, config: settled, prepare } = modelForRun(tf, config({ model: 'resnet18', question: 'q2.3', fineTuning: 'frozen' }), 4);
    expect(settled).toMatchObject({ fineTuning: 'frozen', batchNorm: 'eval', normalization: 'imagenet' });
    expect([model.kind, model.classes, [...model.trainable.keys()]]).toEqual(['resnet18', 4, ['fc.weight', 'fc.bias']]);
    const x = tf.fill([1, 1, 1, 3], 0.5);
    const y = prepare(x);
    Array.from(await y.data()).forEach((v, c) => expect(v).toBeCloseTo((0.5 - IMAGENET_MEAN[c]) / IMAGENET_STD[c], 5));
    tf.dispose([x, y]);
    model.dispose();
  });

  it('starts from given weights rather than the seeded init', async () => {
    const given = initTorchState({ imageSize: 32, inChannels: 3, classes: 3 }, 77);
    const { model } = modelForRun(tf, config({}), 3, given);
    const b = (await model.exportTorch()).get('fc.bias')?.data as Float32Array;
    Array.from(given.get('fc.bias')?.data ?? []).forEach((v, i) => expect(Math.abs(v - b[i])).toBeLessThanOrEqual(TOL));
    model.dispose();
  });
});
