import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32, shuffleInPlace } from '../../../src/data/rng';
import { selectBackend } from '../../../src/train/backends';
import { initTorchState } from '../../../src/train/cnn';
import { DIVERGENCE_FACTOR, DIVERGENCE_WINDOW } from '../../../src/train/divergence';
import { metricsFromConfusion } from '../../../src/train/metrics';
import { type RunConfig, validateRunRecord } from '../../../src/record/run-record';
import { TrainController } from '../../../src/train/train-control';
import { type TrainOptions, train } from '../../../src/train/trainer';
import { trainSplit } from '../../../src/train/train-split';
import { loadFashion } from './helpers/fashion';

// wasm, not cpu: tfjs-backend-cpu's Conv2DBackpropFilter needs ~14 s per 32-image step at 32×32.
beforeAll(async () => {
  await selectBackend(tf, { preferred: ['wasm'] });
});

const CLASSES = ['tshirt', 'trouser', 'pullover', 'dress', 'coat', 'sandal', 'shirt', 'sneaker', 'bag', 'boot'];
const PER_CLASS = 100; // 60 train, 20 val, 20 test per class
const fashion = loadFashion(PER_CLASS);

function split() {
  const s = { train: [] as number[], val: [] as number[], test: [] as number[] };
  for (let c = 0; c < 10; c++) {
    const idx = shuffleInPlace(
      Array.from({ length: PER_CLASS }, (_, i) => c * PER_CLASS + i),
      mulberry32(c),
    );
    s.train.push(...idx.slice(0, 60));
    s.val.push(...idx.slice(60, 80));
    s.test.push(...idx.slice(80));
  }
  return trainSplit(s);
}

function config(over: Partial<RunConfig> = {}): RunConfig {
  return {
    model: 'cnn',
    question: 'q2.2',
    imageSize: 32,
    epochs: 3,
    batchSize: 32,
    learningRate: 2e-3,
    adamEpsilon: 1e-8,
    seed: 1,
    augmentations: [],
    pretrained: null,
    ...over,
  };
}

function options(over: Partial<TrainOptions> = {}): TrainOptions {
  return {
    tf,
    model: 'cnn',
    split: split(),
    config: config(),
    data: { images: fashion.images, labels: fashion.labels, imageSize: 28, channels: 1, classes: CLASSES },
    yieldFn: () => Promise.resolve(),
    ...over,
  };
}

describe('train', () => {
  it('learns Fashion-MNIST (600 images, 28→32 px, gray→RGB): loss falls, val accuracy > 0.5, no tensor leaks', async () => {
    const counts: number[] = [];
    let steps = 0;
    const record = await train(
      options({
        callbacks: {
          onEpoch: () => counts.push(tf.memory().numTensors),
          onStep: () => {
            steps++;
          },
        },
      }),
    );
    expect(record.stopped).toBeNull();
    expect(record.epochs).toHaveLength(3);
    expect(steps).toBe(3 * Math.floor(600 / 32));
    expect(record.epochs[2].trainLoss).toBeLessThan(record.epochs[0].trainLoss);
    expect(record.epochs[2].valAccuracy).toBeGreaterThan(0.5);
    expect(new Set(counts).size).toBe(1);
    const test = record.test;
    expect(test).not.toBeNull();
    if (!test) return;
    expect(test.confusion.flat().reduce((a, b) => a + b, 0)).toBe(200);
    expect(metricsFromConfusion(test.confusion).accuracy).toBeCloseTo(test.accuracy, 12);
    expect(test.misclassified.length).toBe(200 - test.confusion.reduce((a, row, i) => a + row[i], 0));
    expect(record.timings.imagesPerSecond).toBeGreaterThan(0);
    expect(record.backend).toBe('wasm');
  });

  it('stops on a NaN loss and keeps the curves so far', async () => {
    const weights = initTorchState({ imageSize: 32 }, 3);
    (weights.get('fc.bias')?.data as Float32Array)[0] = NaN;
    const record = await train(options({ config: config({ epochs: 1 }), initialWeights: weights }));
    expect(record.stopped).toBe('nan-loss');
    expect(record.steps).toEqual([]); // the NaN step is not recorded (JSON has no NaN)
    expect(record.test).toBeNull();
  });

  it('pauses, resumes and stops through the controller', async () => {
    const control = new TrainController();
    let steps = 0;
    const run = train(
      options({
        control,
        yieldFn: undefined, // the default macrotask yield lets the timers below run between steps
        config: config({ epochs: 1 }),
        callbacks: {
          onStep: () => {
            steps++;
            if (steps === 2) control.pause();
          },
        },
      }),
    );
    while (steps < 2) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 300));
    expect(steps).toBe(2); // paused: no step ran in the last 300 ms
    control.resume();
    while (steps < 4) await new Promise((r) => setTimeout(r, 20));
    control.stop();
    const record = await run;
    expect(record.stopped).toBe('stopped');
    expect(record.epochs).toHaveLength(0);
    expect(steps).toBeLessThan(Math.floor(600 / 32));
  });

  it('returns the record so far when stopped after an epoch: that epoch kept, no test metrics, a valid record', async () => {
    const control = new TrainController();
    const record = await train(options({ control, config: config({ epochs: 2 }), callbacks: { onEpoch: () => control.stop() } }));
    expect(record.stopped).toBe('stopped');
    expect(record.epochs.map((e) => e.epoch)).toEqual([1]);
    expect(record.steps.length).toBe(Math.floor(600 / 32));
    expect(record.test).toBeNull();
    expect(validateRunRecord(record).ok).toBe(true);
  });

  it('returns the record so far when training throws (stopped: error, the epochs so far) and hands the error to onError', async () => {
    const errors: string[] = [];
    let epochs = 0;
    const fail = () => {
      if (++epochs === 2) throw new Error('out of memory in epoch 2');
    };
    const record = await train(
      options({ config: config({ epochs: 3 }), callbacks: { onEpoch: fail, onError: (e) => errors.push(e.message) } }),
    );
    expect(errors).toEqual(['out of memory in epoch 2']);
    expect(record.stopped).toBe('error');
    expect(record.epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(record.test).toBeNull();
    expect(record.id).toBe(`cnn-1-${record.createdAt}`);
    expect(validateRunRecord(record).ok).toBe(true);
    const failAtOnce = () => {
      throw new Error('out of memory in epoch 1');
    };
    await expect(train(options({ config: config({ epochs: 1 }), callbacks: { onEpoch: failAtOnce } }))).rejects.toThrow(
      'out of memory in epoch 1',
    );
  });

  it('stops a diverging run (Adam with learning rate 1) with its diverging step recorded', async () => {
    const record = await train(options({ config: config({ epochs: 2, learningRate: 1 }) }));
    expect(record.stopped).toBe('diverged');
    expect(record.steps).toHaveLength(DIVERGENCE_WINDOW); // seeded: the loss explodes at once and the window fills at step 3
    expect(record.steps.at(-1)?.loss).toBeGreaterThan(DIVERGENCE_FACTOR * record.steps[0].loss);
    expect(record.epochs).toEqual([]);
    expect(record.test).toBeNull();
  });

  it('rejects bad inputs with clear messages', async () => {
    await expect(train(options({ config: config({ imageSize: 30 }) }))).rejects.toThrow(/multiple of 16/);
    await expect(train(options({ split: trainSplit({ train: [0, 1], val: [2], test: [] }) }))).rejects.toThrow(/fewer than one batch/);
    await expect(train(options({ split: trainSplit({ ...split(), val: [] }) }))).rejects.toThrow(/validation split is empty/);
    await expect(train(options({ split: trainSplit({ ...split(), test: [99999] }) }))).rejects.toThrow(/index outside/);
  });
});
