/**
 * The two ways the trainer feeds a model, chosen once per run: full training (every image through the
 * whole model, augmented, each step) and a frozen backbone (each image's features computed once, with
 * progress and an optional cache, then only the head trains and evaluates on them).
 */
import { type EvalResult, evaluate } from './evaluate';
import { fillBatch, type PixelSet } from './batches';
import type { Model } from './model';
import { evaluateHead, extractFeatures, fillFeatureBatch } from './model-features';
import type { RunConfig } from '../record/run-record';
import type { TF, Tensor } from '../tensor/tf-types';
import type { TrainSplit } from './train-split';

/** One way of feeding the model: a training batch's input and logits, and a split's evaluation. */
export interface StepFunctions {
  /** The input tensor of training batch `idx` (image indices) at global step `step`; called inside a tidy. */
  input(idx: readonly number[], step: number): Tensor;
  /** The training logits of an input from `input` (inside the gradient tape). */
  logits(x: Tensor): Tensor;
  /** Mean loss, accuracy and predictions of split `name`. */
  evaluate(name: 'val' | 'test'): Promise<EvalResult>;
  /** Seconds spent computing a frozen backbone's features (absent for full training). */
  featureSeconds?: number;
}

/** What both ways need to know of the run. */
export interface StepContext {
  tf: TF;
  model: Model;
  config: RunConfig;
  set: PixelSet;
  labels: ArrayLike<number>;
  split: TrainSplit;
  /** Scaling or ImageNet normalisation of an image batch. */
  prepare: (x: Tensor) => Tensor;
  yieldFn: () => Promise<void>;
}

/** Full training: images (augmented by `augment`) through the whole model in training mode. */
export function fullSteps(c: StepContext, augment: (x: Tensor, step: number) => Tensor): StepFunctions {
  const { tf, model, config, set } = c;
  const bs = config.batchSize;
  const buf = new Float32Array(bs * config.imageSize * config.imageSize * 3);
  return {
    input: (idx, step) => c.prepare(augment(tf.tensor4d(fillBatch(set, idx, buf), [bs, config.imageSize, config.imageSize, 3]), step)),
    logits: (x) => model.forward(x, { training: true }),
    evaluate: (name) => evaluate(tf, { forward: (x) => model.forward(c.prepare(x)) }, set, c.labels, c.split[name], bs, c.yieldFn),
  };
}

/** Where a frozen backbone's features are kept between runs, and under what. */
export interface FeatureCacheOptions {
  featureCache?: Map<string, Map<number, Float32Array>>;
  /** Given starting weights without a checksum cannot be told apart: nothing is cached for them. */
  initialWeights?: unknown;
  dataset?: { hash: string };
  onFeatures?: (p: { done: number; total: number }) => void;
}

/** What a frozen backbone's features depend on, or null when that cannot be told (no checksum, no data hash). */
function featureKey(o: FeatureCacheOptions, config: RunConfig): string | null {
  const weights = config.weights?.sha256 ?? (o.initialWeights ? null : `init-${config.seed}`);
  const data = o.dataset?.hash;
  return weights && data ? `${weights}|${data}|${config.imageSize}|${config.normalization ?? 'none'}` : null;
}

/** A frozen backbone: the features of the train, val and test splits (reusing and filling the cache), then the head on them. */
export async function frozenSteps(c: StepContext, o: FeatureCacheOptions): Promise<StepFunctions> {
  const { tf, model, config, split } = c;
  const d = model.featureSize;
  const bs = config.batchSize;
  const key = featureKey(o, config);
  let rows = key ? o.featureCache?.get(key) : undefined;
  if (key && o.featureCache && !rows) o.featureCache.set(key, (rows = new Map()));
  rows ??= new Map();
  const all = [...new Set([...split.train, ...split.val, ...split.test])];
  const missing = all.filter((i) => !rows.has(i));
  let done = 0;
  const t0 = performance.now();
  o.onFeatures?.({ done, total: missing.length });
  const computed = await extractFeatures(tf, model, c.set, missing, bs, c.prepare, c.yieldFn, (n) => {
    done += n;
    o.onFeatures?.({ done, total: missing.length });
  });
  missing.forEach((img, r) => rows.set(img, computed.slice(r * d, r * d + d)));
  const of = (idx: readonly number[]) => {
    const out = new Float32Array(idx.length * d);
    idx.forEach((img, r) => out.set(rows.get(img) as Float32Array, r * d));
    return out;
  };
  const feats = { train: of(split.train), val: of(split.val), test: of(split.test) };
  const featureSeconds = (performance.now() - t0) / 1000;
  const rowOf = new Map(split.train.map((img, row) => [img, row]));
  const buf = new Float32Array(bs * d);
  const labelsOf = (idx: readonly number[]) => idx.map((i) => c.labels[i]);
  return {
    input: (idx) =>
      tf.tensor2d(
        fillFeatureBatch(
          feats.train,
          d,
          idx.map((i) => rowOf.get(i) as number),
          buf,
        ),
        [bs, d],
      ),
    logits: (x) => model.head(x),
    evaluate: (name) => evaluateHead(tf, model, feats[name], labelsOf(split[name]), bs, c.yieldFn),
    featureSeconds,
  };
}
