import type { ExerciseDef } from '../exercises/exercise';
import type { NumberMistake, PartSpec, Variant } from '../exercises/types';
import { mulberry32, pickOne } from '../exercises/variant';
import { metricsFromConfusion } from '../train/metrics';
import { bestEpoch, OVERFIT_CURVES } from './q2-2-curves';
import { latestRun } from './run-context';

/** Input sizes of the flatten exercise (multiples of 16, as the pools 4·2·2 need). */
export const FLATTEN_SIZES = [32, 48, 80, 96, 112, 128, 160, 192, 224, 256] as const;

/** Side length of the input in q2.2.flatten: 64 in the homework variant. */
export function flattenSize(v: Variant): number {
  if (v.kind === 'homework') return 64;
  return pickOne(mulberry32(v.seed ^ 0x22f), FLATTEN_SIZES);
}

/** Features reaching the linear layer for an S×S input: 128·(S/16)². */
export function flattenFeatures(size: number): number {
  return 128 * (size / 16) ** 2;
}

/** Keeps mistakes whose value differs from the answer and from earlier mistakes. */
function distinct(mistakes: NumberMistake[], answer: number): NumberMistake[] {
  return mistakes.filter((m, i) => Number.isFinite(m.value) && m.value !== answer && mistakes.findIndex((o) => o.value === m.value) === i);
}

const EXACT = { abs: 0.5, rel: 0 };

const q22flatten: ExerciseDef = {
  id: 'q2.2.flatten',
  marks: 1,
  title: 'Features after flattening',
  inputs: [{ key: 'q2.2.flatten', kind: 'number', label: 'Features per image after flatten' }],
  params: (v) => ({ size: flattenSize(v) }),
  parts: async (v) => {
    const s = flattenSize(v);
    const answer = flattenFeatures(s);
    return [{
      kind: 'number', key: 'q2.2.flatten', marks: 1, answer, tol: EXACT,
      mistakes: distinct([
        { id: 'no-channels', value: (s / 16) ** 2, message: `That is the number of positions, (${s}/16)² = ${(s / 16) ** 2}; every position has 128 channels.` },
        { id: 'pools-of-2', value: 128 * (s / 8) ** 2, message: 'That treats all three pools as 2×2; the first pool is 4×4 with stride 4, so the side shrinks by 4·2·2 = 16.' },
        { id: 'hard-coded', value: 128 * 16 * 16, message: `128·16·16 is the homework's hard-coded view; it only fits a 256×256 input, not ${s}×${s}.` },
        { id: 'pool-4-only', value: 128 * (s / 4) ** 2, message: 'Only the first pool was applied; the second and third pools halve the side again.' },
      ], answer),
    }];
  },
  hints: [
    'Padding 1 keeps a 3×3 convolution from shrinking the image; only the pools do.',
    'The pools divide each side by 4, 2 and 2. Multiply the channels (128) by the height and width left.',
  ],
};

const q22view: ExerciseDef = {
  id: 'q2.2.view_bug',
  marks: 1,
  title: 'The hard-coded view',
  inputs: [
    { key: 'q2.2.view_bug.features32', kind: 'number', label: 'Features per 32×32 image after the last pool' },
    { key: 'q2.2.view_bug.size', kind: 'number', label: 'Input side length that x.view(-1, 128*16*16) fits' },
  ],
  params: () => ({}),
  parts: async () => [
    {
      kind: 'number', key: 'q2.2.view_bug.features32', marks: 0.5, answer: 512, tol: EXACT,
      mistakes: [
        { id: 'comment', value: 32768, message: 'That is 128·16·16, what the code assumes; compute it: 32 / 16 = 2, so 128·2·2.' },
        { id: 'pools-of-2', value: 2048, message: 'That treats all pools as 2×2; the first one is 4×4.' },
      ],
    },
    {
      kind: 'number', key: 'q2.2.view_bug.size', marks: 0.5, answer: 256, tol: EXACT,
      mistakes: [
        { id: 'comment', value: 32, message: 'That is what the comment claims; 32×32 gives 128·2·2 = 512 features, and view(-1, 32768) would then glue 64 images into one row.' },
        { id: 'pools-of-2', value: 128, message: 'That assumes the side shrinks by 8; with pools of 4, 2, 2 it shrinks by 16, so the side is 16·16.' },
        { id: 'side-16', value: 16, message: '16 is the side after the pools; the input is 16 times larger.' },
      ],
    },
  ],
  hints: ['After the three pools a side of S pixels is S/16. Which S makes S/16 = 16?'],
};

const OVERFIT_OPTIONS = [
  { id: 'overfit', label: 'Yes: training loss keeps falling while validation loss rises after a few epochs, and training accuracy ends far above validation accuracy.' },
  { id: 'underfit', label: 'No, it underfits: a validation accuracy near 44 % shows the network is too small to learn the data.' },
  { id: 'val-flat', label: 'No: validation accuracy does not drop, so the model is not overfitting.' },
  { id: 'diverge', label: 'No: the learning rate is too high, so Adam diverges and the validation loss grows.' },
];

const q22overfit: ExerciseDef = {
  id: 'q2.2.overfit',
  marks: 2,
  title: 'Is it overfitting?',
  inputs: [
    { key: 'q2.2.overfit.verdict', kind: 'choice', label: 'Is this run overfitting?', multiple: false, options: OVERFIT_OPTIONS },
    { key: 'q2.2.overfit.best_epoch', kind: 'number', label: 'After which epoch would early stopping keep the weights?' },
    { key: 'q2.2.overfit.why', kind: 'text', label: 'Your answer for your own run: is it overfitting, from which epoch, and what would you change?' },
  ],
  params: () => ({ best: bestEpoch(OVERFIT_CURVES) }),
  parts: async () => {
    const best = bestEpoch(OVERFIT_CURVES);
    const bestAcc = OVERFIT_CURVES.reduce((a, e) => (e.valAccuracy > a.valAccuracy ? e : a));
    return [
      {
        kind: 'choice', key: 'q2.2.overfit.verdict', marks: 0.5, multiple: false, options: OVERFIT_OPTIONS, correct: ['overfit'],
        mistakes: [
          { id: 'underfit', chosen: ['underfit'], message: 'An underfitting model is bad on the training data too; this one reaches 96 % training accuracy.' },
          { id: 'val-flat', chosen: ['val-flat'], message: 'Validation accuracy can stay flat while the model overfits: look at the gap to training accuracy and at the validation loss, which rises from epoch 4.' },
          { id: 'diverge', chosen: ['diverge'], message: 'A diverging optimiser would raise the training loss too; here the training loss falls steadily.' },
        ],
      },
      {
        kind: 'number', key: 'q2.2.overfit.best_epoch', marks: 0.5, answer: best, tol: EXACT,
        mistakes: distinct([
          { id: 'last', value: OVERFIT_CURVES.length, message: 'The last epoch has the lowest training loss but the highest validation loss; early stopping watches the validation loss.' },
          { id: 'best-acc', value: bestAcc.epoch, message: `Epoch ${bestAcc.epoch} has the best validation accuracy (${bestAcc.valAccuracy}), but early stopping usually watches the validation loss, which is lowest earlier.` },
        ], best),
      },
      { kind: 'text', key: 'q2.2.overfit.why', marks: 1 },
    ] satisfies PartSpec[];
  },
  hints: [
    'Compare the two loss curves: where do they start to move apart?',
    'Early stopping keeps the weights of the epoch with the lowest validation loss.',
  ],
};

/** Tolerance of the metrics read off a run (as the grader's run check: ±0.005). */
export const METRIC_TOL = { abs: 0.005, rel: 0 };

const q22metrics: ExerciseDef = {
  id: 'q2.2.metrics',
  usesRuns: true,
  marks: 2,
  title: 'Test accuracy and F1 of your run',
  inputs: [
    { key: 'q2.2.metrics.accuracy', kind: 'number', label: 'Test accuracy of your handed-in run', placeholder: 'e.g. 0.4417' },
    { key: 'q2.2.metrics.f1', kind: 'number', label: 'Macro F1 of your handed-in run', placeholder: 'e.g. 0.4380' },
  ],
  params: () => ({}),
  parts: async (_variant, context) => {
    const run = latestRun('q2.2', context?.runs ?? []);
    if (!run?.test) return [{ kind: 'text', key: 'q2.2.metrics.accuracy', marks: 1 }, { kind: 'text', key: 'q2.2.metrics.f1', marks: 1 }];
    const m = metricsFromConfusion(run.test.confusion);
    const pct = (x: number, id: string): NumberMistake => ({ id, value: 100 * x, message: `Write it as a fraction (${x.toFixed(4)}) or with a % sign (${(100 * x).toFixed(2)} %).` });
    return [
      {
        kind: 'number', key: 'q2.2.metrics.accuracy', marks: 1, answer: m.accuracy, tol: METRIC_TOL,
        mistakes: distinct([
          pct(m.accuracy, 'percent'),
          { id: 'train-acc', value: run.epochs.at(-1)?.trainAccuracy ?? NaN, message: 'That is the training accuracy of the last epoch; the question asks for the test split.' },
          { id: 'val-acc', value: run.epochs.at(-1)?.valAccuracy ?? NaN, message: 'That is the validation accuracy of the last epoch; the question asks for the test split.' },
        ].filter((x) => Math.abs(x.value - m.accuracy) > METRIC_TOL.abs), m.accuracy),
      },
      {
        kind: 'number', key: 'q2.2.metrics.f1', marks: 1, answer: m.macroF1, tol: METRIC_TOL,
        mistakes: distinct([
          pct(m.macroF1, 'percent'),
          { id: 'weighted', value: m.weightedF1, message: 'That is the support-weighted F1; give the macro F1, the plain mean of the ten per-class F1 scores.' },
          { id: 'accuracy', value: m.accuracy, message: 'That is the accuracy; F1 is the harmonic mean of precision and recall, per class, then averaged.' },
        ].filter((x) => Math.abs(x.value - m.macroF1) > METRIC_TOL.abs), m.macroF1),
      },
    ];
  },
  hints: [
    'Hand in a run first (the runs list below the training widget); the answer is checked against the latest q2.2 run you handed in.',
    'Accuracy is the diagonal of the confusion matrix over its total; macro F1 is the mean of the per-class F1 scores.',
  ],
};

const q22errors: ExerciseDef = {
  id: 'q2.2.errors',
  marks: 2,
  title: 'What the network gets wrong',
  inputs: [{ key: 'q2.2.errors', kind: 'text', label: 'Which classes are confused with which, and why, judging from the misclassified images' }],
  params: () => ({}),
  parts: async () => [{ kind: 'text', key: 'q2.2.errors', marks: 2 }],
};

/** Exercises of chapter 2.2 (5 of q2.2's 10 marks are auto-graded; the free text and the training itself are marked by the instructor). */
export const Q2_2: ExerciseDef[] = [q22flatten, q22view, q22overfit, q22metrics, q22errors];
