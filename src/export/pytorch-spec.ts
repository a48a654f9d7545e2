/**
 * What a generated PyTorch script reproduces, as one typed value: the model (and, for ResNet-18,
 * its weights source, frozen or full fine-tuning, BatchNorm mode), the split seed and fractions,
 * the preprocessing sizes, the augmentation pipeline with its parameters, and the hyper-parameters.
 * `specFromRun()` builds it from a run record; the script generator is a pure function of it.
 */
import { validatePipeline } from '../augment/validate-pipeline';
import { type Pipeline, pipelineOutputSize } from '../augment/pipeline';
import { HOMEWORK_FRACTIONS, type SplitFractions } from '../data/split';
import { MODEL_KINDS, type ModelKind, fineTuningProblem, modelOf } from '../train/models';
import type { RunConfig, RunRecord } from '../record/run-record';
import { parseDescribedStep } from './described-step';

/** Everything the generated script needs to repeat a run. */
export interface PytorchScriptSpec {
  /** The run this was exported from (for the script's header), or null. */
  sourceRunId: string | null;
  model: ModelKind;
  question: RunConfig['question'];
  /** Side of the square model input. */
  imageSize: number;
  /** Side the images were stored at before the trainer resized them to imageSize (two resizes), or null for one resize straight to imageSize. */
  sourceSize: number | null;
  epochs: number;
  batchSize: number;
  learningRate: number;
  adamEpsilon: number;
  seed: number;
  fractions: SplitFractions;
  /** Cap on each split (the book's `--limit` / `?train-limit`), or null. */
  limit: number | null;
  /** Training-time augmentation, torchvision.transforms classes with their parameters, in order. */
  augmentations: Pipeline;
  /** The run record's own `config.augmentations` entries, copied into the script's run record. */
  recordAugmentations: string[];
  /** Weights source named by the run (`config.pretrained`), or null for from scratch. */
  pretrained: string | null;
  /** The starting weights the run recorded (`config.weights`: file name and SHA-256), or null. */
  weights: { source: string; sha256: string } | null;
  /** ResNet-18 only: train just fc (the backbone then runs with running statistics). */
  frozenBackbone: boolean;
  /** ResNet-18 only: BatchNorm in training passes uses batch statistics ('train') or running ones ('eval'; always with a frozen backbone). */
  batchNorm: 'train' | 'eval';
  /** Input normalisation after scaling to [0, 1]; its model's own unless the run names one (none for the CNN, ImageNet's mean/std for ResNet-18). */
  normalization: 'none' | 'imagenet';
  /** Seed of a replaced head (the book's initLinear with the run's seed, as buildModel's headSeed). */
  headSeed: number;
  /** The run's data set, to warn when the folder given to the script is a different one. */
  dataset: { name: string; classes: string[]; counts: { train: number; val: number; test: number } } | null;
}

/** Choices a run record does not carry. */
export interface SpecOptions {
  sourceSize?: number | null;
  limit?: number | null;
}

type Loose = Record<string, unknown>;

/** The augmentation pipeline of a record: a structured `config.pipeline`, `{op, params}` entries, or describeStep() text such as "RandomHorizontalFlip(p=0.5)". */
function pipelineOf(config: Loose): Pipeline {
  const raw = Array.isArray(config.pipeline) ? config.pipeline : Array.isArray(config.augmentations) ? config.augmentations : [];
  const steps = raw.map((a, i) => {
    if (typeof a !== 'string') return a;
    const p = parseDescribedStep(a);
    if (!p.ok) throw new Error(`augmentation ${i + 1} ("${a}") cannot be exported: ${p.error}`);
    return p.value;
  });
  const v = validatePipeline(steps);
  if (!v.ok) throw new Error(`the run's augmentations cannot be exported: ${v.errors.join('; ')}`);
  return v.value;
}

function oneOf<T extends string>(x: unknown, options: readonly T[], d: T, what: string): T {
  if (x === undefined || x === null) return d;
  if (!options.includes(x as T)) throw new Error(`${what} must be one of ${options.join(', ')}, got ${JSON.stringify(x)}`);
  return x as T;
}

/** The spec of a run record (throws with a clear message when the run cannot be repeated in PyTorch). */
export function specFromRun(run: RunRecord, opts: SpecOptions = {}): PytorchScriptSpec {
  const c = run.config as unknown as Loose & RunConfig;
  const model = oneOf(c.model, MODEL_KINDS, 'cnn', 'config.model');
  const def = modelOf(model);
  const sizeProblem = def.imageSizeProblem(c.imageSize);
  if (sizeProblem) throw new Error(`${def.name} needs an image size that is ${sizeProblem}, the run has ${c.imageSize}`);
  const augmentations = pipelineOf(c);
  const [oh, ow] = pipelineOutputSize(augmentations, c.imageSize, c.imageSize);
  if (def.inputSizeFixedBy && (oh !== c.imageSize || ow !== c.imageSize)) {
    throw new Error(
      `the augmentations turn ${c.imageSize}×${c.imageSize} images into ${oh}×${ow}, but ${def.inputSizeFixedBy} needs ${c.imageSize}×${c.imageSize} in training and evaluation alike`,
    );
  }
  const frozen = oneOf(c.fineTuning, ['full', 'frozen'] as const, 'full', 'config.fineTuning') === 'frozen';
  const batchNorm = oneOf(c.batchNorm, ['train', 'eval'] as const, 'train', 'config.batchNorm');
  const problem = fineTuningProblem({ model, fineTuning: frozen ? 'frozen' : 'full', batchNorm, normalization: c.normalization });
  if (problem) throw new Error(problem);
  return {
    sourceRunId: run.id,
    model,
    question: c.question,
    imageSize: c.imageSize,
    sourceSize: opts.sourceSize ?? null,
    epochs: c.epochs,
    batchSize: c.batchSize,
    learningRate: c.learningRate,
    adamEpsilon: c.adamEpsilon,
    seed: c.seed,
    fractions: { ...HOMEWORK_FRACTIONS },
    limit: opts.limit ?? null,
    augmentations,
    recordAugmentations: Array.isArray(c.augmentations) ? c.augmentations.filter((a): a is string => typeof a === 'string') : [],
    pretrained: typeof c.pretrained === 'string' ? c.pretrained : null,
    weights: c.weights ? { source: c.weights.source, sha256: c.weights.sha256 } : null,
    frozenBackbone: frozen,
    batchNorm: frozen ? 'eval' : batchNorm,
    normalization: oneOf(c.normalization, ['none', 'imagenet'] as const, def.normalization, 'config.normalization'),
    headSeed: c.seed,
    dataset: { name: run.dataset.name, classes: [...run.dataset.classes], counts: { ...run.dataset.counts } },
  };
}
