import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Pipeline } from '../../../src/augment/pipeline';
import { validatePipeline } from '../../../src/augment/validate-pipeline';
import { selectBackend } from '../../../src/train/backends';
import { type RunConfig, type RunRecord, RUN_VERSION, validateRunRecord } from '../../../src/record/run-record';
import { type TrainOptions, train } from '../../../src/train/trainer';
import { trainSplit } from '../../../src/train/train-split';
import { loadFashion } from './helpers/fashion';

beforeAll(async () => {
  await selectBackend(tf, { preferred: ['wasm'] });
});

const CLASSES = ['tshirt', 'trouser', 'pullover', 'dress', 'coat', 'sandal', 'shirt', 'sneaker', 'bag', 'boot'];
const fashion = loadFashion(20);
const byClass = (from: number, to: number) =>
  Array.from({ length: 10 }, (_, c) => Array.from({ length: to - from }, (_, i) => c * 20 + from + i)).flat();
const SPLIT = trainSplit({ train: byClass(0, 13), val: byClass(13, 16), test: byClass(16, 20) });

const AUGMENTED = [
  { op: 'RandomHorizontalFlip', params: { p: 0.5 } },
  { op: 'ColorJitter', params: { brightness: 0.3, contrast: 0.2 } },
  { op: 'RandomCrop', params: { size: 32, padding: 4 } },
  { op: 'RandomErasing', params: { p: 0.5, value: 'random' } },
];
const IDENTITY = [
  { op: 'RandomHorizontalFlip', params: { p: 0 } },
  { op: 'ColorJitter', params: {} },
  { op: 'RandomRotation', params: { degrees: 0 } },
];

function options(augmentations: unknown[], over: Partial<RunConfig> = {}): TrainOptions {
  const config = {
    model: 'cnn',
    question: 'q2.4',
    imageSize: 32,
    epochs: 2,
    batchSize: 32,
    learningRate: 2e-3,
    adamEpsilon: 1e-8,
    seed: 5,
    augmentations: augmentations as Pipeline,
    pretrained: null,
    ...over,
  } as RunConfig;
  return {
    tf,
    model: config.model,
    split: SPLIT,
    config,
    data: { images: fashion.images, labels: fashion.labels, imageSize: 28, channels: 1, classes: CLASSES },
    yieldFn: () => Promise.resolve(),
  };
}

/** The parts of a run that training decides (not the clock). */
const outcome = (r: RunRecord) => ({ steps: r.steps, epochs: r.epochs.map(({ seconds: _, ...e }) => e), test: r.test });

describe('train with an augmentation pipeline', () => {
  it('repeats exactly with the same seed, and differs from the run without augmentation and from another seed', async () => {
    const a = await train(options(AUGMENTED));
    const before = tf.memory().numTensors;
    const b = await train(options(AUGMENTED));
    expect(tf.memory().numTensors).toBe(before);
    expect(outcome(b)).toEqual(outcome(a));
    const none = await train(options([]));
    expect(none.steps.map((s) => s.loss)).not.toEqual(a.steps.map((s) => s.loss));
    const other = await train(options(AUGMENTED, { seed: 6 }));
    expect(other.steps.map((s) => s.loss)).not.toEqual(a.steps.map((s) => s.loss));
  }, 120_000);

  it('gives the same run as no augmentation when every transform is the identity', async () => {
    const none = await train(options([]));
    const identity = await train(options(IDENTITY));
    expect(outcome(identity)).toEqual(outcome(none));
  }, 60_000);

  it('records the pipeline in canonical form in a version-2 record that validates', async () => {
    const r = await train(options(AUGMENTED, { epochs: 1 }));
    const canonical = validatePipeline(AUGMENTED, [32, 32]);
    expect(canonical.ok).toBe(true);
    if (!canonical.ok) return;
    expect(r.version).toBe(RUN_VERSION);
    expect(RUN_VERSION).toBe(2);
    expect(r.config.augmentations).toEqual(canonical.value);
    expect(r.config.augmentations[1]).toEqual({
      op: 'ColorJitter',
      params: { brightness: [0.7, 1.3], contrast: [0.8, 1.2], saturation: [1, 1], hue: [0, 0] },
    });
    const back = validateRunRecord(JSON.parse(JSON.stringify(r)));
    expect(back.ok && back.value.config.augmentations).toEqual(canonical.value);
  }, 60_000);

  it('refuses a bad pipeline, one that changes the image size, and augmentation of a frozen backbone, naming the problem', async () => {
    await expect(train(options([{ op: 'RandomHorizontalFlip', params: { p: 2 } }]))).rejects.toThrow(/steps\[0\]\.params\.p/);
    await expect(train(options(['RandomCrop(32, padding=4)']))).rejects.toThrow(/steps\[0\] must be an object/);
    await expect(train(options([{ op: 'RandomResizedCrop', params: { size: 24 } }]))).rejects.toThrow(/into 24×24/);
    await expect(train(options(AUGMENTED, { model: 'resnet18', fineTuning: 'frozen', batchNorm: 'eval' }))).rejects.toThrow(
      /frozen backbone/,
    );
  });
});
