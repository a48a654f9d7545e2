import type { ExerciseDef } from '../exercises/exercise';
import type { PartSpec } from '../exercises/types';

const text = (key: string, marks: number): PartSpec => ({ kind: 'text', key, marks });

/** q2.4 in this edition: the student's report of runs made elsewhere (PyTorch), marked by hand (q2.3's exercises are in q2-3.ts). */
const report = (id: 'q2.4', title: string, label: string, hints: string[]): ExerciseDef => ({
  id: `${id}.report`,
  marks: 10,
  title,
  inputs: [{ key: `${id}.report`, kind: 'text', label }],
  params: () => ({}),
  parts: async () => [text(`${id}.report`, 10)],
  hints,
});

const q24 = report('q2.4', 'Your augmentation report', 'Your augmented ResNet-18: the augmentations and why, what the samples look like, whether overfitting went down (with numbers), test accuracy, F1 and the confusion matrix', [
  'Name each augmentation with its parameters (for example ColorJitter(brightness=0.3)).',
  'Compare the train–validation gap with the run of 2.3, epoch by epoch.',
]);

/** Exercises of chapter 2.4 (2.3's are in q2-3.ts, 2.6's in q2-6.ts). */
export const Q2: ExerciseDef[] = [q24];
