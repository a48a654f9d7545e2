/** Exercise q2.2.curves: the overfitting numbers of the student's own handed-in CNN run (where early stopping would stop, the final train–validation gap). */
import type { ExerciseDef } from '../exercises/exercise';
import type { PartSpec } from '../exercises/types';
import { metricsFromConfusion } from '../train/metrics';
import { bestEpoch } from './q2-2-curves';
import { latestRun } from './run-context';
import { distinctMistakes, METRIC_TOL, WHOLE } from './answer-tolerance';

const BEST_KEY = 'q2.2.curves.best_epoch';
const GAP_KEY = 'q2.2.curves.gap';

export const q22curves: ExerciseDef = {
  id: 'q2.2.curves',
  usesRuns: true,
  marks: 1,
  title: 'The curves of your run',
  inputs: [
    { key: BEST_KEY, kind: 'number', label: 'The epoch of your run with the lowest validation loss', example: '12' },
    { key: GAP_KEY, kind: 'number', label: "Training minus validation accuracy at your run's last epoch", example: '0.999 or 99.9 %' },
  ],
  params: () => ({}),
  parts: async (_v, context) => {
    const run = latestRun('q2.2', context?.runs ?? []);
    const last = run?.epochs.at(-1);
    if (!run || !last)
      return [
        { kind: 'text', key: BEST_KEY, marks: 0.5 },
        { kind: 'text', key: GAP_KEY, marks: 0.5 },
      ];
    const best = bestEpoch(run.epochs);
    const lowestVal = run.epochs.find((e) => e.epoch === best)!.valLoss;
    const bestAcc = run.epochs.reduce((a, e) => (e.valAccuracy > a.valAccuracy ? e : a));
    const lowestTrain = run.epochs.reduce((a, e) => (e.trainLoss < a.trainLoss ? e : a));
    const gap = last.trainAccuracy - last.valAccuracy;
    const test = run.test ? metricsFromConfusion(run.test.confusion).accuracy : NaN;
    return [
      {
        kind: 'number',
        key: BEST_KEY,
        marks: 0.5,
        answer: best,
        tol: WHOLE,
        mistakes: distinctMistakes(
          [
            ...run.epochs
              .filter((e) => e.epoch !== best && e.valLoss === lowestVal)
              .map((e) => ({
                id: 'tie',
                value: e.epoch,
                message: 'That epoch ties for the lowest validation loss; the question asks for the first of them.',
              })),
            {
              id: 'best-acc',
              value: bestAcc.epoch,
              message:
                'That epoch has the highest validation accuracy; the question asks for the lowest validation loss, which early stopping usually watches.',
            },
            {
              id: 'train-loss',
              value: lowestTrain.epoch,
              message: 'That epoch has the lowest training loss; early stopping watches the validation loss.',
            },
          ],
          best,
          WHOLE.abs,
        ),
      },
      {
        kind: 'number',
        key: GAP_KEY,
        marks: 0.5,
        answer: gap,
        tol: METRIC_TOL,
        percent: true,
        mistakes: distinctMistakes(
          [
            {
              id: 'test',
              value: last.trainAccuracy - test,
              message: 'That uses the test accuracy; the curves compare training with validation accuracy, epoch by epoch.',
            },
            {
              id: 'loss',
              value: last.valLoss - last.trainLoss,
              message: 'That is the gap between the losses; the question asks for the accuracies.',
            },
          ],
          gap,
          METRIC_TOL.abs,
        ),
      },
    ] satisfies PartSpec[];
  },
  hints: [
    'Hand in your CNN run first; the answers are checked against the latest q2.2 run you hand in. Its curves are under the training widget, and its JSON (Export JSON) lists every epoch.',
    'The runs list shows the training and validation accuracy of the last epoch side by side.',
  ],
};
