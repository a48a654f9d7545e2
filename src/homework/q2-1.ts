/** Chapter 2.1's exercises (q2.1): the split of one class, why random_split is not stratified, the loader's bugs and labels, and the batches of the student's run. */
import type { ExerciseDef } from '../exercises/exercise';
import type { RubricCriterion } from '../exercises/kinds/text';
import { q21batches } from './q2-1-batches';
import { q21bug, q21imagefolder } from './q2-1-loader';
import { q21split } from './q2-1-split';

export { splitClassSize } from './q2-1-split';
export { LOADER_LINES } from './q2-1-loader';

const WHY_RANDOM = [
  {
    id: 'label-blind',
    label:
      'It shuffles the indices without looking at the labels, so each class gets 70/10/20 only on average; a small class can end up with few or no validation images.',
  },
  { id: 'no-seed', label: 'It cannot be seeded, so the split changes on every run.' },
  { id: 'in-order', label: 'It takes the first 70 % of the files in folder order, so whole classes land in the test set.' },
  { id: 'overlap', label: 'It can put the same image into two splits.' },
  { id: 'lengths', label: 'It only accepts integer lengths, not fractions such as 0.7.' },
];

const q21random: ExerciseDef = {
  id: 'q2.1.random-split',
  marks: 0.5,
  title: 'Why random_split is not stratified',
  inputs: [
    {
      key: 'q2.1.random-split',
      kind: 'choice',
      label: 'Why does torch.utils.data.random_split not give a stratified split?',
      multiple: false,
      options: WHY_RANDOM,
    },
  ],
  params: () => ({}),
  parts: async () => [
    {
      kind: 'choice',
      key: 'q2.1.random-split',
      marks: 0.5,
      multiple: false,
      options: WHY_RANDOM,
      correct: ['label-blind'],
      mistakes: [
        {
          id: 'no-seed',
          chosen: ['no-seed'],
          message:
            'It can be seeded: random_split(ds, [0.7, 0.1, 0.2], generator=torch.Generator().manual_seed(42)). Seeding makes it repeatable, not stratified.',
        },
        {
          id: 'in-order',
          chosen: ['in-order'],
          message: 'random_split permutes the indices first (randperm), so it does not follow folder order.',
        },
        { id: 'overlap', chosen: ['overlap'], message: 'The splits come from one permutation, so they never overlap.' },
        { id: 'lengths', chosen: ['lengths'], message: 'Since PyTorch 1.13 it accepts fractions that sum to 1.' },
      ],
    },
  ],
  hints: ['Look at what random_split is given: a data set and lengths. Does it ever read a label?'],
};

/** Exercises of chapter 2.1 (4 of q2.1's 5 marks; q2.1.batches is checked against the handed-in CNN run, by hand without one). */
export const Q2_1: ExerciseDef[] = [q21split, q21random, q21bug, q21imagefolder, q21batches];

/** What the instructor marks in q2.1 beyond its exercises (src/homework/hand-marked.ts): the student's own code and plot. */
export const HAND_MARKED_Q2_1: RubricCriterion[] = [
  {
    id: 'code',
    label: "Own loading code: the homework's class mapping, a stratified 70/10/20 split and the three data loaders",
    marks: 0.5,
  },
  { id: 'plot', label: 'A plot of the class distribution of the training and validation splits', marks: 0.5 },
];
