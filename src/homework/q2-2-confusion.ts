/** Exercise q2.2.confusion: reading the test confusion matrix of the student's handed-in CNN run (the most confused pair, the class with the lowest recall). */
import type { ExerciseDef } from '../exercises/exercise';
import type { ArrayMistake, PartSpec } from '../exercises/types';
import { metricsFromConfusion } from '../train/metrics';
import { latestRun } from './run-context';
import { distinctMistakes, WHOLE } from './answer-tolerance';

/** Tolerance of a recall read off the row-normalised matrix, which prints two decimals: ±0.005, and a little for the rounding of that print. */
export const RECALL_TOL = { abs: 0.006, rel: 0 };

/** What the confusion matrix of a run shows, with ties broken towards the smaller class number. */
export interface ConfusionFacts {
  /** [true, predicted] of the largest off-diagonal count (ties: smallest true class, then smallest predicted); null when nothing is misclassified. */
  pair: [number, number] | null;
  /** That largest off-diagonal count. */
  pairCount: number;
  /** The other [true, predicted] cells with the same count. */
  tiedPairs: [number, number][];
  /** The class with the lowest recall among those with test images (ties: smallest class number); null when no class has any. */
  worst: number | null;
  worstRecall: number;
  /** The other classes with the same recall. */
  tiedWorst: number[];
}

/** The facts q2.2.confusion is checked against, from `confusion[true][predicted]`. */
export function confusionFacts(confusion: number[][]): ConfusionFacts {
  const k = confusion.length;
  let pair: [number, number] | null = null;
  let pairCount = 0;
  for (let t = 0; t < k; t++) {
    for (let p = 0; p < k; p++) {
      if (t !== p && confusion[t][p] > pairCount) {
        pairCount = confusion[t][p];
        pair = [t, p];
      }
    }
  }
  const tiedPairs: [number, number][] = [];
  if (pair) {
    for (let t = 0; t < k; t++) {
      for (let p = 0; p < k; p++) if (t !== p && confusion[t][p] === pairCount && !(t === pair[0] && p === pair[1])) tiedPairs.push([t, p]);
    }
  }
  const perClass = metricsFromConfusion(confusion).perClass;
  const present = perClass.map((c, i) => ({ i, recall: c.recall, support: c.support })).filter((c) => c.support > 0);
  const lowest = present.reduce<{ i: number; recall: number } | null>((a, c) => (!a || c.recall < a.recall ? c : a), null);
  return {
    pair,
    pairCount,
    tiedPairs,
    worst: lowest?.i ?? null,
    worstRecall: lowest?.recall ?? 0,
    tiedWorst: lowest ? present.filter((c) => c.i !== lowest.i && c.recall === lowest.recall).map((c) => c.i) : [],
  };
}

const KEYS = {
  pair: 'q2.2.confusion.pair',
  count: 'q2.2.confusion.pair_count',
  worst: 'q2.2.confusion.worst',
  recall: 'q2.2.confusion.worst_recall',
} as const;

const TIE_PAIR =
  'That pair is confused just as often; the question asks for the one with the smallest true class number (then the smallest predicted one).';

function pairMistakes(f: ConfusionFacts): ArrayMistake[] {
  const [t, p] = f.pair!;
  const out: ArrayMistake[] = f.tiedPairs.map((q) => ({ id: 'tie', value: q, message: TIE_PAIR }));
  if (!f.tiedPairs.some((q) => q[0] === p && q[1] === t)) {
    out.push({
      id: 'reversed',
      value: [p, t],
      message:
        'Those are the two classes the other way round: the first number is the true class (the row), the second the class it was predicted as (the column).',
    });
  }
  return out;
}

export const q22confusion: ExerciseDef = {
  id: 'q2.2.confusion',
  usesRuns: true,
  marks: 2,
  title: 'Read your confusion matrix',
  inputs: [
    { key: KEYS.pair, kind: 'vector', label: 'The most confused pair: true class, predicted class', length: 2, example: '12, 15' },
    { key: KEYS.count, kind: 'number', label: 'Test images of that true class predicted as that class', example: '1000' },
    { key: KEYS.worst, kind: 'number', label: 'The class with the lowest recall', example: '12' },
    { key: KEYS.recall, kind: 'number', label: 'Its recall', example: '0.999 or 99.9 %' },
  ],
  params: () => ({}),
  parts: async (_v, context) => {
    const run = latestRun('q2.2', context?.runs ?? []);
    const f = run?.test ? confusionFacts(run.test.confusion) : null;
    const parts: PartSpec[] = [];
    if (f?.pair && run?.test) {
      const m = run.test.confusion;
      const [t, p] = f.pair;
      const rowErrors = m[t].reduce((a, b) => a + b, 0) - m[t][t];
      parts.push(
        { kind: 'vector', key: KEYS.pair, marks: 0.5, answer: f.pair, tol: WHOLE, mistakes: pairMistakes(f) },
        {
          kind: 'number',
          key: KEYS.count,
          marks: 0.5,
          answer: f.pairCount,
          tol: WHOLE,
          mistakes: distinctMistakes(
            [
              {
                id: 'row-errors',
                value: rowErrors,
                message:
                  'That counts every misclassified test image of the true class; the question asks for those predicted as that one class.',
              },
              {
                id: 'both-ways',
                value: m[t][p] + m[p][t],
                message: 'That adds both directions; count only the images of the true class predicted as the other one.',
              },
              { id: 'diagonal', value: m[t][t], message: 'That is a cell on the diagonal: the images of that class classified correctly.' },
            ],
            f.pairCount,
            WHOLE.abs,
          ),
        },
      );
    } else {
      parts.push({ kind: 'text', key: KEYS.pair, marks: 0.5 }, { kind: 'text', key: KEYS.count, marks: 0.5 });
    }
    if (f && f.worst !== null && run?.test) {
      const perClass = metricsFromConfusion(run.test.confusion).perClass;
      const lowestBy = (get: (c: (typeof perClass)[number]) => number) =>
        perClass.reduce(
          (a, c, i) => (c.support > 0 && get(c) < get(perClass[a]) ? i : a),
          perClass.findIndex((c) => c.support > 0),
        );
      const w = f.worst;
      parts.push(
        {
          kind: 'number',
          key: KEYS.worst,
          marks: 0.5,
          answer: w,
          tol: WHOLE,
          mistakes: distinctMistakes(
            [
              ...f.tiedWorst.map((c) => ({
                id: 'tie',
                value: c,
                message: 'That class has the same recall; the question asks for the smallest class number among them.',
              })),
              {
                id: 'precision',
                value: lowestBy((c) => c.precision),
                message:
                  "That class has the lowest precision (read down its column); recall reads along a row: the share of the class's test images classified correctly.",
              },
              {
                id: 'f1',
                value: lowestBy((c) => c.f1),
                message:
                  "That class has the lowest F1 score; the question asks for recall, the share of the class's own test images found.",
              },
            ],
            w,
            WHOLE.abs,
          ),
        },
        {
          kind: 'number',
          key: KEYS.recall,
          marks: 0.5,
          answer: f.worstRecall,
          tol: RECALL_TOL,
          percent: true,
          mistakes: distinctMistakes(
            [
              {
                id: 'error-rate',
                value: 1 - f.worstRecall,
                message: 'That is the share of its test images that were misclassified; recall is the share classified correctly.',
              },
              {
                id: 'precision',
                value: perClass[w].precision,
                message: 'That is its precision, read down its column; recall reads along its row.',
              },
              { id: 'f1', value: perClass[w].f1, message: 'That is its F1 score; the question asks for its recall.' },
            ],
            f.worstRecall,
            RECALL_TOL.abs,
          ),
        },
      );
    } else {
      parts.push({ kind: 'text', key: KEYS.worst, marks: 0.5 }, { kind: 'text', key: KEYS.recall, marks: 0.5 });
    }
    return parts;
  },
  hints: [
    'Hand in your CNN run first; the answers are checked against the latest q2.2 run you hand in. Classes are numbered as the rows of its confusion matrix: the first row is class 0.',
    "Rows are true classes, columns predicted ones. The most confused pair is the largest cell off the diagonal; recall is a diagonal cell over its row's total, the diagonal of the row-normalised matrix.",
  ],
};
