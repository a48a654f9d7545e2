/** q2.3c: test accuracy, macro F1 and what the confusion matrix of the handed-in q2.3 run shows. */
import type { ExerciseDef } from '../exercises/exercise';
import type { NumberMistake } from '../exercises/types';
import { type Metrics, metricsFromConfusion } from '../train/metrics';
import { correctCount, lowestRecall, misclassifiedCount, mostConfused } from './q2-3-confusion';
import { HOMEWORK_RESNET, q23Run } from './q2-3-run';
import { EXACT, METRIC_TOL, distinctMistakes } from './answer-tolerance';

const homework = (x: number): NumberMistake => ({
  id: 'homework',
  value: x,
  message: "That is the number the homework reported for its run; give your own run's, from its test results.",
});

const argmin = (xs: readonly number[]) => xs.indexOf(Math.min(...xs));

function weakestMistakes(confusion: number[][], m: Metrics, answer: number): NumberMistake[] {
  const support = confusion.map((row) => row.reduce((a, b) => a + b, 0));
  return distinctMistakes(
    [
      {
        id: 'precision',
        value: argmin(m.perClass.map((c) => c.precision)),
        message:
          'That class has the lowest precision (its column: how many images predicted as it are right); recall reads its row: how many of its images are found.',
      },
      {
        id: 'f1',
        value: argmin(m.perClass.map((c) => c.f1)),
        message: 'That class has the lowest F1, which mixes precision and recall; the question asks for recall alone.',
      },
      {
        id: 'support',
        value: argmin(support),
        message: "That class has the fewest test images; recall is a share of a class's images, not a count.",
      },
    ],
    answer,
    EXACT.abs!,
  );
}

/** q2.3.metrics: accuracy, macro F1, the class with the lowest recall and the number of errors, all recomputed from the run's confusion matrix. */
export const q23metrics: ExerciseDef = {
  id: 'q2.3.metrics',
  usesRuns: true,
  marks: 2,
  title: 'Test accuracy, F1 and the confusion matrix of your fine-tuned run',
  inputs: [
    { key: 'q2.3.metrics.accuracy', kind: 'number', label: 'Test accuracy of your handed-in q2.3 run', example: '12.5 % or 0.125' },
    { key: 'q2.3.metrics.f1', kind: 'number', label: 'Macro F1 of your handed-in q2.3 run', example: '0.125 or 12.5 %' },
    {
      key: 'q2.3.metrics.weakest',
      kind: 'number',
      label: 'The class your run recognises worst: the lowest recall on the test split (its class number)',
      example: '4',
    },
    { key: 'q2.3.metrics.missed', kind: 'number', label: 'How many test images did your run classify wrongly, in all?', example: '1234' },
  ],
  params: () => ({}),
  parts: async (_v, context) => {
    const run = q23Run(context?.runs);
    if (!run?.test) {
      return [
        { kind: 'text', key: 'q2.3.metrics.accuracy', marks: 0.5 },
        { kind: 'text', key: 'q2.3.metrics.f1', marks: 0.5 },
        { kind: 'text', key: 'q2.3.metrics.weakest', marks: 0.5 },
        { kind: 'text', key: 'q2.3.metrics.missed', marks: 0.5 },
      ];
    }
    const confusion = run.test.confusion;
    const m = metricsFromConfusion(confusion);
    const last = run.epochs.at(-1);
    const top = mostConfused(confusion);
    const missed = misclassifiedCount(confusion);
    const weakest = lowestRecall(confusion);
    const total = confusion.flat().reduce((a, b) => a + b, 0);
    return [
      {
        kind: 'number',
        key: 'q2.3.metrics.accuracy',
        marks: 0.5,
        answer: m.accuracy,
        tol: METRIC_TOL,
        percent: true,
        mistakes: distinctMistakes(
          [
            homework(HOMEWORK_RESNET.testAccuracy),
            {
              id: 'train-acc',
              value: last?.trainAccuracy ?? NaN,
              message: 'That is the training accuracy of the last epoch; the question asks for the test split.',
            },
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
        key: 'q2.3.metrics.f1',
        marks: 0.5,
        answer: m.macroF1,
        tol: METRIC_TOL,
        percent: true,
        mistakes: distinctMistakes(
          [
            homework(HOMEWORK_RESNET.macroF1),
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
      weakest?.clear
        ? {
            kind: 'number',
            key: 'q2.3.metrics.weakest',
            marks: 0.5,
            answer: weakest.cls,
            tol: EXACT,
            mistakes: weakestMistakes(confusion, m, weakest.cls),
          }
        : { kind: 'text', key: 'q2.3.metrics.weakest', marks: 0.5 },
      {
        kind: 'number',
        key: 'q2.3.metrics.missed',
        marks: 0.5,
        answer: missed,
        tol: EXACT,
        mistakes: distinctMistakes(
          [
            {
              id: 'correct',
              value: correctCount(confusion),
              message: 'That is the number classified correctly, the diagonal; the errors are everything off it.',
            },
            {
              id: 'top-cell',
              value: top?.count ?? NaN,
              message: 'That is only the most frequent mistake; add up every cell off the diagonal.',
            },
            { id: 'total', value: total, message: 'That is every test image; count only those off the diagonal.' },
          ],
          missed,
          EXACT.abs!,
        ),
      },
    ];
  },
  hints: [
    'The results under the fine-tuning widget show the accuracy, the macro F1 and the confusion matrix; they are recomputed here from the confusion matrix of your handed-in run.',
    "In the confusion matrix, row i holds the test images of class i and column j the images predicted as class j: the diagonal is right, everything else is a mistake. A class's recall is its diagonal cell over its row.",
  ],
};
