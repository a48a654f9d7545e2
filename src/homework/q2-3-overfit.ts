/** q2.3b: is the student's fine-tuned ResNet-18 overfitting, read off the curves of the handed-in q2.3 run. */
import type { ExerciseDef } from '../exercises/exercise';
import type { ChoiceMistake, PartSpec } from '../exercises/types';
import { recomputedTestMetrics } from '../comparison/test-metrics';
import type { RunRecord } from '../record/run-record';
import { type CurveFacts, VAL_RISE, curveFacts } from './q2-3-curves';
import { HOMEWORK_RESNET, POINT_UNITS, q23Run } from './q2-3-run';
import { EXACT, METRIC_TOL, distinctMistakes } from './answer-tolerance';

/** The verdicts offered for q2.3b: the right one follows from the run's curves (curveFacts). */
export const VERDICT_OPTIONS = [
  {
    id: 'overfit',
    label:
      'Yes: training accuracy ends well above validation accuracy, and/or the validation loss ends well above its lowest value while the training loss keeps falling.',
  },
  { id: 'val-high', label: 'No: the validation accuracy is high and does not drop, so the model is not overfitting.' },
  { id: 'fits', label: 'No: training and validation accuracy end close together and the validation loss is still at its lowest.' },
  { id: 'underfit', label: 'No, it underfits: the training accuracy itself stays low.' },
];

const rise = `${Math.round(100 * VAL_RISE)} %`;

/** What the validation loss did, as curveFacts' valLoss names it. */
export const VAL_LOSS_OPTIONS = [
  { id: 'falling', label: 'It was still falling: its lowest value is at the last epoch.' },
  { id: 'flat', label: `It stopped improving: its lowest value is at an earlier epoch, and the last value is less than ${rise} above it.` },
  { id: 'rising', label: `It rose again: the last value is more than ${rise} above its lowest.` },
];

const hwGap = HOMEWORK_RESNET.trainAccuracy! - HOMEWORK_RESNET.valAccuracy!;

function verdictMistakes(f: CurveFacts): ChoiceMistake[] {
  if (f.verdict === 'overfit') {
    return [
      {
        id: 'homework-reading',
        chosen: ['val-high'],
        message: `That is how the homework read its ResNet-18 curves: "not overfitting", with training accuracy ${(100 * hwGap).toFixed(1)} points above validation. A validation accuracy that does not drop does not rule out overfitting: compare it with the training accuracy at the last epoch.`,
      },
      {
        id: 'fits',
        chosen: ['fits'],
        message:
          'Look again at the last epoch: how far apart are training and validation accuracy, and is the validation loss still at its lowest?',
      },
      {
        id: 'underfit',
        chosen: ['underfit'],
        message: "An underfitting model is poor on its training data too; look at your run's training accuracy at the last epoch.",
      },
    ];
  }
  return [
    {
      id: 'overfit-claim',
      chosen: ['overfit'],
      message:
        'Not in this run: its training and validation accuracy end close together and its validation loss has not risen. Overfitting shows as a large gap or a validation loss that rises while the training loss falls.',
    },
    {
      id: 'homework-reading',
      chosen: ['val-high'],
      message:
        "The verdict is right but the reason is the homework's misreading: a steady validation accuracy alone does not show that a model does not overfit; compare it with the training accuracy and look at the validation loss.",
    },
    { id: 'underfit', chosen: ['underfit'], message: "Look at your run's training accuracy at the last epoch: is it low?" },
  ];
}

const VAL_LOSS_MISTAKES: Record<'falling' | 'flat' | 'rising', string> = {
  falling:
    'Find the epoch with the lowest validation loss: it is not the last one. A training loss that keeps falling says nothing about the validation loss (the homework\'s "both the training and validation losses are decreasing").',
  flat: 'Compare the last validation loss with its lowest value: how far above it does it end?',
  rising: 'Compare the last validation loss with its lowest value: how far above it does it end?',
};

function valLossMistakes(answer: 'falling' | 'flat' | 'rising'): ChoiceMistake[] {
  return (['falling', 'flat', 'rising'] as const)
    .filter((o) => o !== answer)
    .map((o) => ({
      id: `said-${o}`,
      chosen: [o],
      message:
        o === 'falling'
          ? VAL_LOSS_MISTAKES.falling
          : answer === 'falling'
            ? "Your run's validation loss is lowest at its last epoch: it was still falling."
            : VAL_LOSS_MISTAKES[o],
    }));
}

function gapPart(run: RunRecord, f: CurveFacts): PartSpec {
  const last = run.epochs.at(-1)!;
  const test = recomputedTestMetrics(run)?.accuracy ?? NaN;
  return {
    kind: 'number',
    key: 'q2.3.overfit.gap',
    marks: 0.5,
    answer: f.gap,
    tol: METRIC_TOL,
    percent: true,
    units: POINT_UNITS,
    mistakes: distinctMistakes(
      [
        { id: 'sign', value: -f.gap, message: 'The sign is the wrong way round: training accuracy minus validation accuracy.' },
        { id: 'homework', value: hwGap, message: "That is the gap of the homework's run; give your own run's." },
        {
          id: 'test',
          value: last.trainAccuracy - test,
          message: 'That uses the test accuracy; the curves compare training with validation accuracy.',
        },
      ],
      f.gap,
      METRIC_TOL.abs!,
    ),
  };
}

/** q2.3.overfit: the verdict, the gap, the epoch of the lowest validation loss and what that loss did, from the run; the reading by hand. */
export const q23overfit: ExerciseDef = {
  id: 'q2.3.overfit',
  usesRuns: true,
  marks: 2.75,
  title: 'Is your fine-tuned ResNet-18 overfitting?',
  inputs: [
    {
      key: 'q2.3.overfit.verdict',
      kind: 'choice',
      label: 'Is your handed-in q2.3 run overfitting?',
      multiple: false,
      options: VERDICT_OPTIONS,
    },
    { key: 'q2.3.overfit.gap', kind: 'number', label: 'Training minus validation accuracy at the last epoch', example: '−3.5 % or −0.035' },
    {
      key: 'q2.3.overfit.best_epoch',
      kind: 'number',
      label: 'The epoch with the lowest validation loss (where early stopping would keep the weights)',
      example: '25',
    },
    {
      key: 'q2.3.overfit.val_loss',
      kind: 'choice',
      label: 'What did the validation loss of your run do?',
      multiple: false,
      options: VAL_LOSS_OPTIONS,
    },
    {
      key: 'q2.3.overfit.why',
      kind: 'text',
      label: 'Your reading of your curves: from which epoch, what the two losses do, and what you would change',
    },
  ],
  params: () => ({}),
  parts: async (_v, context) => {
    const run = q23Run(context?.runs);
    const f = run ? curveFacts(run.epochs) : null;
    const why: PartSpec = {
      kind: 'text',
      key: 'q2.3.overfit.why',
      marks: 0.25,
      rubric: [
        {
          id: 'reading',
          label:
            'Says from which epoch the curves part, what each loss does after it, and one change that would help (stopping at the lowest validation loss, augmentation, a smaller learning rate)',
          marks: 0.25,
        },
      ],
    };
    if (!run || !f) {
      return [
        { kind: 'text', key: 'q2.3.overfit.verdict', marks: 1 },
        { kind: 'text', key: 'q2.3.overfit.gap', marks: 0.5 },
        { kind: 'text', key: 'q2.3.overfit.best_epoch', marks: 0.5 },
        { kind: 'text', key: 'q2.3.overfit.val_loss', marks: 0.5 },
        why,
      ];
    }
    const bestAcc = run.epochs.reduce((b, e) => (e.valAccuracy > b.valAccuracy ? e : b));
    return [
      f.verdict === 'unclear'
        ? { kind: 'text', key: 'q2.3.overfit.verdict', marks: 1 }
        : {
            kind: 'choice',
            key: 'q2.3.overfit.verdict',
            marks: 1,
            multiple: false,
            options: VERDICT_OPTIONS,
            correct: [f.verdict],
            mistakes: verdictMistakes(f),
          },
      gapPart(run, f),
      {
        kind: 'number',
        key: 'q2.3.overfit.best_epoch',
        marks: 0.5,
        answer: f.bestEpoch,
        tol: EXACT,
        mistakes: distinctMistakes(
          [
            {
              id: 'last',
              value: run.epochs.length,
              message:
                'The last epoch has the lowest training loss, not necessarily the lowest validation loss; early stopping watches the validation loss.',
            },
            {
              id: 'best-acc',
              value: bestAcc.epoch,
              message: 'That epoch has the best validation accuracy; the question asks for the lowest validation loss.',
            },
          ],
          f.bestEpoch,
          EXACT.abs!,
        ),
      },
      f.valLoss === 'unclear'
        ? { kind: 'text', key: 'q2.3.overfit.val_loss', marks: 0.5 }
        : {
            kind: 'choice',
            key: 'q2.3.overfit.val_loss',
            marks: 0.5,
            multiple: false,
            options: VAL_LOSS_OPTIONS,
            correct: [f.valLoss],
            mistakes: valLossMistakes(f.valLoss),
          },
      why,
    ];
  },
  hints: [
    'Hand in your q2.3 run first (the runs list below the fine-tuning widget); the answers are checked against the latest q2.3 run you hand in.',
    'Compare training and validation accuracy at the last epoch, and find where the validation loss is lowest; a validation accuracy that stays flat does not mean the model does not overfit.',
  ],
};
