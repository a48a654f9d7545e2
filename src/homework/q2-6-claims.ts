/** q2.6.claims: which conclusions of the homework its own evidence contradicts ("a consistent decrease in validation losses" for all three models). */
import { REPORTED_MODELS } from '../comparison/reported-numbers';
import type { ExerciseDef } from '../exercises/exercise';
import type { ChoiceMistake } from '../exercises/types';
import type { RunQuestion } from '../record/questions';

const model = (q: RunQuestion) => REPORTED_MODELS.find((m) => m.question === q)!;
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const points = (m: ReturnType<typeof model>) => (100 * (m.trainAccuracy! - m.valAccuracy!)).toFixed(1);
const [cnn, resnet, augmented] = [model('q2.2'), model('q2.3'), model('q2.4')];

/** The homework's conclusions, with its own numbers (src/comparison/reported-numbers.ts). */
export const CLAIM_OPTIONS = [
  {
    id: 'cnn-overfits',
    label: `The CNN overfits: ${pct(cnn.trainAccuracy!)} training accuracy at epoch ${cnn.epoch}, against ${pct(cnn.testAccuracy)} on the test split.`,
  },
  { id: 'val-decrease', label: 'All three models show a consistent decrease in validation losses.' },
  { id: 'resnet-fits', label: 'The fine-tuned ResNet-18 is not overfitting: both its training and validation losses are decreasing.' },
  {
    id: 'aug-best',
    label: `The ResNet-18 with augmentation is the best model: its test accuracy (${augmented.testAccuracy.toFixed(4)}) and macro F1 (${augmented.macroF1.toFixed(4)}) are the highest.`,
  },
  {
    id: 'aug-gap',
    label: `Augmentation narrowed the ResNet-18's gap between training and validation accuracy, from ${points(resnet)} to ${points(augmented)} points.`,
  },
];

const CORRECT = ['val-decrease', 'resnet-fits'];
const with_ = (id: string) => [...CORRECT, id];

const MISTAKES: ChoiceMistake[] = [
  {
    id: 'only-decrease',
    chosen: ['val-decrease'],
    message: "That is one. Another claim about one model's curves is contradicted by its own accuracies and losses (chapter 2.3).",
  },
  {
    id: 'only-resnet',
    chosen: ['resnet-fits'],
    message:
      "That is one. Now ask of each model's validation loss whether it really decreased consistently, the overfitting CNN's included.",
  },
  {
    id: 'cnn',
    chosen: with_('cnn-overfits'),
    message: "The CNN's numbers support that claim: its training accuracy is far above what it reaches on unseen images.",
  },
  {
    id: 'aug-best',
    chosen: with_('aug-best'),
    message: 'The reported numbers support that claim: both are the highest of the three models.',
  },
  {
    id: 'aug-gap',
    chosen: with_('aug-gap'),
    message: "The reported accuracies support that claim: the augmented run's training and validation accuracies end much closer together.",
  },
];

/** q2.6.claims: a multiple choice of the homework's conclusions; the two its evidence contradicts, no other. */
export const q26claims: ExerciseDef = {
  id: 'q2.6.claims',
  marks: 1,
  title: "Check the homework's conclusions",
  inputs: [
    {
      key: 'q2.6.claims',
      kind: 'choice',
      label: 'Which of these conclusions of the homework does its own evidence contradict?',
      multiple: true,
      options: CLAIM_OPTIONS,
    },
  ],
  params: () => ({}),
  parts: async () => [
    { kind: 'choice', key: 'q2.6.claims', marks: 1, multiple: true, options: CLAIM_OPTIONS, correct: CORRECT, mistakes: MISTAKES },
  ],
  hints: [
    "Two claims are contradicted. A model that overfits usually has a validation loss that stops falling or rises; chapter 2.3 shows what the ResNet-18's validation loss did.",
    'Check each claim against the numbers it rests on: a training accuracy far above the validation accuracy is overfitting, whatever the losses do.',
  ],
};
