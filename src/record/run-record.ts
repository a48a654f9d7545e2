/** The run record: a versioned, plain-JSON account of one training run (page, CLI and grader share it). */
import type { Pipeline } from '../augment/pipeline';
import type { ModelKind } from './model-kinds';
import type { RunQuestion } from './questions';

export const RUN_FORMAT = 'dlcv-hw1-run';
/** The version written: 2 records the augmentation pipeline as validated {op, params} steps. */
export const RUN_VERSION = 2;
/** The versions read: 1 kept its augmentations as description strings ("RandomCrop(64, padding=4)"). */
export const RUN_VERSIONS_READ = [1, 2] as const;

export interface EpochMetrics {
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  valLoss: number;
  valAccuracy: number;
  seconds: number;
}

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface TestMetrics {
  accuracy: number;
  macroF1: number;
  weightedF1: number;
  perClass: ClassMetrics[];
  /** confusion[true][predicted] counts. */
  confusion: number[][];
  /** Misclassified test images, by index into the test split. */
  misclassified: { index: number; trueLabel: number; predicted: number }[];
}

export interface RunConfig {
  model: ModelKind;
  /** Homework question this run answers. */
  question: RunQuestion;
  imageSize: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  adamEpsilon: number;
  seed: number;
  /**
   * Augmentations applied to training images (q2.4), in order; empty for none. Version 2: the
   * canonical pipeline (validatePipeline's output, every parameter spelled out). Version 1: text.
   */
  augmentations: Pipeline | string[];
  /** Pretrained weights source for fine-tuning (q2.3), or null for from-scratch (labelled "not pretrained"). */
  pretrained: string | null;
  /** The starting weights' file and SHA-256 when training starts from a file (absent in older records). */
  weights?: { source: string; sha256: string } | null;
  /** ResNet-18: train every layer ('full') or only the new fc on a frozen backbone ('frozen'). */
  fineTuning?: 'full' | 'frozen';
  /** ResNet-18: BatchNorm during training uses batch statistics ('train') or the running ones ('eval'); 'eval' whenever the backbone is frozen. */
  batchNorm?: 'train' | 'eval';
  /** Input normalisation after scaling to [0, 1]: none (the CNN) or ImageNet's mean/std (ResNet-18). */
  normalization?: 'none' | 'imagenet';
}

/** A summary of the backbone's features after a run (q2.3d), kept so exercises can check answers about them. */
export interface FeatureSpaceSummary {
  /** Which images the features are of. */
  splits: ('train' | 'val')[];
  points: number;
  featureSize: number;
  /** Euclidean distances between the class centroids of the features, [classes][classes]. */
  classCentroidDistances: number[][];
  /** The t-SNE picture drawn from them, when one was computed. */
  tsne?: {
    dims: 2 | 3;
    perplexity: number;
    iterations: number;
    seed: number;
    kl: number;
    trustworthiness: number | null;
    points: number;
  }[];
}

/** How a run outside the book ran (the exported PyTorch script): processes, device, torch version. */
export interface RunRuntime {
  /** Number of processes that trained together (torchrun's WORLD_SIZE; 1 for one process). */
  worldSize: number;
  /** The device kind the processes trained on ('cuda' or 'cpu'). */
  device: string;
  /** torch.__version__ of the run. */
  torchVersion: string;
  /** True when BatchNorm's batch statistics were synchronised across the processes (SyncBatchNorm). */
  syncBatchNorm?: boolean;
}

export interface RunRecord {
  format: typeof RUN_FORMAT;
  version: (typeof RUN_VERSIONS_READ)[number];
  id: string;
  createdAt: string;
  config: RunConfig;
  backend: string;
  dataset: { name: string; hash: string; classes: string[]; counts: { train: number; val: number; test: number } };
  epochs: EpochMetrics[];
  /** Per-step training loss (optionally subsampled). */
  steps: { step: number; loss: number }[];
  test: TestMetrics | null;
  /** featureSeconds: time spent computing a frozen backbone's features (absent otherwise). */
  timings: { totalSeconds: number; imagesPerSecond: number; featureSeconds?: number };
  /** Why the run ended early (stopped, NaN loss, device lost), or null when it completed. */
  stopped: string | null;
  /** The features' summary (q2.3d), absent in older records and in runs whose features were not computed. */
  featureSpace?: FeatureSpaceSummary;
  /** How the run ran outside the book (written by the exported PyTorch script); absent in the book's own runs. */
  runtime?: RunRuntime;
}

export { validateRunRecord } from './validate-run-record';
