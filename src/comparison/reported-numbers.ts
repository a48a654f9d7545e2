/**
 * What the original homework submission reported, quoted from ../shared/homework.md, section
 * "Question 2 — image classification on the Russian Wildlife Dataset", paragraph "What the original
 * submission reported". These are facts of that document, not results of this book; a number the
 * document does not state is null.
 */

import type { ModelKind } from '../train/models';
import type { RunQuestion } from '../record/questions';

/** One model as the homework reported it. */
export interface ReportedModel {
  question: RunQuestion;
  model: ModelKind;
  label: string;
  testAccuracy: number;
  macroF1: number;
  /** Accuracies at the last reported epoch (fractions). */
  trainAccuracy: number | null;
  valAccuracy: number | null;
  /** The epoch those accuracies were reported at. */
  epoch: number | null;
  pretrained: boolean;
  augmented: boolean;
}

/** The three models of the homework with the numbers it reported. */
export const REPORTED_MODELS: readonly ReportedModel[] = [
  // "CNN test accuracy 0.4417, F1 0.4380 (train accuracy 0.9594 at epoch 10)"
  {
    question: 'q2.2',
    model: 'cnn',
    label: 'CNN from scratch',
    testAccuracy: 0.4417,
    macroF1: 0.438,
    trainAccuracy: 0.9594,
    valAccuracy: null,
    epoch: 10,
    pretrained: false,
    augmented: false,
  },
  // "ResNet-18 fine-tuned test accuracy 0.5842, F1 0.5773 (train 88.1%, val 58.5% at epoch 10)"
  {
    question: 'q2.3',
    model: 'resnet18',
    label: 'ResNet-18 fine-tuned',
    testAccuracy: 0.5842,
    macroF1: 0.5773,
    trainAccuracy: 0.881,
    valAccuracy: 0.585,
    epoch: 10,
    pretrained: true,
    augmented: false,
  },
  // "ResNet-18 with augmentation test accuracy 0.7467, F1 0.7513 (train 86.6%, val 74.7%)"
  {
    question: 'q2.4',
    model: 'resnet18',
    label: 'ResNet-18 with augmentation',
    testAccuracy: 0.7467,
    macroF1: 0.7513,
    trainAccuracy: 0.866,
    valAccuracy: 0.747,
    epoch: null,
    pretrained: true,
    augmented: true,
  },
];
