/**
 * Chapter 2.3's exercises (q2.3), checked against the student's handed-in q2.3 run (the latest with test
 * results) where they read one: the bugs of the homework's fine-tuning code, what the run trained, (b) the
 * overfitting diagnosis of its own curves, (c) its test metrics and confusion matrix, (d) reading t-SNE and
 * its feature space (class centroids of the backbone features kept in the run). Discussion is marked by hand.
 */
import type { ExerciseDef } from '../exercises/exercise';
import type { RubricCriterion } from '../exercises/kinds/text';
import type { ArrayMistake, PartSpec } from '../exercises/types';
import { q23bugs } from './q2-3-bugs';
import { clearlyClosest, closestPair, farthestPair, mostIsolated } from './q2-3-features';
import { q23metrics } from './q2-3-metrics';
import { q23overfit } from './q2-3-overfit';
import { q23Run } from './q2-3-run';
import { EXACT, distinctMistakes } from './answer-tolerance';
import { q23setup } from './q2-3-setup';
import { q23tsne } from './q2-3-tsne';

export { HOMEWORK_RESNET, q23Run } from './q2-3-run';
export { VERDICT_OPTIONS } from './q2-3-overfit';

const q23features: ExerciseDef = {
  id: 'q2.3.features',
  usesRuns: true,
  marks: 1.5,
  title: 'Your feature space',
  inputs: [
    {
      key: 'q2.3.features.closest',
      kind: 'vector',
      label: 'The numbers of the two classes whose feature centroids lie closest (smaller number first)',
      length: 2,
      example: '2, 5',
    },
    {
      key: 'q2.3.features.isolated',
      kind: 'number',
      label: 'The number of the class whose nearest other class is farthest away (the most isolated cluster)',
      example: '4',
    },
    {
      key: 'q2.3.features.discussion',
      kind: 'text',
      label:
        'What the 2-D and 3-D pictures show: which classes form their own clusters, which overlap, and whether that matches the confusion matrix',
    },
  ],
  params: () => ({}),
  parts: async (_v, context) => {
    const fs = q23Run(context?.runs)?.featureSpace;
    const discussion: PartSpec = {
      kind: 'text',
      key: 'q2.3.features.discussion',
      marks: 0.5,
      rubric: [
        {
          id: 'clusters',
          label:
            'Names classes that form their own clusters and classes that overlap, in the 2-D picture of the training and validation features and the 3-D picture of the validation features',
          marks: 0.25,
        },
        {
          id: 'confusion',
          label:
            'Relates the overlaps to the pairs the confusion matrix mixes up, without reading distances or cluster sizes off the picture',
          marks: 0.25,
        },
      ],
    };
    if (!fs)
      return [
        { kind: 'text', key: 'q2.3.features.closest', marks: 0.5 },
        { kind: 'text', key: 'q2.3.features.isolated', marks: 0.5 },
        discussion,
      ];
    const dist = fs.classCentroidDistances;
    const pair = closestPair(dist);
    const far = farthestPair(dist);
    const isolated = mostIsolated(dist);
    const pairMistakes: ArrayMistake[] = [
      { id: 'order', value: [pair[1], pair[0]], message: 'Right classes; write the smaller class number first.' },
      ...(far[0] === pair[0] && far[1] === pair[1]
        ? []
        : [{ id: 'farthest', value: far, message: 'Those two lie farthest apart; the question asks for the closest pair.' }]),
    ];
    const isolatedMistakes = distinctMistakes(
      pair.map((c) => ({
        id: 'closest-pair',
        value: c,
        message: 'That class belongs to the closest pair, the least isolated classes of all.',
      })),
      isolated,
      EXACT.abs!,
    );
    return [
      clearlyClosest(dist)
        ? { kind: 'vector', key: 'q2.3.features.closest', marks: 0.5, answer: pair, tol: EXACT, mistakes: pairMistakes }
        : { kind: 'text', key: 'q2.3.features.closest', marks: 0.5 },
      { kind: 'number', key: 'q2.3.features.isolated', marks: 0.5, answer: isolated, tol: EXACT, mistakes: isolatedMistakes },
      discussion,
    ];
  },
  hints: [
    "The widget lists the distances between the class centroids of your run's 512-dimensional features (train and validation images); t-SNE pictures keep neighbours, not distances between clusters, so read the table, not the picture.",
    'Class numbers are as in the list of classes: the first class is 0.',
  ],
};

const q23report: ExerciseDef = {
  id: 'q2.3.report',
  marks: 0.25,
  title: 'Your fine-tuning setup',
  inputs: [
    {
      key: 'q2.3.report',
      kind: 'text',
      label:
        'Your training setup: where the weights came from, frozen backbone or full fine-tuning, BatchNorm mode, image size, epochs, batch size and learning rate',
    },
  ],
  params: () => ({}),
  parts: async () => [
    {
      kind: 'text',
      key: 'q2.3.report',
      marks: 0.25,
      rubric: [
        {
          id: 'setup',
          label:
            'States the weights (torchvision\'s checksum, or "not pretrained"), frozen or full, the BatchNorm mode and the settings of the run',
          marks: 0.25,
        },
      ],
    },
  ],
  hints: [
    'Say where the weights came from (torchvision\'s checksum or "not pretrained") and every setting a reader needs to repeat the run.',
  ],
};

/** Exercises of chapter 2.3 (q2.3's 10 marks: 9 checked automatically with a handed-in run that kept its features, 8 with one that did not, 2 without a run; the rest by hand). */
export const Q2_3: ExerciseDef[] = [q23bugs, q23setup, q23overfit, q23metrics, q23tsne, q23features, q23report];

/** What the instructor marks in q2.3 beyond its exercises (src/homework/hand-marked.ts): nothing, its exercises cover all its marks. */
export const HAND_MARKED_Q2_3: RubricCriterion[] = [];
