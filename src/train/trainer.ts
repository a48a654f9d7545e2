/**
 * The training loop of the homework CNN (q2.2): seeded init and shuffles, Adam (PyTorch's), mean
 * cross-entropy, fixed-shape batches (last partial train batch dropped), per-epoch train/val loss
 * and accuracy, test metrics at the end. Yields to the event loop after every step, honours
 * pause/resume/stop, stops on a non-finite loss, and frees every tensor it makes.
 */
import { createAdam } from './adam.ts';
import { epochOrder, fillBatch, fillLabels, fullBatches, type PixelSet } from './batches.ts';
import { type Cnn, type TorchTensor, cnnFromTorch, initTorchState } from './cnn.ts';
import { evaluate } from './evaluate.ts';
import { softmaxCrossEntropy } from './loss.ts';
import { classificationMetrics } from './metrics.ts';
import { prepareImages } from './prepare-images.ts';
import { type EpochMetrics, type RunConfig, type RunRecord, type TestMetrics, RUN_FORMAT, RUN_VERSION } from './run-record.ts';
import type { TF, Tensor } from './tf-types.ts';
import type { TrainController } from './train-control.ts';
import { SPLIT_NAMES, type TrainSplit } from './train-split.ts';

/** A labelled image set as stored: uint8 NHWC pixels at its own size. */
export interface TrainData {
  images: Uint8Array;
  labels: ArrayLike<number>;
  imageSize: number;
  channels: 1 | 3;
  /** Class names (their count is the number of outputs). */
  classes: string[];
}

export { type TrainSplit, trainSplit } from './train-split.ts';

/** Progress of one training step. */
export interface StepInfo { epoch: number; step: number; stepsPerEpoch: number; loss: number; imagesPerSecond: number }

/** Everything train() needs; only tf, data, split and config are required. */
export interface TrainOptions {
  tf: TF;
  model: 'cnn';
  data: TrainData;
  split: TrainSplit;
  config: RunConfig;
  callbacks?: {
    onStep?: (s: StepInfo) => void;
    onEpoch?: (m: EpochMetrics) => void;
    /** Called with the trained model before it is disposed (e.g. to save weights). */
    onModel?: (model: Cnn) => Promise<void> | void;
  };
  control?: TrainController;
  signal?: { readonly aborted: boolean };
  /** Awaited after every step and eval batch (default: a macrotask, so a page stays responsive). */
  yieldFn?: () => Promise<void>;
  /** Start from these PyTorch-layout weights instead of a seeded init. */
  initialWeights?: Map<string, TorchTensor>;
  dataset?: { name: string; hash: string };
  id?: string;
}

const MAX_STEPS_RECORDED = 2000;
const defaultYield = () => new Promise<void>((r) => setTimeout(r, 0));

function checkInputs(o: TrainOptions): void {
  const { data, split, config } = o;
  if (o.model !== 'cnn' || config.model !== 'cnn') throw new Error(`train() supports model 'cnn' only, got ${config.model}`);
  if (data.labels.length * data.imageSize * data.imageSize * data.channels !== data.images.length) {
    throw new Error(`${data.images.length} pixel bytes do not match ${data.labels.length} images of ${data.imageSize}×${data.imageSize}×${data.channels}`);
  }
  if (!Number.isInteger(config.batchSize) || config.batchSize < 1) throw new Error(`batchSize must be a positive integer, got ${config.batchSize}`);
  if (!Number.isInteger(config.epochs) || config.epochs < 1) throw new Error(`epochs must be a positive integer, got ${config.epochs}`);
  if (split.train.length < config.batchSize) throw new Error(`the train split has ${split.train.length} images, fewer than one batch of ${config.batchSize}`);
  if (split.val.length === 0) throw new Error('the validation split is empty');
  for (const name of SPLIT_NAMES) {
    const idx = split[name];
    if (!Array.isArray(idx)) throw new Error(`split "${name}" is not a list of indices`);
    if (!idx.every((i: number) => Number.isInteger(i) && i >= 0 && i < data.labels.length)) throw new Error(`split "${name}" has an index outside the data`);
  }
  for (let i = 0; i < data.labels.length; i++) {
    const l = data.labels[i];
    if (!Number.isInteger(l) || l < 0 || l >= data.classes.length) throw new Error(`label ${l} of image ${i} is outside 0..${data.classes.length - 1}`);
  }
}

/** Trains the CNN and returns its run record. */
export async function train(o: TrainOptions): Promise<RunRecord> {
  checkInputs(o);
  const { tf, data, split, config } = o;
  const yieldFn = o.yieldFn ?? defaultYield;
  const started = performance.now();
  const createdAt = new Date().toISOString();
  const set: PixelSet = prepareImages({ pixels: data.images, imageSize: data.imageSize, channels: data.channels }, data.labels.length, config.imageSize);
  const opts = { imageSize: config.imageSize, inChannels: 3, classes: data.classes.length };
  const model = cnnFromTorch(tf, o.initialWeights ?? initTorchState(opts, config.seed), opts);
  const adam = createAdam(tf, model.params, { learningRate: config.learningRate, epsilon: config.adamEpsilon });
  const vars = [...model.params.values()];
  const names = new Map([...model.params].map(([n, v]) => [v.name, n]));
  const bs = config.batchSize;
  const buf = new Float32Array(bs * config.imageSize * config.imageSize * 3);
  const stepsPerEpoch = Math.floor(split.train.length / bs);
  const stepEvery = Math.max(1, Math.ceil((stepsPerEpoch * config.epochs) / MAX_STEPS_RECORDED));
  const epochs: EpochMetrics[] = [];
  const steps: { step: number; loss: number }[] = [];
  let stopped: string | null = null;
  let trainSeconds = 0;
  let trainImages = 0;
  let globalStep = 0;
  const shouldStop = () => o.control?.stopped || o.signal?.aborted;
  try {
    for (let epoch = 0; epoch < config.epochs && !stopped; epoch++) {
      const t0 = performance.now();
      let lossSum = 0;
      let correct = 0;
      let seen = 0;
      for (const idx of fullBatches(epochOrder(split.train, config.seed, epoch), bs)) {
        await o.control?.waitWhilePaused();
        if (shouldStop()) { stopped = 'stopped'; break; }
        const s0 = performance.now();
        fillBatch(set, idx, buf);
        const y = fillLabels(data.labels, idx, bs);
        const [lossT, correctT] = tf.tidy(() => {
          const x = tf.tensor4d(buf, [bs, config.imageSize, config.imageSize, 3]);
          const yt = tf.tensor1d(y, 'int32');
          let hits: Tensor | null = null;
          const { value, grads } = tf.variableGrads(() => {
            const logits = model.forward(x);
            hits = tf.keep(tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), yt), 'int32')));
            return softmaxCrossEntropy(tf, logits, yt) as import('@tensorflow/tfjs-core').Scalar;
          }, vars);
          adam.apply(new Map(Object.entries(grads).map(([k, g]) => [names.get(k) as string, g])));
          return [value, hits as unknown as Tensor];
        });
        const [l, c] = await Promise.all([lossT.data(), correctT.data()]);
        tf.dispose([lossT, correctT]);
        const loss = l[0];
        const dt = (performance.now() - s0) / 1000;
        trainSeconds += dt;
        trainImages += bs;
        globalStep++;
        if (!Number.isFinite(loss)) { stopped = 'nan-loss'; break; }
        if (globalStep % stepEvery === 0) steps.push({ step: globalStep, loss });
        lossSum += loss * bs;
        correct += c[0];
        seen += bs;
        o.callbacks?.onStep?.({ epoch: epoch + 1, step: globalStep, stepsPerEpoch, loss, imagesPerSecond: bs / dt });
        await yieldFn();
      }
      if (stopped) break;
      const val = await evaluate(tf, model, set, data.labels, split.val, bs, yieldFn);
      const m: EpochMetrics = {
        epoch: epoch + 1, trainLoss: lossSum / seen, trainAccuracy: correct / seen,
        valLoss: val.loss, valAccuracy: val.accuracy, seconds: (performance.now() - t0) / 1000,
      };
      epochs.push(m);
      o.callbacks?.onEpoch?.(m);
    }
    const test = stopped || split.test.length === 0 ? null : await testMetrics(o, model, set);
    await o.callbacks?.onModel?.(model);
    return {
      format: RUN_FORMAT, version: RUN_VERSION,
      id: o.id ?? `${config.model}-${config.seed}-${createdAt}`,
      createdAt, config: { ...config }, backend: tf.getBackend(),
      dataset: {
        name: o.dataset?.name ?? 'unnamed', hash: o.dataset?.hash ?? '', classes: [...data.classes],
        counts: { train: split.train.length, val: split.val.length, test: split.test.length },
      },
      epochs, steps, test,
      timings: { totalSeconds: (performance.now() - started) / 1000, imagesPerSecond: trainSeconds > 0 ? trainImages / trainSeconds : 0 },
      stopped,
    };
  } finally {
    adam.dispose();
    model.dispose();
  }
}

async function testMetrics(o: TrainOptions, model: Cnn, set: PixelSet): Promise<TestMetrics> {
  const { tf, data, split, config } = o;
  const r = await evaluate(tf, model, set, data.labels, split.test, config.batchSize, o.yieldFn ?? defaultYield);
  const truth = split.test.map((i) => data.labels[i]);
  const m = classificationMetrics(truth, r.predicted, data.classes.length);
  const misclassified = r.predicted.flatMap((p, i) => (p === truth[i] ? [] : [{ index: i, trueLabel: truth[i], predicted: p }]));
  return { ...m, misclassified };
}
