/** Seeded CNN run records for the tests of chapters 2.1 and 2.2 (unit and browser): a comparison run with a chosen confusion matrix, curves, split size or batch size. */
import { metricsFromConfusion } from '../../src/train/metrics';
import type { EpochMetrics, RunRecord } from '../../src/record/run-record';
import { comparisonRun } from './run-records';

/** What a test chooses about a q2.2 run; everything else comes from comparisonRun's seeded record. */
export interface CnnRunSpec {
  seed: number;
  id?: string;
  createdAt?: string;
  /** confusion[true][predicted]; the test metrics are recomputed from it. */
  confusion?: number[][];
  epochs?: EpochMetrics[];
  train?: number;
  batchSize?: number;
}

/** A valid q2.2 run record (it passes validateRunRecord) with the chosen parts replaced. */
export function cnnRun(s: CnnRunSpec): RunRecord {
  const base = comparisonRun({
    id: s.id ?? `cnn-${s.seed}`,
    question: 'q2.2',
    seed: s.seed,
    skill: 8,
    finalTrain: 0.95,
    finalVal: 0.45,
    createdAt: s.createdAt,
  });
  const confusion = s.confusion ?? base.test!.confusion;
  const test = confusion.flat().reduce((a, b) => a + b, 0);
  const epochs = s.epochs ?? base.epochs;
  return {
    ...base,
    config: { ...base.config, batchSize: s.batchSize ?? base.config.batchSize, epochs: epochs.length },
    dataset: {
      ...base.dataset,
      classes: base.dataset.classes.slice(0, confusion.length),
      counts: { train: s.train ?? base.dataset.counts.train, val: base.dataset.counts.val, test },
    },
    epochs,
    test: { ...metricsFromConfusion(confusion), confusion, misclassified: [] },
  };
}

/** Ten epochs from [trainLoss, trainAccuracy, valLoss, valAccuracy] rows. */
export function epochsOf(rows: readonly (readonly [number, number, number, number])[]): EpochMetrics[] {
  return rows.map(([trainLoss, trainAccuracy, valLoss, valAccuracy], i) => ({
    epoch: i + 1,
    trainLoss,
    trainAccuracy,
    valLoss,
    valAccuracy,
    seconds: 10,
  }));
}
