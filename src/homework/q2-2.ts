/** Chapter 2.2's exercises (q2.2): the CNN's shapes, the overfitting diagnosis, and the test results of the student's handed-in run. */
import type { ExerciseDef } from '../exercises/exercise';
import type { RubricCriterion } from '../exercises/kinds/text';
import type { PartSpec, Variant } from '../exercises/types';
import { mulberry32, pickOne } from '../exercises/variant';
import { metricsFromConfusion } from '../train/metrics';
import { shapeTable } from '../train/shape-table';
import { bestEpoch, OVERFIT_CURVES } from './q2-2-curves';
import { q22confusion } from './q2-2-confusion';
import { q22curves } from './q2-2-own-run';
import { latestRun } from './run-context';
import { distinctMistakes, METRIC_TOL, WHOLE } from './answer-tolerance';

export { METRIC_TOL } from './answer-tolerance';

/**
 * Input sizes of the flatten exercise for student variants: multiples of 16 (the pools 4·2·2 need them), none of the
 * sizes the training widget trains at and shows the layer shapes of (IMAGE_SIZES), and not 256, the size of q2.2.view_bug.
 */
export const FLATTEN_SIZES = [48, 80, 112, 144, 160, 176, 192, 208, 224, 240] as const;

/** Side length of the input in q2.2.flatten: 96 in the homework variant (no widget shows its shapes). */
export function flattenSize(v: Variant): number {
  if (v.kind === 'homework') return 96;
  return pickOne(mulberry32(v.seed ^ 0x22f), FLATTEN_SIZES);
}

/** Features reaching the linear layer for an S×S input, from the model's shape table: 128·(S/16)². */
export function flattenFeatures(size: number): number {
  return shapeTable(size).find((r) => r.layer === 'flatten')!.output[0];
}

const q22flatten: ExerciseDef = {
  id: 'q2.2.flatten',
  marks: 1,
  title: 'Features after flattening',
  inputs: [{ key: 'q2.2.flatten', kind: 'number', label: 'Features per image after flatten', example: '64·3·3' }],
  params: (v) => ({ size: flattenSize(v) }),
  parts: async (v) => {
    const s = flattenSize(v);
    const answer = flattenFeatures(s);
    return [
      {
        kind: 'number',
        key: 'q2.2.flatten',
        marks: 1,
        answer,
        tol: WHOLE,
        mistakes: distinctMistakes(
          [
            {
              id: 'no-channels',
              value: (s / 16) ** 2,
              message: 'That counts the positions of the last feature map only; every position holds one value per channel.',
            },
            {
              id: 'pools-of-2',
              value: 128 * (s / 8) ** 2,
              message: 'That treats all three pools as 2×2; the first pool is 4×4 with stride 4.',
            },
            {
              id: 'hard-coded',
              value: 128 * 16 * 16,
              message: `128·16·16 is the homework's hard-coded view; it fits one input size only, and not ${s}×${s}.`,
            },
            {
              id: 'pool-4-only',
              value: 128 * (s / 4) ** 2,
              message: 'Only the first pool was applied; the second and third pools halve the side again.',
            },
          ],
          answer,
          WHOLE.abs,
        ),
      },
    ];
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
    { key: 'q2.2.view_bug.features32', kind: 'number', label: 'Features per 32×32 image after the last pool', example: '64·3·3' },
    { key: 'q2.2.view_bug.size', kind: 'number', label: 'Input side length that x.view(-1, 128*16*16) fits', example: '3·100' },
  ],
  params: () => ({}),
  parts: async () => {
    const features32 = flattenFeatures(32);
    const assumed = 128 * 16 * 16;
    const size = 16 * Math.sqrt(assumed / 128);
    return [
      {
        kind: 'number',
        key: 'q2.2.view_bug.features32',
        marks: 0.5,
        answer: features32,
        tol: WHOLE,
        mistakes: distinctMistakes(
          [
            {
              id: 'comment',
              value: assumed,
              message:
                'That is 128·16·16, the number the code assumes; work out the side of the feature maps after the three pools of a 32×32 input.',
            },
            { id: 'pools-of-2', value: 128 * (32 / 8) ** 2, message: 'That treats all pools as 2×2; the first one is 4×4 with stride 4.' },
            {
              id: 'no-channels',
              value: (32 / 16) ** 2,
              message: 'That counts the positions of the last feature map only; every position holds one value per channel.',
            },
          ],
          features32,
          WHOLE.abs,
        ),
      },
      {
        kind: 'number',
        key: 'q2.2.view_bug.size',
        marks: 0.5,
        answer: size,
        tol: WHOLE,
        mistakes: distinctMistakes(
          [
            {
              id: 'comment',
              value: 32,
              message: 'That is what the comment claims, and it is the bug: a 32×32 input does not end with 16×16 maps after the pools.',
            },
            { id: 'pools-of-2', value: 16 * 8, message: 'That divides the side by 2·2·2; the first pool is 4×4 with stride 4.' },
            {
              id: 'side-16',
              value: 16,
              message: '16 is the side of the maps after the pools; the question asks for the side of the input image.',
            },
          ],
          size,
          WHOLE.abs,
        ),
      },
    ];
  },
  hints: ['Padding 1 keeps the side through every convolution; only the pools shrink it, by 4, 2 and 2.'],
};

const LAST = OVERFIT_CURVES.at(-1)!;
const pct0 = (x: number) => `${Math.round(100 * x)} %`;

const OVERFIT_OPTIONS = [
  {
    id: 'overfit',
    label:
      'Yes: training loss keeps falling while validation loss rises after a few epochs, and training accuracy ends far above validation accuracy.',
  },
  {
    id: 'underfit',
    label: `No, it underfits: a validation accuracy near ${pct0(LAST.valAccuracy)} shows the network is too small to learn the data.`,
  },
  { id: 'val-flat', label: 'No: validation accuracy does not drop, so the model is not overfitting.' },
  { id: 'diverge', label: 'No: the learning rate is too high, so Adam diverges and the validation loss grows.' },
];

/** How the instructor marks the free answer of q2.2.overfit about the student's own run. */
export const OVERFIT_WHY_RUBRIC: RubricCriterion[] = [
  {
    id: 'verdict',
    label:
      'Says whether their own run overfits and from which epoch, with evidence from its curves (the validation loss turning up, the train–validation gap)',
    marks: 0.25,
  },
  {
    id: 'remedy',
    label:
      'Names a remedy that fits (early stopping at the lowest validation loss, augmentation, weight decay, dropout) and says why it helps',
    marks: 0.25,
  },
];

const q22overfit: ExerciseDef = {
  id: 'q2.2.overfit',
  marks: 1.5,
  title: 'Is it overfitting?',
  inputs: [
    { key: 'q2.2.overfit.verdict', kind: 'choice', label: 'Is this run overfitting?', multiple: false, options: OVERFIT_OPTIONS },
    { key: 'q2.2.overfit.best_epoch', kind: 'number', label: 'After which epoch would early stopping keep the weights?', example: '12' },
    { key: 'q2.2.overfit.why', kind: 'text', label: 'Your own run: is it overfitting, from which epoch, and what would you change?' },
  ],
  params: () => ({ best: bestEpoch(OVERFIT_CURVES) }),
  parts: async () => {
    const best = bestEpoch(OVERFIT_CURVES);
    const bestAcc = OVERFIT_CURVES.reduce((a, e) => (e.valAccuracy > a.valAccuracy ? e : a));
    return [
      {
        kind: 'choice',
        key: 'q2.2.overfit.verdict',
        marks: 0.5,
        multiple: false,
        options: OVERFIT_OPTIONS,
        correct: ['overfit'],
        mistakes: [
          {
            id: 'underfit',
            chosen: ['underfit'],
            message: `An underfitting model is poor on the training data too; this one ends at ${pct0(LAST.trainAccuracy)} training accuracy.`,
          },
          {
            id: 'val-flat',
            chosen: ['val-flat'],
            message:
              'Validation accuracy can stay flat while the model overfits: look at the gap to training accuracy and at what the validation loss does while the training loss falls.',
          },
          {
            id: 'diverge',
            chosen: ['diverge'],
            message: 'A diverging optimiser would raise the training loss too; here the training loss falls steadily.',
          },
        ],
      },
      {
        kind: 'number',
        key: 'q2.2.overfit.best_epoch',
        marks: 0.5,
        answer: best,
        tol: WHOLE,
        mistakes: distinctMistakes(
          [
            {
              id: 'last',
              value: OVERFIT_CURVES.length,
              message:
                'The last epoch has the lowest training loss but not the lowest validation loss; early stopping watches the validation loss.',
            },
            {
              id: 'best-acc',
              value: bestAcc.epoch,
              message: `Epoch ${bestAcc.epoch} has the best validation accuracy, but early stopping usually watches the validation loss.`,
            },
          ],
          best,
          WHOLE.abs,
        ),
      },
      { kind: 'text', key: 'q2.2.overfit.why', marks: 0.5, rubric: OVERFIT_WHY_RUBRIC },
    ] satisfies PartSpec[];
  },
  hints: [
    'Compare the two loss curves: where do they start to move apart?',
    'Early stopping keeps the weights of the epoch with the lowest validation loss.',
  ],
};

const q22metrics: ExerciseDef = {
  id: 'q2.2.metrics',
  usesRuns: true,
  marks: 2,
  title: 'Test accuracy and F1 of your run',
  inputs: [
    { key: 'q2.2.metrics.accuracy', kind: 'number', label: 'Test accuracy of your handed-in run', example: '0.999 or 99.9 %' },
    { key: 'q2.2.metrics.f1', kind: 'number', label: 'Macro F1 of your handed-in run', example: '0.999 or 99.9 %' },
  ],
  params: () => ({}),
  parts: async (_variant, context) => {
    const run = latestRun('q2.2', context?.runs ?? []);
    if (!run?.test)
      return [
        { kind: 'text', key: 'q2.2.metrics.accuracy', marks: 1 },
        { kind: 'text', key: 'q2.2.metrics.f1', marks: 1 },
      ];
    const m = metricsFromConfusion(run.test.confusion);
    return [
      {
        kind: 'number',
        key: 'q2.2.metrics.accuracy',
        marks: 1,
        answer: m.accuracy,
        tol: METRIC_TOL,
        percent: true,
        mistakes: distinctMistakes(
          [
            {
              id: 'train-acc',
              value: run.epochs.at(-1)?.trainAccuracy ?? NaN,
              message: 'That is the training accuracy of the last epoch; the question asks for the test split.',
            },
            {
              id: 'val-acc',
              value: run.epochs.at(-1)?.valAccuracy ?? NaN,
              message: 'That is the validation accuracy of the last epoch; the question asks for the test split.',
            },
          ],
          m.accuracy,
          METRIC_TOL.abs,
        ),
      },
      {
        kind: 'number',
        key: 'q2.2.metrics.f1',
        marks: 1,
        answer: m.macroF1,
        tol: METRIC_TOL,
        percent: true,
        mistakes: distinctMistakes(
          [
            {
              id: 'weighted',
              value: m.weightedF1,
              message: 'That is the support-weighted F1; give the macro F1, the plain mean of the per-class F1 scores.',
            },
            {
              id: 'accuracy',
              value: m.accuracy,
              message: 'That is the accuracy; F1 is the harmonic mean of precision and recall, per class, then averaged.',
            },
          ],
          m.macroF1,
          METRIC_TOL.abs,
        ),
      },
    ];
  },
  hints: [
    'Hand in a run first (the runs list below the training widget); the answer is checked against the latest q2.2 run you handed in.',
    'Accuracy is the diagonal of the confusion matrix over its total; macro F1 is the mean of the per-class F1 scores.',
  ],
};

/** How the instructor marks the free answer of q2.2.errors. */
export const ERRORS_RUBRIC: RubricCriterion[] = [
  { id: 'pairs', label: 'Names the most confused pairs, consistent with the confusion matrix of the run', marks: 0.25 },
  {
    id: 'why',
    label: 'Explains the errors from what the misclassified images show (similar species, pose, background, lighting, size of the animal)',
    marks: 0.25,
  },
];

const q22errors: ExerciseDef = {
  id: 'q2.2.errors',
  marks: 0.5,
  title: 'What the network gets wrong',
  inputs: [
    { key: 'q2.2.errors', kind: 'text', label: 'Which classes are confused with which, and why, judging from the misclassified images' },
  ],
  params: () => ({}),
  parts: async () => [{ kind: 'text', key: 'q2.2.errors', marks: 0.5, rubric: ERRORS_RUBRIC }],
};

/** Exercises of chapter 2.2 (8 of q2.2's 10 marks are auto-graded with a handed-in CNN run, 3 without one; the free text, the training and the gallery are marked by hand). */
export const Q2_2: ExerciseDef[] = [q22flatten, q22view, q22overfit, q22curves, q22metrics, q22confusion, q22errors];

/** What the instructor marks in q2.2 beyond its exercises (src/homework/hand-marked.ts). */
export const HAND_MARKED_Q2_2: RubricCriterion[] = [
  {
    id: 'train',
    label:
      'The CNN as specified, trained 10 epochs with cross-entropy and Adam; training and validation loss and accuracy logged and plotted per epoch',
    marks: 0.5,
  },
  { id: 'gallery', label: 'For every class with errors, three misclassified test images shown with their predicted labels', marks: 0.5 },
];
