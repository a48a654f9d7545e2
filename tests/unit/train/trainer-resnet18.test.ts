import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../../src/train/backends';
import type { TorchState } from '../../../src/train/model';
import type { RunConfig } from '../../../src/record/run-record';
import { type TrainOptions, train, trainSplit } from '../../../src/train/trainer';
import { validateRunRecord } from '../../../src/record/validate-run-record';
import { loadFashion } from './helpers/fashion';
import { resnet18Weights } from './helpers/resnet18';

// wasm: ResNet-18's backward pass on tfjs-backend-cpu takes minutes per step on this machine.
beforeAll(async () => {
  await selectBackend(tf, { preferred: ['wasm'] });
});

const CLASSES = ['tshirt', 'trouser', 'pullover', 'dress', 'coat', 'sandal', 'shirt', 'sneaker', 'bag', 'boot'];
const fashion = loadFashion(8); // 80 images: 5 train, 1 val, 2 test per class
const split = () => {
  const s = { train: [] as number[], val: [] as number[], test: [] as number[] };
  for (let c = 0; c < 10; c++) {
    for (let i = 0; i < 8; i++) (i < 5 ? s.train : i < 6 ? s.val : s.test).push(c * 8 + i);
  }
  return trainSplit(s);
};

function options(config: Partial<RunConfig>, over: Partial<TrainOptions> = {}): TrainOptions {
  return {
    tf,
    model: 'resnet18',
    split: split(),
    initialWeights: resnet18Weights(),
    config: {
      model: 'resnet18',
      question: 'q2.3',
      imageSize: 32,
      epochs: 2,
      batchSize: 10,
      learningRate: 1e-3,
      adamEpsilon: 1e-8,
      seed: 1,
      augmentations: [],
      pretrained: 'fixture',
      ...config,
    },
    data: { images: fashion.images, labels: fashion.labels, imageSize: 28, channels: 1, classes: CLASSES },
    yieldFn: () => Promise.resolve(),
    ...over,
  };
}

const changed = (a: TorchState, b: ReadonlyMap<string, { data: ArrayLike<number> }>, name: string) => {
  const x = a.get(name)?.data ?? [];
  const y = b.get(name)?.data ?? [];
  return x.length !== y.length || Array.from(x).some((v, i) => v !== y[i]);
};

describe('train with ResNet-18', () => {
  it('frozen backbone: features once with progress, only the new 10-way fc trains, running statistics untouched', async () => {
    const progress: number[] = [];
    let state: TorchState | null = null;
    const before = tf.memory().numTensors;
    const record = await train(
      options(
        { fineTuning: 'frozen', epochs: 3 },
        {
          callbacks: {
            onFeatures: (p) => progress.push(p.done / p.total),
            onModel: async (m) => {
              state = await m.exportTorch();
            },
          },
        },
      ),
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(validateRunRecord(JSON.parse(JSON.stringify(record))).ok).toBe(true);
    expect(record.config).toMatchObject({ fineTuning: 'frozen', batchNorm: 'eval', normalization: 'imagenet' });
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect(record.timings.featureSeconds).toBeGreaterThan(0);
    expect(record.epochs).toHaveLength(3);
    expect(record.epochs[2].trainLoss).toBeLessThan(record.epochs[0].trainLoss);
    expect(record.test?.confusion.flat().reduce((a, b) => a + b, 0)).toBe(20);
    const s = state as unknown as TorchState;
    expect(s.get('fc.weight')?.shape).toEqual([10, 512]);
    const w = resnet18Weights();
    for (const name of ['conv1.weight', 'layer4.1.conv2.weight', 'bn1.weight', 'bn1.running_mean', 'layer3.0.downsample.1.running_var'])
      expect(changed(s, w, name), name).toBe(false);
    expect(s.get('bn1.num_batches_tracked')?.data).toEqual(w.get('bn1.num_batches_tracked')?.data);
  }, 300_000);

  it('full fine-tuning with train-mode BatchNorm changes the backbone and counts its batches', async () => {
    let state: TorchState | null = null;
    const record = await train(
      options(
        { fineTuning: 'full', batchNorm: 'train', epochs: 1 },
        {
          callbacks: {
            onModel: async (m) => {
              state = await m.exportTorch();
            },
          },
        },
      ),
    );
    expect(record.stopped).toBeNull();
    expect(record.config).toMatchObject({ fineTuning: 'full', batchNorm: 'train' });
    const s = state as unknown as TorchState;
    const w = resnet18Weights();
    for (const name of ['conv1.weight', 'layer4.1.conv2.weight', 'bn1.running_mean']) expect(changed(s, w, name), name).toBe(true);
    expect(s.get('bn1.num_batches_tracked')?.data).toEqual([(w.get('bn1.num_batches_tracked')?.data[0] ?? 0) + 5]);
  }, 300_000);

  it('full fine-tuning with eval-mode BatchNorm keeps the running statistics', async () => {
    let state: TorchState | null = null;
    await train(
      options(
        { fineTuning: 'full', batchNorm: 'eval', epochs: 1 },
        {
          callbacks: {
            onModel: async (m) => {
              state = await m.exportTorch();
            },
          },
        },
      ),
    );
    const s = state as unknown as TorchState;
    expect(changed(s, resnet18Weights(), 'conv1.weight')).toBe(true);
    expect(changed(s, resnet18Weights(), 'bn1.running_var')).toBe(false);
  }, 300_000);

  it('reuses cached frozen features on a second run with the same weights and data, with the same result', async () => {
    const cache = new Map<string, Map<number, Float32Array>>();
    const config = { fineTuning: 'frozen' as const, epochs: 1, weights: { source: 'w', sha256: 'a'.repeat(64) } };
    const totals: number[] = [];
    const run = () =>
      train(
        options(config, {
          featureCache: cache,
          dataset: { name: 'f', hash: 'h1' },
          callbacks: { onFeatures: (p) => totals.push(p.total) },
        }),
      );
    const first = await run();
    const second = await run();
    expect(totals[0]).toBe(80);
    expect(totals.at(-1)).toBe(0);
    expect(cache.get(`${'a'.repeat(64)}|h1|32|imagenet`)?.size).toBe(80);
    expect(second.epochs[0].valLoss).toBe(first.epochs[0].valLoss);
    expect(second.test?.confusion).toEqual(first.test?.confusion);
    await train(options({ ...config, weights: undefined }, { featureCache: cache, dataset: { name: 'f', hash: 'h1' } }));
    expect(cache.size).toBe(1); // given weights without a checksum are never cached
  }, 300_000);

  it('trains from a seeded torchvision init without weights, and rejects settings that do not fit', async () => {
    const record = await train(options({ pretrained: null, epochs: 1, fineTuning: 'frozen' }, { initialWeights: undefined }));
    expect(record.config.pretrained).toBeNull();
    expect(record.epochs[0].trainLoss).toBeGreaterThan(0);
    await expect(train(options({ fineTuning: 'frozen', batchNorm: 'train' }))).rejects.toThrow(/frozen backbone uses running statistics/);
    await expect(train(options({}, { model: 'cnn' }))).rejects.toThrow(/same in options and config/);
  }, 300_000);
});
