/** Exercise q2.1.batches: the batches one epoch of the homework's training loader gives for the student's handed-in CNN run (its training split and batch size). */
import type { ExerciseDef } from '../exercises/exercise';
import type { PartSpec } from '../exercises/types';
import type { RunRecord } from '../record/run-record';
import { latestRun } from './run-context';
import { distinctMistakes, WHOLE } from './answer-tolerance';

/** Batches of `DataLoader(train_set, batch_size, shuffle=True)` over `train` images (drop_last=False): how many, the size of the last, and how many are full. */
export function loaderBatches(train: number, batchSize: number): { count: number; last: number; full: number } {
  if (!Number.isInteger(train) || train < 1 || !Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error(`loaderBatches: train and batchSize must be positive integers, got ${train} and ${batchSize}`);
  }
  const count = Math.ceil(train / batchSize);
  return { count, last: train - (count - 1) * batchSize, full: Math.floor(train / batchSize) };
}

/** The run q2.1.batches reads: the latest handed-in q2.2 run with test results. */
export function batchesRun(runs: readonly RunRecord[] | undefined): RunRecord | null {
  return latestRun('q2.2', runs ?? []);
}

const COUNT_KEY = 'q2.1.batches.count';
const LAST_KEY = 'q2.1.batches.last';

export const q21batches: ExerciseDef = {
  id: 'q2.1.batches',
  usesRuns: true,
  marks: 1,
  title: 'Batches per epoch of your run',
  inputs: [
    { key: COUNT_KEY, kind: 'number', label: 'Batches in one epoch of DataLoader(train_set, batch_size=…, shuffle=True)', example: '17' },
    { key: LAST_KEY, kind: 'number', label: 'Images in the last batch of the epoch', example: '9' },
  ],
  params: () => ({}),
  parts: async (_v, context) => {
    const run = batchesRun(context?.runs);
    const train = run?.dataset.counts.train ?? 0;
    const bs = run?.config.batchSize ?? 0;
    if (!run || !Number.isInteger(train) || train < 1 || !Number.isInteger(bs) || bs < 1) {
      return [
        { kind: 'text', key: COUNT_KEY, marks: 0.5 },
        { kind: 'text', key: LAST_KEY, marks: 0.5 },
      ];
    }
    const b = loaderBatches(train, bs);
    const c = run.dataset.counts;
    return [
      {
        kind: 'number',
        key: COUNT_KEY,
        marks: 0.5,
        answer: b.count,
        tol: WHOLE,
        mistakes: distinctMistakes(
          [
            {
              id: 'drop-last',
              value: b.full,
              message:
                "That counts the full batches only, as drop_last=True would (the book's trainer drops the last incomplete batch, so its progress bar shows this number); this DataLoader keeps drop_last at its default.",
            },
            {
              id: 'fraction',
              value: train / bs,
              message: 'A number of batches is a whole number: every image goes into exactly one batch.',
            },
            {
              id: 'all-splits',
              value: Math.ceil((c.train + c.val + c.test) / bs),
              message: 'That counts the images of all three splits; the training loader iterates over the training split only.',
            },
          ],
          b.count,
          WHOLE.abs,
        ),
      },
      {
        kind: 'number',
        key: LAST_KEY,
        marks: 0.5,
        answer: b.last,
        tol: WHOLE,
        mistakes: distinctMistakes(
          [
            { id: 'full', value: bs, message: 'That is a full batch; the last batch holds the images the full batches leave over.' },
            {
              id: 'none',
              value: 0,
              message:
                'With drop_last left at its default, no image is left out of the epoch: the last batch holds what the full batches leave over.',
            },
          ],
          b.last,
          WHOLE.abs,
        ),
      },
    ] satisfies PartSpec[];
  },
  hints: [
    'Hand in your CNN run first (the runs list of chapter 2.2); the answers are checked against the latest q2.2 run you hand in.',
    'Every training image goes into exactly one batch per epoch; all batches but the last hold batch_size images.',
  ],
};
