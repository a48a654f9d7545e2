/** Exercise q2.1.split: one class split 70/10/20 by the largest remainder rule of src/data/split.ts, with the roundings students try instead. */
import type { ExerciseDef } from '../exercises/exercise';
import type { NumberMistake, Variant } from '../exercises/types';
import { mulberry32, pickInt } from '../exercises/variant';
import { splitCounts, type ClassSplitCounts } from '../data/split';
import { WHOLE } from './answer-tolerance';

/** Images in the class of the split exercise: 365 in the homework variant (70/10/20 gives 255.5/36.5/73). */
export function splitClassSize(v: Variant): number {
  if (v.kind === 'homework') return 365;
  const rng = mulberry32(v.seed ^ 0x2a1);
  return pickInt(rng, 41, 640);
}

/** The three splits in the order of the inputs, with their share in percent. */
export const SPLITS = [
  { key: 'train', label: 'Training images', percent: 70 },
  { key: 'val', label: 'Validation images', percent: 10 },
  { key: 'test', label: 'Test images', percent: 20 },
] as const;

type Counts = Omit<ClassSplitCounts, 'total'>;

/**
 * What two chained scikit-learn `train_test_split` calls give one class of `n` images on its own (test_size=0.3, then
 * 2/3 of the rest): each call takes ceil(test_size·n) for its test part, in float64 as Python computes it.
 */
export function chainedTrainTestSplit(n: number): Counts {
  const rest = Math.ceil(0.3 * n);
  const test = Math.ceil((2 / 3) * rest);
  return { train: n - rest, val: rest - test, test };
}

/** Every share of `n` rounded the same way on its own. */
function eachRounded(n: number, round: (x: number) => number): Counts {
  const [train, val, test] = SPLITS.map((s) => round((n * s.percent) / 100));
  return { train, val, test };
}

/** The named mistakes of one split's count; mistakes giving the same value share one message (each says which way it was computed). */
export function splitMistakes(n: number, key: keyof Counts): NumberMistake[] {
  const answer = splitCounts(n)[key];
  const percent = SPLITS.find((s) => s.key === key)!.percent;
  const candidates: NumberMistake[] = [
    {
      id: 'floored',
      value: eachRounded(n, Math.floor)[key],
      message:
        'If you rounded this share down: rounded down, the three shares add up to less than the class, and the images left over go, one each, to the shares with the largest remainders.',
    },
    {
      id: 'rounded',
      value: eachRounded(n, Math.round)[key],
      message:
        'If you rounded this share to the nearest whole number on its own: shares rounded one by one need not add up to the class; the largest remainder rule decides all three together.',
    },
    {
      id: 'rounded-up',
      value: eachRounded(n, Math.ceil)[key],
      message: 'If you rounded this share up: only the shares with the largest remainders get an extra image.',
    },
    {
      id: 'chained-split',
      value: chainedTrainTestSplit(n)[key],
      message:
        "If you used two chained train_test_split calls (test_size=0.3, then 2/3 of the rest): each rounds its test part up, which is not the largest remainder rule the book's split uses.",
    },
    { id: 'fraction', value: percent, message: 'That is the percentage; the question asks for a number of images.' },
  ];
  const out: NumberMistake[] = [];
  for (const m of candidates) {
    if (m.value === answer) continue;
    const same = out.find((o) => o.value === m.value);
    if (same) same.message = `${same.message} ${m.message}`;
    else out.push({ ...m });
  }
  return out;
}

/** The exercise: the three counts of one class, each exact. */
export const q21split: ExerciseDef = {
  id: 'q2.1.split',
  marks: 1,
  title: 'Split one class 70/10/20',
  inputs: SPLITS.map((s) => ({ key: `q2.1.split.${s.key}`, kind: 'number' as const, label: s.label, example: '1000' })),
  params: (v) => ({ n: splitClassSize(v) }),
  parts: async (v) => {
    const n = splitClassSize(v);
    const c = splitCounts(n);
    return SPLITS.map((s) => ({
      kind: 'number' as const,
      key: `q2.1.split.${s.key}`,
      marks: 1 / 3,
      answer: c[s.key],
      tol: WHOLE,
      mistakes: splitMistakes(n, s.key),
    }));
  },
  hints: [
    'Multiply first: 0.7·n, 0.1·n and 0.2·n. The three counts must be whole numbers that add up to n.',
    'Largest remainder: round every share down, then hand the images left over, one each, to the shares with the largest fractional parts (on a tie, to the larger split).',
  ],
};
