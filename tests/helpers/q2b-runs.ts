/** Run records and grading helpers for the tests of chapters 2.3, 2.4 and 2.6: curves, confusion matrices and feature spaces chosen by the test. */
import type { ExerciseDef } from '../../src/exercises/exercise';
import { grade } from '../../src/exercises/grade';
import type { Feedback, PartSpec, RawAnswer } from '../../src/exercises/types';
import { homeworkVariant } from '../../src/exercises/variant';
import { REPORTED_MODELS } from '../../src/comparison/reported-numbers';
import { HOMEWORK_VAL_LOSS } from '../../src/homework/q2-3-homework-log';
import { metricsFromConfusion } from '../../src/train/metrics';
import type { EpochMetrics, RunRecord } from '../../src/record/run-record';
import { comparisonRun } from './run-records';

/** A q2.3 run whose centroid distances put classes 2 and 7 closest and class 9 far from all. */
export function resnetWithFeatures(finalTrain: number, finalVal: number, id = 'resnet-own'): RunRecord {
  const r = comparisonRun({ id, question: 'q2.3', seed: 21, skill: 14, finalTrain, finalVal, createdAt: '2026-12-01T10:00:00.000Z' });
  const pos = (c: number) => (c === 9 ? [40, 40] : c === 7 ? [2 * 2 + 0.5, 0] : [2 * c, c % 2]);
  const dist = r.dataset.classes.map((_, a) => r.dataset.classes.map((_, b) => Math.hypot(pos(a)[0] - pos(b)[0], pos(a)[1] - pos(b)[1])));
  return { ...r, featureSpace: { splits: ['train', 'val'], points: 4000, featureSize: 512, classCentroidDistances: dist } };
}

/** `run` with per-epoch curves given as [train accuracy, validation accuracy, validation loss] rows (training loss falling steadily). */
export function withCurves(run: RunRecord, rows: readonly [number, number, number][]): RunRecord {
  const epochs: EpochMetrics[] = rows.map(([trainAccuracy, valAccuracy, valLoss], i) => ({
    epoch: i + 1,
    trainLoss: 2 / (i + 1),
    trainAccuracy,
    valAccuracy,
    valLoss,
    seconds: 10,
  }));
  return { ...run, epochs, config: { ...run.config, epochs: epochs.length } };
}

const L = HOMEWORK_VAL_LOSS;
const R = REPORTED_MODELS.find((m) => m.question === 'q2.3')!;

/**
 * Curves shaped like the homework's ResNet-18 log as ../shared/homework.md describes it (HOMEWORK_VAL_LOSS: its
 * value at epoch 2, its lowest and highest after that, its last) and its final accuracies (REPORTED_MODELS);
 * the other epochs are made up in between.
 */
export const HOMEWORK_LIKE_CURVES: [number, number, number][] = [
  [0.55, 0.5, 1.7],
  [0.66, 0.55, L.second],
  [0.72, 0.56, 1.52],
  [0.76, 0.57, 1.61],
  [0.8, 0.58, 1.48],
  [0.83, 0.57, 1.66],
  [0.85, 0.58, 1.55],
  [0.86, 0.56, L.highest],
  [0.87, 0.59, L.lowest],
  [R.trainAccuracy!, R.valAccuracy!, L.last],
];

/** `run` with its test results replaced by `confusion` (metrics recomputed from it). */
export function withConfusion(run: RunRecord, confusion: number[][]): RunRecord {
  return {
    ...run,
    test: { ...metricsFromConfusion(confusion), confusion, misclassified: [] },
    dataset: { ...run.dataset, counts: { ...run.dataset.counts, test: confusion.flat().reduce((a, b) => a + b, 0) } },
  };
}

/** The part of `list` with answer key `key` for the homework variant and `runs`. */
export async function partFor(list: readonly ExerciseDef[], key: string, runs: readonly RunRecord[]): Promise<PartSpec> {
  const ex = list.find((e) => e.inputs.some((i) => i.key === key));
  if (!ex) throw new Error(`no exercise with input ${key}`);
  const part = (await ex.parts(homeworkVariant, { runs })).find((p) => p.key === key);
  if (!part) throw new Error(`no part ${key}`);
  return part;
}

/** Grades `raw` for answer key `key` of `list`, as the page and the grader do. */
export async function gradeFor(list: readonly ExerciseDef[], key: string, raw: RawAnswer, runs: readonly RunRecord[]): Promise<Feedback> {
  return grade(await partFor(list, key, runs), raw);
}

/** Marks of the parts of `list` that `grade()` gives (not `text`), for `runs`. */
export async function autoMarks(list: readonly ExerciseDef[], runs: readonly RunRecord[]): Promise<number> {
  let auto = 0;
  for (const ex of list) for (const p of await ex.parts(homeworkVariant, { runs })) if (p.kind !== 'text') auto += p.marks;
  return auto;
}

/** Every way a value of the student's run could be printed in a message: 0.2963, 29.63, 29.6, 0.30 … */
export function printedForms(x: number): string[] {
  return [...new Set([x.toFixed(4), x.toFixed(3), (100 * x).toFixed(2), (100 * x).toFixed(1)])];
}

/** The feedback messages of every named mistake of `parts` (what a student may be told). */
export function mistakeMessages(parts: readonly PartSpec[]): string[] {
  return parts.flatMap((p) => ('mistakes' in p && p.mistakes ? p.mistakes.map((m) => m.message) : []));
}
