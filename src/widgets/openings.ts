/** Where every Question 1 widget opens: numbers that no exercise of any variant asks about. */
import type { Variant } from '../exercises/types';
import { homeworkVariant } from '../exercises/variant';
import { openingClashes } from './opening-clashes';

/** The opening values of the Question 1 widgets (the .astro files render them; `widgetOpenings` checks them). */
export interface WidgetOpenings {
  /** Logit gradient: label and slider logit, more than a slider step from q1.1a's (|z| of 3 to 5.5, hundredths never 0). */
  logitGradient: { y: 0 | 1; z: number };
  /** BCE explorer: label and prediction, ŷ outside the 0.05–0.95 that exercises draw from. */
  bce: { y: 0 | 1; p: number };
  /** L2 checker: one weight whose step lies beyond every exercise's |w| ≤ 3. */
  l2: { w: number; g: number; lr: number; lambda: number };
  /** Shape calculator: sizes far beyond the exercises' (Dx ≤ 10, Da ≤ 16, K ≤ 10). */
  shapes: { Dx: number; Da: number; K: number; m: number };
  /** Jacobian checker: four logits (every exercise has three). */
  jacobian: { z: number[] };
  /** Cross-entropy gradient: four logits, the true class as an index from 0, and a[1]. */
  ceGradient: { z: number[]; target: number; a: number[] };
  /** Softmax stability: the opening logits and the presets, by button label. */
  softmax: { opening: number[]; presets: { label: string; z: number[] }[] };
  /** Placeholder of the formula tester: an example of the syntax, not the derivative. */
  deltaPlaceholder: string;
}

const HUGE = [997, 1000, 1003, 1001, 1002];

/** The openings; the 4- and 5-logit vectors are the PyTorch fixtures' (shifted by 1000 for the huge ones). */
export const OPENINGS: WidgetOpenings = {
  logitGradient: { y: 1, z: -6 },
  bce: { y: 1, p: 0.97 },
  l2: { w: 4.5, g: -0.5, lr: 0.1, lambda: 0.25 },
  shapes: { Dx: 784, Da: 64, K: 10, m: 32 },
  jacobian: { z: [0.5, -1, 2, 0] },
  ceGradient: { z: [0.5, -1, 2, 0], target: 1, a: [0.5, 1, 0, 2] },
  softmax: {
    opening: HUGE,
    presets: [
      { label: 'Huge logits', z: HUGE },
      { label: 'Very negative logit', z: [-1000, 0, 1] },
      { label: 'Small logits', z: [0.5, -1, 2, 0] },
    ],
  },
  deltaPlaceholder: 'e.g. y_k + d*y_j',
};

/** The openings for `variant`; throws when any of them equals an exercise's numbers or answer for it. */
export function widgetOpenings(variant: Variant = homeworkVariant, openings: WidgetOpenings = OPENINGS): WidgetOpenings {
  const clashes = openingClashes(openings, variant);
  if (clashes.length > 0) throw new Error(`A Question 1 widget would open at an exercise's numbers: ${clashes.join('; ')}`);
  return openings;
}

/** A list of numbers as the widgets' text fields show it: `a, b, c`. */
export const listText = (xs: readonly number[]): string => xs.join(', ');
