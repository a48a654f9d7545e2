/**
 * Chapter 2.4's exercises (q2.4), checked against the student's handed-in runs (q2-4-runs.ts): the
 * augmented run and the newest run of the same model without augmentation. The bugs of the homework's
 * pipeline, what the run's pipeline does, (c) did overfitting go down (the train–validation gaps at the last
 * epoch), (d) the augmented run's test accuracy, F1 and confusion matrix; the discussion is marked by hand.
 */
import type { ExerciseDef } from '../exercises/exercise';
import type { RubricCriterion } from '../exercises/kinds/text';
import type { ChoiceMistake, NumberMistake, PartSpec } from '../exercises/types';
import { REPORTED_MODELS } from '../comparison/reported-numbers';
import { recomputedTestMetrics } from '../comparison/test-metrics';
import { metricsFromConfusion } from '../train/metrics';
import type { RunRecord } from '../record/run-record';
import { largestRecallRise, recalls } from './q2-3-confusion';
import { POINT_UNITS } from './q2-3-run';
import { EXACT, METRIC_TOL, distinctMistakes } from './answer-tolerance';
import { q24bugs } from './q2-4-bugs';
import { q24pipeline } from './q2-4-pipeline';
import { GAP_CHANGE, augmentationPair, finalGap, gapVerdict } from './q2-4-runs';

const reported = REPORTED_MODELS.find((m) => m.question === 'q2.4' && m.augmented);
const reportedResnet = REPORTED_MODELS.find((m) => m.question === 'q2.3');

/** Did overfitting go down: the verdicts of gapVerdict, and the homework's "validation went up" reading. */
export const CHANGE_OPTIONS = [
  {
    id: 'down',
    label: `Yes: the gap between training and validation accuracy at the last epoch shrank by more than ${100 * GAP_CHANGE} points.`,
  },
  { id: 'same', label: `Not clearly: the two gaps are within ${100 * GAP_CHANGE} points of each other.` },
  { id: 'up', label: `No: the gap grew by more than ${100 * GAP_CHANGE} points.` },
  { id: 'val-up', label: 'Yes, because the validation accuracy went up (whatever the training accuracy did).' },
];

function changeMistakes(verdict: 'down' | 'same' | 'up'): ChoiceMistake[] {
  const others = (['down', 'same', 'up'] as const).filter((v) => v !== verdict);
  return [
    ...others.map((id) => ({
      id: `said-${id}`,
      chosen: [id],
      message:
        'Compare the two gaps you read off your runs: subtract one from the other and compare the difference with the two points the options name.',
    })),
    {
      id: 'val-only',
      chosen: ['val-up'],
      message:
        'A higher validation accuracy alone does not say that overfitting went down; overfitting is the gap between training and validation accuracy, so compare the two gaps.',
    },
  ];
}

const testAccuracy = (r: RunRecord) => recomputedTestMetrics(r)?.accuracy ?? NaN;

function gapPart(key: string, answer: number, other: number, run: RunRecord, homework: typeof reported, what: string): PartSpec {
  const last = run.epochs.at(-1)!;
  return {
    kind: 'number',
    key,
    marks: 0.75,
    answer,
    tol: METRIC_TOL,
    percent: true,
    units: POINT_UNITS,
    mistakes: distinctMistakes(
      [
        { id: 'sign', value: -answer, message: 'The sign is the wrong way round: training accuracy minus validation accuracy.' },
        { id: 'other-run', value: other, message: 'That is the gap of the other run.' },
        {
          id: 'test',
          value: last.trainAccuracy - testAccuracy(run),
          message: 'That uses the test accuracy; the curves compare training with validation accuracy.',
        },
        ...(homework?.trainAccuracy != null && homework.valAccuracy != null
          ? [
              {
                id: 'homework',
                value: homework.trainAccuracy - homework.valAccuracy,
                message: `That is the gap of the homework's ${what} run; give your own run's.`,
              },
            ]
          : []),
      ],
      answer,
      METRIC_TOL.abs!,
    ),
  };
}

const overfit: ExerciseDef = {
  id: 'q2.4.overfit',
  usesRuns: true,
  marks: 3.5,
  title: 'Did overfitting go down?',
  inputs: [
    {
      key: 'q2.4.overfit.gap_without',
      kind: 'number',
      label: 'Training minus validation accuracy at the last epoch of your run without augmentation',
      example: '−3.5 % or −0.035',
    },
    { key: 'q2.4.overfit.gap_with', kind: 'number', label: 'The same gap for your augmented run', example: '−3.5 pp or −0.035' },
    {
      key: 'q2.4.overfit.verdict',
      kind: 'choice',
      label: 'Did overfitting go down with augmentation?',
      multiple: false,
      options: CHANGE_OPTIONS,
    },
    {
      key: 'q2.4.overfit.why',
      kind: 'text',
      label: 'What you read in the two sets of curves (losses too), and why the augmentations did or did not help',
    },
  ],
  params: () => ({}),
  parts: async (_v, context) => {
    const { augmented, baseline } = augmentationPair(context?.runs);
    const why: PartSpec = {
      kind: 'text',
      key: 'q2.4.overfit.why',
      marks: 0.5,
      rubric: [
        {
          id: 'curves',
          label: "Reads both runs' curves, losses included: where each validation loss is lowest and how the two gaps differ",
          marks: 0.25,
        },
        {
          id: 'why',
          label:
            'Explains why the augmentations did or did not help: harder training images, what in the photos they imitate, too strong or too weak',
          marks: 0.25,
        },
      ],
    };
    const gWith = augmented ? finalGap(augmented) : null;
    const gWithout = baseline ? finalGap(baseline) : null;
    if (!augmented || !baseline || gWith === null || gWithout === null) {
      return [
        { kind: 'text', key: 'q2.4.overfit.gap_without', marks: 0.75 },
        { kind: 'text', key: 'q2.4.overfit.gap_with', marks: 0.75 },
        { kind: 'text', key: 'q2.4.overfit.verdict', marks: 1.5 },
        why,
      ];
    }
    const verdict = gapVerdict(gWithout, gWith);
    return [
      gapPart('q2.4.overfit.gap_without', gWithout, gWith, baseline, reportedResnet, 'fine-tuned'),
      gapPart('q2.4.overfit.gap_with', gWith, gWithout, augmented, reported, 'augmented'),
      verdict === 'unclear'
        ? { kind: 'text', key: 'q2.4.overfit.verdict', marks: 1.5 }
        : {
            kind: 'choice',
            key: 'q2.4.overfit.verdict',
            marks: 1.5,
            multiple: false,
            options: CHANGE_OPTIONS,
            correct: [verdict],
            mistakes: changeMistakes(verdict),
          },
      why,
    ];
  },
  hints: [
    "Hand in both runs: the augmented one (trained in this chapter) and one of the same model without augmentation (chapter 2.3's, or this chapter's with every transform off). The newest of each is read.",
    "The gap is training accuracy minus validation accuracy at the last epoch; overfitting went down when the augmented run's gap is clearly smaller.",
  ],
};

function improvedMistakes(before: number[][], after: number[][], answer: number): NumberMistake[] {
  const rb = recalls(before);
  const ra = recalls(after);
  const argmax = (xs: number[]) => xs.indexOf(Math.max(...xs));
  const fb = metricsFromConfusion(before).perClass.map((c) => c.f1);
  const fa = metricsFromConfusion(after).perClass.map((c) => c.f1);
  return distinctMistakes(
    [
      {
        id: 'highest',
        value: argmax(ra),
        message: 'That class has the highest recall in the augmented run; the question asks whose recall rose most.',
      },
      {
        id: 'fell',
        value: argmax(ra.map((r, i) => rb[i] - r)),
        message: "That class's recall fell the most; the question asks whose rose most.",
      },
      {
        id: 'f1',
        value: argmax(fa.map((f, i) => f - fb[i])),
        message:
          "That class's F1 rose most; recall is the share of a class's test images classified as that class (the diagonal over its row).",
      },
    ],
    answer,
    EXACT.abs!,
  );
}

const metrics: ExerciseDef = {
  id: 'q2.4.metrics',
  usesRuns: true,
  marks: 2.5,
  title: 'Test accuracy, F1 and confusion matrix of your augmented run',
  inputs: [
    { key: 'q2.4.metrics.accuracy', kind: 'number', label: 'Test accuracy of your handed-in augmented run', example: '12.5 % or 0.125' },
    { key: 'q2.4.metrics.f1', kind: 'number', label: 'Macro F1 of your handed-in augmented run', example: '0.125 or 12.5 %' },
    {
      key: 'q2.4.metrics.improved',
      kind: 'number',
      label: 'The class whose test recall rose most from your run without augmentation to your augmented run (its number)',
      example: '4',
    },
    { key: 'q2.4.metrics.confusion', kind: 'text', label: 'What the confusion matrix shows, compared with the run without augmentation' },
  ],
  params: () => ({}),
  parts: async (_v, context) => {
    const { augmented: run, baseline } = augmentationPair(context?.runs);
    const discussion: PartSpec = {
      kind: 'text',
      key: 'q2.4.metrics.confusion',
      marks: 0.5,
      rubric: [
        { id: 'classes', label: 'Names the classes the augmented run still confuses, with counts from its confusion matrix', marks: 0.25 },
        { id: 'compare', label: 'Compares with the run without augmentation: which confusions went away and which stayed', marks: 0.25 },
      ],
    };
    if (!run?.test)
      return [
        { kind: 'text', key: 'q2.4.metrics.accuracy', marks: 0.75 },
        { kind: 'text', key: 'q2.4.metrics.f1', marks: 0.75 },
        { kind: 'text', key: 'q2.4.metrics.improved', marks: 0.5 },
        discussion,
      ];
    const m = metricsFromConfusion(run.test.confusion);
    const b = baseline?.test ? metricsFromConfusion(baseline.test.confusion) : null;
    const last = run.epochs.at(-1);
    const homework = (x: number | undefined): NumberMistake[] =>
      x === undefined
        ? []
        : [{ id: 'homework', value: x, message: "That is the number the homework reported for its augmented run; give your own run's." }];
    const base = (x: number | undefined): NumberMistake[] =>
      x === undefined ? [] : [{ id: 'baseline', value: x, message: "That is the run without augmentation; give the augmented run's." }];
    const sameClasses = baseline?.test && baseline.dataset.classes.join('\n') === run.dataset.classes.join('\n');
    const rise = sameClasses ? largestRecallRise(baseline!.test!.confusion, run.test.confusion) : null;
    return [
      {
        kind: 'number',
        key: 'q2.4.metrics.accuracy',
        marks: 0.75,
        answer: m.accuracy,
        tol: METRIC_TOL,
        percent: true,
        mistakes: distinctMistakes(
          [
            ...homework(reported?.testAccuracy),
            ...base(b?.accuracy),
            {
              id: 'val-acc',
              value: last?.valAccuracy ?? NaN,
              message: 'That is the validation accuracy of the last epoch; the question asks for the test split.',
            },
          ],
          m.accuracy,
          METRIC_TOL.abs!,
        ),
      },
      {
        kind: 'number',
        key: 'q2.4.metrics.f1',
        marks: 0.75,
        answer: m.macroF1,
        tol: METRIC_TOL,
        percent: true,
        mistakes: distinctMistakes(
          [
            ...homework(reported?.macroF1),
            ...base(b?.macroF1),
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
          METRIC_TOL.abs!,
        ),
      },
      rise?.clear
        ? {
            kind: 'number',
            key: 'q2.4.metrics.improved',
            marks: 0.5,
            answer: rise.cls,
            tol: EXACT,
            mistakes: improvedMistakes(baseline!.test!.confusion, run.test.confusion, rise.cls),
          }
        : { kind: 'text', key: 'q2.4.metrics.improved', marks: 0.5 },
      discussion,
    ];
  },
  hints: [
    'The results under the training widget show accuracy, F1 and the confusion matrix; they are recomputed here from the confusion matrix of your handed-in augmented run.',
    'Recall of a class is the share of its test images classified as that class: its diagonal cell over its row. The comparison in chapter 2.6 shows each confusion matrix as shares of the true class, where the diagonal is the recall.',
  ],
};

const choice: ExerciseDef = {
  id: 'q2.4.choice',
  marks: 1,
  title: 'Your augmentations and why',
  inputs: [
    {
      key: 'q2.4.choice',
      kind: 'text',
      label: 'The three or more augmentations you chose, with their parameters, why each keeps the label, and what the samples show',
    },
  ],
  params: () => ({}),
  parts: async () => [
    {
      kind: 'text',
      key: 'q2.4.choice',
      marks: 1,
      rubric: [
        { id: 'named', label: 'Three or more augmentations, each with its parameters as torchvision takes them', marks: 0.5 },
        {
          id: 'label',
          label: 'For each, what in the photos it imitates and why it keeps the label, backed by the augmented samples',
          marks: 0.5,
        },
      ],
    },
  ],
  hints: [
    'Name each with its parameters as the run record does, for example ColorJitter(brightness=(0.7, 1.3)); say what in the photos it imitates.',
  ],
};

/** Exercises of chapter 2.4 (q2.4's 10 marks: 8 checked automatically with both runs handed in, 1.5 without; the rest by hand). */
export const Q2_4: ExerciseDef[] = [q24bugs, choice, q24pipeline, overfit, metrics];

/** What the instructor marks in q2.4 beyond its exercises (src/homework/hand-marked.ts): nothing, its exercises cover all its marks. */
export const HAND_MARKED_Q2_4: RubricCriterion[] = [];
