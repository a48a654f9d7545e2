import type { ExerciseDef } from '../exercises/exercise';
import type { PartSpec } from '../exercises/types';

const text = (key: string, marks: number): PartSpec => ({ kind: 'text', key, marks });

/** q2.6: the comparison of the three models, a free-text answer marked by the instructor. */
const q26: ExerciseDef = {
  id: 'q2.6',
  marks: 5,
  title: 'Compare the three models',
  inputs: [{ key: 'q2.6', kind: 'text', label: 'Your comparison: accuracy, F1, generalisation and cost of the CNN, the fine-tuned ResNet-18 and the ResNet-18 with augmentation' }],
  params: () => ({}),
  parts: async () => [text('q2.6', 5)],
  hints: [
    'Put the three test accuracies and F1 scores side by side, then look at the gap between training and validation accuracy of each model.',
    'Cost: count parameters, training time per epoch and images per second from your run records.',
  ],
};

/** Exercises of Question 2's chapters. */
export const Q2: ExerciseDef[] = [q26];
