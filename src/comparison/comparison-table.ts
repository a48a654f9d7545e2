/** The comparison table: one row per run and the homework's reported numbers as labelled reference rows. */
import type { RunRecord } from '../record/run-record';
import { MODELS } from '../train/models';
import { describeAugmentations } from './augmentation-text';
import { trainValGap } from './generalisation';
import { modelParameterCount, trainedParameterCount } from './model-parameters';
import { REPORTED_MODELS, type ReportedModel } from './reported-numbers';
import { MODEL_NAMES, runLabel } from './run-labels';
import { recomputedTestMetrics } from './test-metrics';

/** One row of the table; a number the source does not have is null. */
export interface ComparisonRow {
  /** The run's id, or `reported-q2.2` for a reference row. */
  id: string;
  kind: 'run' | 'reported';
  label: string;
  question: string;
  model: string;
  imageSize: number | null;
  /** Test accuracy and macro F1, recomputed from the confusion matrix for runs. */
  testAccuracy: number | null;
  macroF1: number | null;
  parameters: number | null;
  /** Parameters that were trained (fewer than `parameters` when a backbone was frozen). */
  trainedParameters: number | null;
  epochsDone: number | null;
  epochsPlanned: number | null;
  /** Accuracies at the last epoch and their difference (train − validation). */
  trainAccuracy: number | null;
  valAccuracy: number | null;
  gap: number | null;
  seconds: number | null;
  imagesPerSecond: number | null;
  backend: string | null;
  pretrained: boolean | null;
  /** Where the pretrained weights came from (null when from scratch or unknown). */
  pretrainedSource: string | null;
  /** Augmentation names ("none" without) and the full torchvision-style text. */
  augmentation: string | null;
  augmentationDetail: string | null;
}

/** The table row of one run. */
export function runRow(run: RunRecord): ComparisonRow {
  const m = recomputedTestMetrics(run);
  const last = run.epochs.at(-1);
  const aug = describeAugmentations(run.config.augmentations);
  return {
    id: run.id,
    kind: 'run',
    label: runLabel(run),
    question: run.config.question,
    model: MODEL_NAMES[run.config.model] ?? run.config.model,
    imageSize: run.config.imageSize,
    testAccuracy: m?.accuracy ?? null,
    macroF1: m?.macroF1 ?? null,
    parameters: modelParameterCount(run.config, run.dataset.classes.length),
    trainedParameters: trainedParameterCount(run.config, run.dataset.classes.length),
    epochsDone: run.epochs.length,
    epochsPlanned: run.config.epochs,
    trainAccuracy: last?.trainAccuracy ?? null,
    valAccuracy: last?.valAccuracy ?? null,
    gap: trainValGap(run),
    seconds: run.timings.totalSeconds,
    imagesPerSecond: run.timings.imagesPerSecond,
    backend: run.backend,
    pretrained: run.config.pretrained !== null,
    pretrainedSource: run.config.pretrained,
    augmentation: aug.names,
    augmentationDetail: aug.full,
  };
}

/** The reference row of a model as the homework reported it (ResNet-18's parameters counted with a 10-way head; the CNN's input size is not reported). */
export function reportedRow(r: ReportedModel): ComparisonRow {
  return {
    id: `reported-${r.question}`,
    kind: 'reported',
    label: `Reported in the homework: ${r.label}`,
    question: r.question,
    model: MODEL_NAMES[r.model],
    imageSize: null,
    testAccuracy: r.testAccuracy,
    macroF1: r.macroF1,
    parameters: MODELS[r.model].parameterCount(null, 10),
    trainedParameters: MODELS[r.model].parameterCount(null, 10),
    epochsDone: r.epoch,
    epochsPlanned: r.epoch,
    trainAccuracy: r.trainAccuracy,
    valAccuracy: r.valAccuracy,
    gap: r.trainAccuracy !== null && r.valAccuracy !== null ? r.trainAccuracy - r.valAccuracy : null,
    seconds: null,
    imagesPerSecond: null,
    backend: null,
    pretrained: r.pretrained,
    pretrainedSource: r.pretrained ? 'ImageNet' : null,
    augmentation: r.augmented ? 'yes (random perspective, colour jitter, random crop)' : 'none',
    augmentationDetail: null,
  };
}

/** The reference rows, in question order. */
export function reportedRows(): ComparisonRow[] {
  return REPORTED_MODELS.map(reportedRow);
}

/** The whole table: the chosen runs (in the order given), then the reference rows. */
export function comparisonTable(runs: readonly RunRecord[]): ComparisonRow[] {
  return [...runs.map(runRow), ...reportedRows()];
}
