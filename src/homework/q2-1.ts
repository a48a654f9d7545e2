import type { ExerciseDef } from '../exercises/exercise';
import type { NumberMistake, Variant } from '../exercises/types';
import { mulberry32, pickInt } from '../exercises/variant';
import { splitCounts } from '../data/split';

/** Images in the class of the split exercise: 365 in the homework variant (70/10/20 gives 255.5/36.5/73). */
export function splitClassSize(v: Variant): number {
  if (v.kind === 'homework') return 365;
  const rng = mulberry32(v.seed ^ 0x2a1);
  return pickInt(rng, 41, 640);
}

const SPLITS = [
  { key: 'train', label: 'Training images', percent: 70 },
  { key: 'val', label: 'Validation images', percent: 10 },
  { key: 'test', label: 'Test images', percent: 20 },
] as const;

const q21split: ExerciseDef = {
  id: 'q2.1.split',
  marks: 1,
  title: 'Split one class 70/10/20',
  inputs: SPLITS.map((s) => ({ key: `q2.1.split.${s.key}`, kind: 'number' as const, label: s.label })),
  params: (v) => ({ n: splitClassSize(v) }),
  parts: async (v) => {
    const n = splitClassSize(v);
    const c = splitCounts(n);
    const rounded = SPLITS.map((s) => Math.round((n * s.percent) / 100));
    const floored = SPLITS.map((s) => Math.floor((n * s.percent) / 100));
    return SPLITS.map((s, i) => {
      const answer = c[s.key];
      const mistakes: NumberMistake[] = [
        { id: 'rounded-up', value: rounded[i], message: `Rounding every share on its own gives ${rounded.join(' + ')} = ${rounded[0] + rounded[1] + rounded[2]} images, not ${n}. Round down first, then give the leftover images to the largest remainders.` },
        { id: 'floored', value: floored[i], message: `Rounding every share down loses images: ${floored.join(' + ')} = ${floored[0] + floored[1] + floored[2]}, not ${n}. Give the leftover images to the largest remainders.` },
        { id: 'fraction', value: s.percent, message: 'That is the percentage; the question asks for a number of images.' },
      ];
      return {
        kind: 'number' as const, key: `q2.1.split.${s.key}`, marks: 1 / 3, answer, tol: { abs: 0.01, rel: 0 },
        mistakes: mistakes.filter((m, i) => m.value !== answer && mistakes.findIndex((o) => o.value === m.value) === i),
      };
    });
  },
  hints: [
    'Multiply first: 0.7·n, 0.1·n and 0.2·n. The three counts must be whole numbers that add up to n.',
    'Largest remainder: round every share down, then hand the images left over, one each, to the shares with the largest fractional parts (on a tie, to the larger split).',
  ],
};

const WHY_RANDOM = [
  { id: 'label-blind', label: 'It shuffles the indices without looking at the labels, so each class gets 70/10/20 only on average; a small class can end up with few or no validation images.' },
  { id: 'no-seed', label: 'It cannot be seeded, so the split changes on every run.' },
  { id: 'in-order', label: 'It takes the first 70 % of the files in folder order, so whole classes land in the test set.' },
  { id: 'overlap', label: 'It can put the same image into two splits.' },
  { id: 'lengths', label: 'It only accepts integer lengths, not fractions such as 0.7.' },
];

const q21random: ExerciseDef = {
  id: 'q2.1.random-split',
  marks: 0.5,
  title: 'Why random_split is not stratified',
  inputs: [{ key: 'q2.1.random-split', kind: 'choice', label: 'Why does torch.utils.data.random_split not give a stratified split?', multiple: false, options: WHY_RANDOM }],
  params: () => ({}),
  parts: async () => [{
    kind: 'choice', key: 'q2.1.random-split', marks: 0.5, multiple: false, options: WHY_RANDOM, correct: ['label-blind'],
    mistakes: [
      { id: 'no-seed', chosen: ['no-seed'], message: 'It can be seeded: random_split(ds, [0.7, 0.1, 0.2], generator=torch.Generator().manual_seed(42)). Seeding makes it repeatable, not stratified.' },
      { id: 'in-order', chosen: ['in-order'], message: 'random_split permutes the indices first (randperm), so it does not follow folder order.' },
      { id: 'overlap', chosen: ['overlap'], message: 'The splits come from one permutation, so they never overlap.' },
      { id: 'lengths', chosen: ['lengths'], message: 'Since PyTorch 1.13 it accepts fractions that sum to 1.' },
    ],
  }],
  hints: ['Look at what random_split is given: a data set and lengths. Does it ever read a label?'],
};

/** The statements of the homework's loader code shown in the chapter, as options of the bug hunt. */
export const LOADER_LINES = [
  { id: 'imagefolder', label: 'dataset = ImageFolder(root, transform=transform)' },
  { id: 'random-split', label: 'train_set, val_set, test_set = random_split(dataset, [0.7, 0.1, 0.2])' },
  { id: 'getitem-gpu', label: "return image.to('cuda'), label   # inside __getitem__" },
  { id: 'train-loader', label: 'train_loader = DataLoader(train_set, batch_size=32, shuffle=True, num_workers=4)' },
  { id: 'val-loader', label: 'val_loader = move_to_gpu(train_loader)' },
  { id: 'test-loader', label: 'test_loader = DataLoader(test_set, batch_size=32, shuffle=False)' },
];

const q21bug: ExerciseDef = {
  id: 'q2.1.bugs',
  marks: 0.5,
  title: 'Find the bugs in the loader',
  inputs: [{ key: 'q2.1.bugs', kind: 'choice', label: 'Select every line that is a bug', multiple: true, options: LOADER_LINES }],
  params: () => ({}),
  parts: async () => [{
    kind: 'choice', key: 'q2.1.bugs', marks: 0.5, multiple: true, options: LOADER_LINES,
    correct: ['random-split', 'getitem-gpu', 'val-loader'],
    mistakes: [
      { id: 'test-shuffle', chosen: ['random-split', 'getitem-gpu', 'val-loader', 'test-loader'], message: 'Almost: shuffle=False is right for the test loader, since the order does not change a metric.' },
      { id: 'train-shuffle', chosen: ['random-split', 'getitem-gpu', 'val-loader', 'train-loader'], message: 'Almost: shuffling the training loader is what you want.' },
      { id: 'imagefolder', chosen: ['random-split', 'getitem-gpu', 'val-loader', 'imagefolder'], message: 'Almost: ImageFolder is a fine way to read a folder per class (remap class_to_idx to the homework\'s order).' },
    ],
  }],
  hints: [
    'Three lines are wrong: one makes the validation numbers meaningless, one ignores the labels, one is slow and breaks num_workers > 0.',
    'What does the "validation" loader actually iterate over?',
  ],
};

/** Exercises of chapter 2.1 (2 of q2.1's 5 marks; loading and the plots are marked by the instructor). */
export const Q2_1: ExerciseDef[] = [q21split, q21random, q21bug];
