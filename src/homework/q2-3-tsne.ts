/** q2.3.tsne: what a t-SNE picture of the backbone's features can and cannot tell (chapter 2.3's reading rules). */
import type { ExerciseDef } from '../exercises/exercise';
import type { ChoiceMistake } from '../exercises/types';

/** Readings of a t-SNE picture: two it allows, three it does not. */
export const TSNE_OPTIONS = [
  {
    id: 'neighbours',
    label: 'Which images have similar features: points close together in the picture are mostly neighbours in the 512 dimensions too.',
  },
  {
    id: 'overlap',
    label: 'Which classes a linear layer on these features will find hard to tell apart: classes whose points mix in the picture.',
  },
  { id: 'distances', label: 'How far apart two classes are in the 512 dimensions: the gap between their clusters in the picture.' },
  { id: 'sizes', label: 'Which class varies most: the class with the largest cluster.' },
  { id: 'axes', label: 'What each axis measures: the horizontal axis is the direction in which the features vary most.' },
];

const CORRECT = ['neighbours', 'overlap'];

const WHY_NOT: Record<string, string> = {
  distances:
    't-SNE keeps neighbourhoods, not distances: the gaps between clusters mean little. Read distances between classes off the centroid table under the widget.',
  sizes: 't-SNE expands dense regions and shrinks sparse ones, so the size of a cluster says little about how much the class varies.',
  axes: "That is PCA. t-SNE's axes mean nothing: the same picture rotated or mirrored is just as good.",
};

const MISTAKES: ChoiceMistake[] = Object.entries(WHY_NOT).map(([id, message]) => ({ id, chosen: [...CORRECT, id], message }));

/** q2.3.tsne: a multiple choice of what the picture shows; the two right readings, no wrong one. */
export const q23tsne: ExerciseDef = {
  id: 'q2.3.tsne',
  marks: 1,
  title: 'What a t-SNE picture tells you',
  inputs: [
    {
      key: 'q2.3.tsne',
      kind: 'choice',
      label: "Which of these can you read from a t-SNE picture of your run's features?",
      multiple: true,
      options: TSNE_OPTIONS,
    },
  ],
  params: () => ({}),
  parts: async () => [
    { kind: 'choice', key: 'q2.3.tsne', marks: 1, multiple: true, options: TSNE_OPTIONS, correct: CORRECT, mistakes: MISTAKES },
  ],
  hints: [
    't-SNE places each point so that its nearest neighbours stay near it; everything else (distances, sizes, directions) it is free to change.',
  ],
};
