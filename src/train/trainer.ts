/**
 * The training loop of both models (the homework CNN, q2.2, and ResNet-18, q2.3) through the Model
 * interface: seeded init and shuffles, Adam (PyTorch's), mean cross-entropy, fixed-shape batches
 * (last partial train batch dropped), per-epoch train/val loss and accuracy, test metrics at the end.
 * ResNet-18 inputs get ImageNet normalisation; with a frozen backbone the features of every split are
 * computed once (eval mode, batched, with progress) and only the head trains on them. Yields to the
 * event loop after every step, honours pause/resume/stop, stops on a non-finite or diverging loss, frees every tensor
 * it makes, and returns the record of what it did however the run ends.
 * The config's augmentation pipeline (q2.4) runs on each training batch on the training backend, drawn
 * per image from a stream fixed by the seed and the step; validation and test batches are never augmented.
 */
import { augmentBatch } from '../augment/augment-batch';
import { augmentStream } from '../augment/augment-stream';
import { type Pipeline, pipelineOutputSize } from '../augment/pipeline';
import { validatePipeline } from '../augment/validate-pipeline';
import { createAdam } from './adam';
import { epochOrder, fillLabels, fullBatches, type PixelSet } from './batches';
import { divergenceWatch } from './divergence';
import type { EvalResult } from './evaluate';
import { softmaxCrossEntropy } from './loss';
import { classificationMetrics } from './metrics';
import type { Model, TorchState } from './model';
import { type ModelKind, fineTuningProblem, isModelKind, MODEL_KINDS } from './models';
import { modelForRun } from './models/model-for-run';
import { prepareImages } from './prepare-images';
import { type EpochMetrics, type RunConfig, type RunRecord, type TestMetrics, RUN_FORMAT, RUN_VERSION } from '../record/run-record';
import type { TF, Tensor } from '../tensor/tf-types';
import type { TrainController } from './train-control';
import { SPLIT_NAMES, type TrainSplit } from './train-split';
import { frozenSteps, fullSteps, type StepFunctions } from './train-steps';

/** A labelled image set as stored: uint8 NHWC pixels at its own size. */
export interface TrainData {
  images: Uint8Array;
  labels: ArrayLike<number>;
  imageSize: number;
  channels: 1 | 3;
  /** Class names (their count is the number of outputs). */
  classes: string[];
}

export { type TrainSplit, trainSplit } from './train-split';

/** Progress of one training step. */
export interface StepInfo {
  epoch: number;
  step: number;
  stepsPerEpoch: number;
  loss: number;
  imagesPerSecond: number;
}

/** Everything train() needs; only tf, data, split and config are required. */
export interface TrainOptions {
  tf: TF;
  /** Optional: config.model names the model; when given it must be the same. */
  model?: ModelKind;
  data: TrainData;
  split: TrainSplit;
  config: RunConfig;
  callbacks?: {
    onStep?: (s: StepInfo) => void;
    onEpoch?: (m: EpochMetrics) => void;
    /** Frozen backbone: images whose features are computed so far, of `total` (those of train, val and test not in the cache). */
    onFeatures?: (p: { done: number; total: number }) => void;
    /** Called with the trained model before it is disposed (e.g. to save weights). */
    onModel?: (model: Model) => Promise<void> | void;
    /** Training threw after it started: train() then returns the record so far (stopped 'error') instead of throwing. */
    onError?: (error: Error) => void;
  };
  control?: TrainController;
  /** Awaited after every step and eval batch (default: a macrotask, so a page stays responsive). */
  yieldFn?: () => Promise<void>;
  /**
   * Frozen backbone: features kept between runs, per image index, under a key naming the weights'
   * SHA-256 (config.weights) or seeded init, the data set's hash, the input size and normalisation.
   * Without a checksum for given weights, or without a data set hash, nothing is cached.
   */
  featureCache?: Map<string, Map<number, Float32Array>>;
  /** Start from these PyTorch-layout weights (a state_dict) instead of a seeded init; ResNet-18's fc is replaced when its size differs. */
  initialWeights?: TorchState;
  dataset?: { name: string; hash: string };
  id?: string;
}

const MAX_STEPS_RECORDED = 2000;
const defaultYield = () => new Promise<void>((r) => setTimeout(r, 0));

function checkInputs(o: TrainOptions): void {
  const { data, split, config } = o;
  if (!isModelKind(config.model) || (o.model !== undefined && config.model !== o.model))
    throw new Error(
      `train() supports models ${MODEL_KINDS.map((k) => `'${k}'`).join(' and ')} (the same in options and config), got ${o.model} and ${config.model}`,
    );
  const problem = fineTuningProblem(config);
  if (problem) throw new Error(problem);
  if (config.fineTuning === 'frozen' && config.batchNorm === 'train')
    throw new Error("a frozen backbone uses running statistics: batchNorm must be 'eval'");
  if (data.labels.length * data.imageSize * data.imageSize * data.channels !== data.images.length) {
    throw new Error(
      `${data.images.length} pixel bytes do not match ${data.labels.length} images of ${data.imageSize}×${data.imageSize}×${data.channels}`,
    );
  }
  if (!Number.isInteger(config.batchSize) || config.batchSize < 1)
    throw new Error(`batchSize must be a positive integer, got ${config.batchSize}`);
  if (!Number.isInteger(config.epochs) || config.epochs < 1) throw new Error(`epochs must be a positive integer, got ${config.epochs}`);
  if (split.train.length < config.batchSize)
    throw new Error(`the train split has ${split.train.length} images, fewer than one batch of ${config.batchSize}`);
  if (split.val.length === 0) throw new Error('the validation split is empty');
  for (const name of SPLIT_NAMES) {
    const idx = split[name];
    if (!Array.isArray(idx)) throw new Error(`split "${name}" is not a list of indices`);
    if (!idx.every((i: number) => Number.isInteger(i) && i >= 0 && i < data.labels.length))
      throw new Error(`split "${name}" has an index outside the data`);
  }
  for (let i = 0; i < data.labels.length; i++) {
    const l = data.labels[i];
    if (!Number.isInteger(l) || l < 0 || l >= data.classes.length)
      throw new Error(`label ${l} of image ${i} is outside 0..${data.classes.length - 1}`);
  }
}

/** The model, its effective settings, and how its inputs are prepared, for this config. */
function setUp(o: TrainOptions): { model: Model; config: RunConfig; prepare: (x: Tensor) => Tensor } {
  return modelForRun(o.tf, o.config, o.data.classes.length, o.initialWeights);
}

/** The config's augmentations as a canonical pipeline that keeps tensor shapes fixed (throws with the problems named). */
function pipelineOf(config: RunConfig): Pipeline {
  const v = validatePipeline(config.augmentations, [config.imageSize, config.imageSize]);
  if (!v.ok) throw new Error(`the augmentation pipeline cannot be used: ${v.errors.join('; ')}`);
  if (v.value.length > 0 && config.fineTuning === 'frozen')
    throw new Error(
      "a frozen backbone computes each image's features once, so its training images cannot be augmented: fine-tune every layer",
    );
  const [h, w] = pipelineOutputSize(v.value, config.imageSize, config.imageSize);
  if (h !== config.imageSize || w !== config.imageSize)
    throw new Error(
      `the augmentations turn ${config.imageSize}×${config.imageSize} images into ${h}×${w}; training and evaluation need the same size`,
    );
  return v.value;
}

/** What a run has done so far, from which its record is written whatever way it ends. */
interface Progress {
  epochs: EpochMetrics[];
  steps: { step: number; loss: number }[];
  trainSeconds: number;
  trainImages: number;
  featureSeconds?: number;
}

/**
 * Trains the model named in the config and returns the record of what it did: complete (stopped null),
 * stopped by the controller ('stopped'), by a non-finite loss ('nan-loss') or by a diverging one
 * ('diverged'), or, once training has started and something throws, 'error' with the epochs and steps so
 * far (the error goes to callbacks.onError; without one it is thrown). Invalid options throw before anything runs.
 */
export async function train(o: TrainOptions): Promise<RunRecord> {
  checkInputs(o);
  const { tf, data, split } = o;
  const yieldFn = o.yieldFn ?? defaultYield;
  const started = performance.now();
  const createdAt = new Date().toISOString();
  const set: PixelSet = prepareImages(
    { pixels: data.images, imageSize: data.imageSize, channels: data.channels },
    data.labels.length,
    o.config.imageSize,
  );
  const pipeline = pipelineOf(o.config);
  const { model, config: base, prepare } = setUp(o);
  const config: RunConfig = { ...base, augmentations: pipeline };
  const adam = createAdam(tf, model.trainable, { learningRate: config.learningRate, epsilon: config.adamEpsilon });
  const done: Progress = { epochs: [], steps: [], trainSeconds: 0, trainImages: 0 };
  const record = (stopped: string | null, test: TestMetrics | null): RunRecord => ({
    format: RUN_FORMAT,
    version: RUN_VERSION,
    id: o.id ?? `${config.model}-${config.seed}-${createdAt}`,
    createdAt,
    config,
    backend: tf.getBackend(),
    dataset: {
      name: o.dataset?.name ?? 'unnamed',
      hash: o.dataset?.hash ?? '',
      classes: [...data.classes],
      counts: { train: split.train.length, val: split.val.length, test: split.test.length },
    },
    epochs: done.epochs,
    steps: done.steps,
    test,
    timings: {
      totalSeconds: (performance.now() - started) / 1000,
      imagesPerSecond: done.trainSeconds > 0 ? done.trainImages / done.trainSeconds : 0,
      ...(done.featureSeconds === undefined ? {} : { featureSeconds: done.featureSeconds }),
    },
    stopped,
  });
  try {
    const context = { tf, model, config, set, labels: data.labels, split, prepare, yieldFn };
    const steps =
      config.fineTuning === 'frozen'
        ? await frozenSteps(context, { ...o, onFeatures: o.callbacks?.onFeatures })
        : fullSteps(context, (x, step) => (pipeline.length ? augmentBatch(tf, x, pipeline, augmentStream(config.seed, step)) : x));
    done.featureSeconds = steps.featureSeconds;
    const stopped = await trainEpochs(o, config, model, adam, steps, done, yieldFn);
    const test = stopped || split.test.length === 0 ? null : testMetrics(o, await steps.evaluate('test'));
    await o.callbacks?.onModel?.(model);
    return record(stopped, test);
  } catch (e) {
    if (!o.callbacks?.onError) throw e;
    o.callbacks.onError(e instanceof Error ? e : new Error(String(e)));
    return record('error', null);
  } finally {
    adam.dispose();
    model.dispose();
  }
}

/** The epochs of a run, each closed by a validation pass; returns why they ended early, or null. */
async function trainEpochs(
  o: TrainOptions,
  config: RunConfig,
  model: Model,
  adam: ReturnType<typeof createAdam>,
  fns: StepFunctions,
  done: Progress,
  yieldFn: () => Promise<void>,
): Promise<string | null> {
  const { tf, data, split } = o;
  const vars = [...model.trainable.values()];
  const names = new Map([...model.trainable].map(([n, v]) => [v.name, n]));
  const bs = config.batchSize;
  const stepsPerEpoch = Math.floor(split.train.length / bs);
  const stepEvery = Math.max(1, Math.ceil((stepsPerEpoch * config.epochs) / MAX_STEPS_RECORDED));
  const watch = divergenceWatch(data.classes.length);
  let globalStep = 0;
  for (let epoch = 0; epoch < config.epochs; epoch++) {
    const t0 = performance.now();
    let lossSum = 0;
    let correct = 0;
    let seen = 0;
    for (const idx of fullBatches(epochOrder(split.train, config.seed, epoch), bs)) {
      await o.control?.waitWhilePaused();
      if (o.control?.stopped) return 'stopped';
      const s0 = performance.now();
      const y = fillLabels(data.labels, idx, bs);
      const [lossT, correctT] = tf.tidy(() => {
        const x = fns.input(idx, globalStep);
        const yt = tf.tensor1d(y, 'int32');
        let hits: Tensor | null = null;
        const { value, grads } = tf.variableGrads(() => {
          const logits = fns.logits(x);
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
      done.trainSeconds += dt;
      done.trainImages += bs;
      globalStep++;
      const verdict = watch.observe(loss);
      if (verdict === 'nan-loss') return verdict;
      if (globalStep % stepEvery === 0 || verdict) done.steps.push({ step: globalStep, loss });
      if (verdict) return verdict;
      lossSum += loss * bs;
      correct += c[0];
      seen += bs;
      o.callbacks?.onStep?.({ epoch: epoch + 1, step: globalStep, stepsPerEpoch, loss, imagesPerSecond: bs / dt });
      await yieldFn();
    }
    const val = await fns.evaluate('val');
    const m: EpochMetrics = {
      epoch: epoch + 1,
      trainLoss: lossSum / seen,
      trainAccuracy: correct / seen,
      valLoss: val.loss,
      valAccuracy: val.accuracy,
      seconds: (performance.now() - t0) / 1000,
    };
    done.epochs.push(m);
    o.callbacks?.onEpoch?.(m);
  }
  return null;
}

function testMetrics(o: TrainOptions, r: EvalResult): TestMetrics {
  const { data, split } = o;
  const truth = split.test.map((i) => data.labels[i]);
  const m = classificationMetrics(truth, r.predicted, data.classes.length);
  const misclassified = r.predicted.flatMap((p, i) => (p === truth[i] ? [] : [{ index: i, trueLabel: truth[i], predicted: p }]));
  return { ...m, misclassified };
}
