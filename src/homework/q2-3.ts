/**
 * Chapter 2.3's exercises, checked against the student's handed-in q2.3 run (the latest with test
 * results): (b) the overfitting diagnosis of its own curves, (c) its test accuracy and F1, (d) its
 * feature space (class centroids of the backbone features kept in the run). Discussion is marked by hand.
 */
import type { ExerciseDef } from '../exercises/exercise';
import type { ArrayMistake, ChoiceMistake, NumberMistake, PartSpec } from '../exercises/types';
import { metricsFromConfusion } from '../train/metrics';
import type { RunRecord } from '../train/run-record';
import { curveFacts } from './q2-3-curves';
import { clearlyClosest, closestPair, farthestPair, mostIsolated } from './q2-3-features';
import { latestRun } from './run-context';

/** Tolerance of numbers read off a run: ±0.005 (half a percentage point), as q2.2.metrics. */
export const RUN_TOL = { abs: 0.005, rel: 0 };
const EXACT = { abs: 0.5, rel: 0 };

/** The homework's reported ResNet-18 results (../shared/homework.md), a typical wrong answer when copied. */
export const HOMEWORK_RESNET = { accuracy: 0.5842, macroF1: 0.5773, trainAccuracy: 0.881, valAccuracy: 0.585 };

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/** Keeps mistakes that are finite, away from the answer by more than the tolerance, and distinct. */
function distinct(mistakes: NumberMistake[], answer: number, tol: number): NumberMistake[] {
  return mistakes.filter((m, i) => Number.isFinite(m.value) && Math.abs(m.value - answer) > tol && mistakes.findIndex((o) => Math.abs(o.value - m.value) < 1e-12) === i);
}

/** The run q2.3's exercises read. */
export function q23Run(runs: readonly RunRecord[] | undefined): RunRecord | null {
  return latestRun('q2.3', runs ?? []);
}

export const VERDICT_OPTIONS = [
  { id: 'overfit', label: 'Yes: training accuracy ends well above validation accuracy, and/or the validation loss stops falling while the training loss keeps falling.' },
  { id: 'val-high', label: 'No: the validation accuracy is high and does not drop, so the model is not overfitting.' },
  { id: 'fits', label: 'No: training and validation accuracy end close together and the validation loss is still at its lowest.' },
  { id: 'underfit', label: 'No, it underfits: the training accuracy itself stays low.' },
];

function verdictMistakes(run: RunRecord, f: NonNullable<ReturnType<typeof curveFacts>>): ChoiceMistake[] {
  const last = run.epochs.at(-1)!;
  const numbers = `your run ends at ${pct(last.trainAccuracy)} training and ${pct(last.valAccuracy)} validation accuracy (a gap of ${(100 * f.gap).toFixed(1)} points), and its validation loss is lowest at epoch ${f.bestEpoch} of ${run.epochs.length}`;
  if (f.verdict === 'overfit') {
    return [
      { id: 'homework-reading', chosen: ['val-high'], message: `That is how the homework read its ResNet-18 curves (88 % training, 58 % validation, "not overfitting"). A validation accuracy that does not drop does not rule out overfitting: ${numbers}.` },
      { id: 'fits', chosen: ['fits'], message: `Look again at the last epoch: ${numbers}.` },
      { id: 'underfit', chosen: ['underfit'], message: `An underfitting model is poor on its training data too; ${numbers}.` },
    ];
  }
  return [
    { id: 'overfit-claim', chosen: ['overfit'], message: `Not in this run: ${numbers}. Overfitting shows as a large gap or a validation loss that rises while the training loss falls.` },
    { id: 'homework-reading', chosen: ['val-high'], message: `The verdict is right but the reason is the homework's misreading: a steady validation accuracy alone does not show that a model does not overfit; here ${numbers}.` },
    { id: 'underfit', chosen: ['underfit'], message: `The training accuracy is ${pct(last.trainAccuracy)}; ${numbers}.` },
  ];
}

const q23overfit: ExerciseDef = {
  id: 'q2.3.overfit',
  usesRuns: true,
  marks: 3,
  title: 'Is your fine-tuned ResNet-18 overfitting?',
  inputs: [
    { key: 'q2.3.overfit.verdict', kind: 'choice', label: 'Is your handed-in q2.3 run overfitting?', multiple: false, options: VERDICT_OPTIONS },
    { key: 'q2.3.overfit.gap', kind: 'number', label: 'Training minus validation accuracy at the last epoch', placeholder: 'e.g. 30.2 % or 0.302' },
    { key: 'q2.3.overfit.best_epoch', kind: 'number', label: 'The epoch with the lowest validation loss (where early stopping would keep the weights)' },
    { key: 'q2.3.overfit.why', kind: 'text', label: 'Your reading of your curves: from which epoch, what the two losses do, and what you would change' },
  ],
  params: () => ({}),
  parts: async (_v, context) => {
    const run = q23Run(context?.runs);
    const f = run ? curveFacts(run.epochs) : null;
    const why: PartSpec = { kind: 'text', key: 'q2.3.overfit.why', marks: 1 };
    if (!run || !f) {
      return [
        { kind: 'text', key: 'q2.3.overfit.verdict', marks: 1 }, { kind: 'text', key: 'q2.3.overfit.gap', marks: 0.5 },
        { kind: 'text', key: 'q2.3.overfit.best_epoch', marks: 0.5 }, why,
      ];
    }
    const last = run.epochs.at(-1)!;
    const bestAcc = run.epochs.reduce((b, e) => (e.valAccuracy > b.valAccuracy ? e : b));
    return [
      f.verdict === 'unclear'
        ? { kind: 'text', key: 'q2.3.overfit.verdict', marks: 1 }
        : { kind: 'choice', key: 'q2.3.overfit.verdict', marks: 1, multiple: false, options: VERDICT_OPTIONS, correct: [f.verdict], mistakes: verdictMistakes(run, f) },
      {
        kind: 'number', key: 'q2.3.overfit.gap', marks: 0.5, answer: f.gap, tol: RUN_TOL,
        mistakes: distinct([
          { id: 'points-without-percent', value: 100 * f.gap, message: `Write percentage points with a % sign (${(100 * f.gap).toFixed(2)} %) or as a difference of fractions (${f.gap.toFixed(4)}).` },
          { id: 'sign', value: -f.gap, message: 'The sign is the wrong way round: training accuracy minus validation accuracy.' },
          { id: 'homework', value: HOMEWORK_RESNET.trainAccuracy - HOMEWORK_RESNET.valAccuracy, message: 'That is the gap of the homework\'s run (88.1 % − 58.5 %); give your own run\'s.' },
          { id: 'test', value: last.trainAccuracy - (run.test ? metricsFromConfusion(run.test.confusion).accuracy : NaN), message: 'That uses the test accuracy; the curves compare training with validation accuracy.' },
        ], f.gap, RUN_TOL.abs),
      },
      {
        kind: 'number', key: 'q2.3.overfit.best_epoch', marks: 0.5, answer: f.bestEpoch, tol: EXACT,
        mistakes: distinct([
          { id: 'last', value: run.epochs.length, message: 'The last epoch has the lowest training loss, not necessarily the lowest validation loss; early stopping watches the validation loss.' },
          { id: 'best-acc', value: bestAcc.epoch, message: `Epoch ${bestAcc.epoch} has the best validation accuracy; the question asks for the lowest validation loss.` },
        ], f.bestEpoch, EXACT.abs),
      },
      why,
    ];
  },
  hints: [
    'Hand in your q2.3 run first (the runs list below the fine-tuning widget); the answers are checked against the latest q2.3 run you hand in.',
    'Compare training and validation accuracy at the last epoch, and find where the validation loss is lowest; a validation accuracy that stays flat does not mean the model does not overfit.',
  ],
};

const q23metrics: ExerciseDef = {
  id: 'q2.3.metrics',
  usesRuns: true,
  marks: 2,
  title: 'Test accuracy and F1 of your fine-tuned run',
  inputs: [
    { key: 'q2.3.metrics.accuracy', kind: 'number', label: 'Test accuracy of your handed-in q2.3 run', placeholder: 'e.g. 0.5842' },
    { key: 'q2.3.metrics.f1', kind: 'number', label: 'Macro F1 of your handed-in q2.3 run', placeholder: 'e.g. 0.5773' },
  ],
  params: () => ({}),
  parts: async (_v, context) => {
    const run = q23Run(context?.runs);
    if (!run?.test) return [{ kind: 'text', key: 'q2.3.metrics.accuracy', marks: 1 }, { kind: 'text', key: 'q2.3.metrics.f1', marks: 1 }];
    const m = metricsFromConfusion(run.test.confusion);
    const last = run.epochs.at(-1);
    const percent = (x: number): NumberMistake => ({ id: 'percent', value: 100 * x, message: `Write it as a fraction (${x.toFixed(4)}) or with a % sign (${(100 * x).toFixed(2)} %).` });
    const homework = (x: number): NumberMistake => ({ id: 'homework', value: x, message: 'That is the number the homework reported for its run; give your own run\'s, from its test results.' });
    return [
      {
        kind: 'number', key: 'q2.3.metrics.accuracy', marks: 1, answer: m.accuracy, tol: RUN_TOL,
        mistakes: distinct([
          percent(m.accuracy), homework(HOMEWORK_RESNET.accuracy),
          { id: 'train-acc', value: last?.trainAccuracy ?? NaN, message: 'That is the training accuracy of the last epoch; the question asks for the test split.' },
          { id: 'val-acc', value: last?.valAccuracy ?? NaN, message: 'That is the validation accuracy of the last epoch; the question asks for the test split.' },
        ], m.accuracy, RUN_TOL.abs),
      },
      {
        kind: 'number', key: 'q2.3.metrics.f1', marks: 1, answer: m.macroF1, tol: RUN_TOL,
        mistakes: distinct([
          percent(m.macroF1), homework(HOMEWORK_RESNET.macroF1),
          { id: 'weighted', value: m.weightedF1, message: 'That is the support-weighted F1; give the macro F1, the plain mean of the per-class F1 scores.' },
          { id: 'accuracy', value: m.accuracy, message: 'That is the accuracy; F1 is the harmonic mean of precision and recall, per class, then averaged.' },
        ], m.macroF1, RUN_TOL.abs),
      },
    ];
  },
  hints: ['The results under the fine-tuning widget show both; they are recomputed here from the confusion matrix of your handed-in run.'],
};

const q23features: ExerciseDef = {
  id: 'q2.3.features',
  usesRuns: true,
  marks: 3,
  title: 'Your feature space',
  inputs: [
    { key: 'q2.3.features.closest', kind: 'vector', label: 'The numbers of the two classes whose feature centroids lie closest (smaller number first)', length: 2 },
    { key: 'q2.3.features.isolated', kind: 'number', label: 'The number of the class whose nearest other class is farthest away (the most isolated cluster)' },
    { key: 'q2.3.features.discussion', kind: 'text', label: 'What the 2-D and 3-D pictures show: which classes form their own clusters, which overlap, and whether that matches the confusion matrix' },
  ],
  params: () => ({}),
  parts: async (_v, context) => {
    const fs = q23Run(context?.runs)?.featureSpace;
    const discussion: PartSpec = { kind: 'text', key: 'q2.3.features.discussion', marks: 1 };
    if (!fs) return [{ kind: 'text', key: 'q2.3.features.closest', marks: 1 }, { kind: 'text', key: 'q2.3.features.isolated', marks: 1 }, discussion];
    const dist = fs.classCentroidDistances;
    const pair = closestPair(dist);
    const far = farthestPair(dist);
    const isolated = mostIsolated(dist);
    const pairMistakes: ArrayMistake[] = [
      { id: 'order', value: [pair[1], pair[0]], message: 'Right classes; write the smaller class number first.' },
      ...(far[0] === pair[0] && far[1] === pair[1] ? [] : [{ id: 'farthest', value: far, message: 'Those two lie farthest apart; the question asks for the closest pair.' }]),
    ];
    const isolatedMistakes = distinct(pair.map((c) => ({ id: 'closest-pair', value: c, message: `Class ${c} belongs to the closest pair, the least isolated classes of all.` })), isolated, EXACT.abs);
    return [
      clearlyClosest(dist)
        ? { kind: 'vector', key: 'q2.3.features.closest', marks: 1, answer: pair, tol: EXACT, mistakes: pairMistakes }
        : { kind: 'text', key: 'q2.3.features.closest', marks: 1 },
      { kind: 'number', key: 'q2.3.features.isolated', marks: 1, answer: isolated, tol: EXACT, mistakes: isolatedMistakes },
      discussion,
    ];
  },
  hints: [
    'The widget lists the distances between the class centroids of your run\'s 512-dimensional features (train and validation images); t-SNE pictures keep neighbours, not distances between clusters, so read the table, not the picture.',
    'Class numbers are as in the list of classes: the first class is 0.',
  ],
};

const q23report: ExerciseDef = {
  id: 'q2.3.report',
  marks: 2,
  title: 'Your fine-tuning setup and confusion matrix',
  inputs: [{ key: 'q2.3.report', kind: 'text', label: 'Your training setup (weights, frozen or full, BatchNorm mode, settings) and what the confusion matrix shows' }],
  params: () => ({}),
  parts: async () => [{ kind: 'text', key: 'q2.3.report', marks: 2 }],
  hints: ['Say where the weights came from (torchvision\'s checksum or "not pretrained") and which classes are confused with which.'],
};

/** Exercises of chapter 2.3 (q2.3's 10 marks: 6 checked against the handed-in run when it has what they need, 4 for discussion, marked by hand). */
export const Q2_3: ExerciseDef[] = [q23overfit, q23metrics, q23features, q23report];
