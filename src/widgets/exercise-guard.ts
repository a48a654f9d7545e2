/**
 * The guard of the Question 1 widgets: whether what a student typed into a widget is the student's own exercise
 * (variant `v`), so that the widget would print a graded answer. Each function returns the exercises hit, none when free.
 */
import type { Variant } from '../exercises/types';
import type { L2StepInput } from '../math/l2-step';
import { softmax } from '../math/softmax';
import { confidentlyWrong, l2Numbers, onePapaya, threePapayas } from '../homework/q1-1-variants';
import { hugeLogits, jacobianPoint, layerSizes } from '../homework/q1-2-variants';
import { TOL, containsNumbers } from './same-numbers';

/** One exercise whose numbers a widget was given, with the exercise's own numbers (for the method). */
export type GuardHit =
  | { exercise: 'q1.1a'; y: 0 | 1; z: number }
  | { exercise: 'q1.1c' | 'q1.1d'; papaya: number; y: 0 | 1; p: number }
  | { exercise: 'q1.1e'; step: L2StepInput }
  | { exercise: 'q1.2b'; sizes: { Dx: number; Da: number; K: number } }
  | { exercise: 'q1.2d'; z: number[]; target: number }
  | { exercise: 'q1.2e'; z: number[] };

/** How far apart two logits of the logit-gradient widget must be to be different numbers: its slider's step. */
export const LOGIT_STEP = 0.1;

/** A logit measured towards the label y: negative when the model is wrong. Both gradients depend on nothing else but their sign. */
const towardsLabel = (y: 0 | 1, z: number) => (y === 1 ? z : -z);

/** Logit gradient: (y, z) is q1.1a's papaya, or one with the same gradients up to sign, less than a slider step away. */
export function logitGradientGuard(v: Variant, y: 0 | 1, z: number): GuardHit[] {
  const e = confidentlyWrong(v);
  return Math.abs(towardsLabel(y, z) - towardsLabel(e.y, e.z)) < LOGIT_STEP ? [{ exercise: 'q1.1a', y: e.y, z: e.z }] : [];
}

/** The probability a prediction ŷ gives to the label y: the loss depends on nothing else. */
const labelProbability = (y: 0 | 1, p: number) => (y === 1 ? p : 1 - p);

/**
 * BCE explorer: (y, ŷ) is a papaya of q1.1c or q1.1d when it gives the true label the same probability, so the same loss;
 * papayas with the typed label come first.
 */
export function bceGuard(v: Variant, y: 0 | 1, p: number): GuardHit[] {
  const papayas = [
    { exercise: 'q1.1c' as const, papaya: 0, e: onePapaya(v) },
    ...threePapayas(v).map((e, i) => ({ exercise: 'q1.1d' as const, papaya: i + 1, e })),
  ];
  const hits = papayas.filter(({ e }) => Math.abs(labelProbability(y, p) - labelProbability(e[0], e[1])) <= TOL);
  return [...hits.filter(({ e }) => e[0] === y), ...hits.filter(({ e }) => e[0] !== y)].map(({ exercise, papaya, e }) => ({
    exercise,
    papaya,
    y: e[0],
    p: e[1],
  }));
}

/** L2 checker: w, ∂L/∂w, α and λ are q1.1e's, each within the tolerance (the fields are named, so order matters). */
export function l2Guard(v: Variant, s: L2StepInput): GuardHit[] {
  const step = l2Numbers(v);
  const keys = ['w', 'dLdw', 'lr', 'lambda'] as const;
  return keys.every((k) => Math.abs(s[k] - step[k]) <= TOL) ? [{ exercise: 'q1.1e', step }] : [];
}

/** Shape calculator: Dx, Da and K are q1.2b's (whole numbers; m does not enter the count). */
export function shapesGuard(v: Variant, s: { Dx: number; Da: number; K: number }): GuardHit[] {
  const sizes = layerSizes(v);
  return s.Dx === sizes.Dx && s.Da === sizes.Da && s.K === sizes.K ? [{ exercise: 'q1.2b', sizes }] : [];
}

/**
 * Logit widgets (Jacobian checker, cross-entropy gradient, softmax stability): softmax(z) holds the probabilities of
 * q1.2d's or q1.2e's logits, which is so for their own logits, any common shift, any order, and with extra logits too
 * small to matter. Every answer of both exercises follows from those probabilities. `first` is listed first when both hit.
 */
export function logitsGuard(v: Variant, z: readonly number[], first: 'q1.2d' | 'q1.2e' = 'q1.2d'): GuardHit[] {
  const shown = softmax(z);
  const point = jacobianPoint(v);
  const huge = hugeLogits(v);
  const found: GuardHit[] = [];
  if (containsNumbers(shown, softmax(point.z))) found.push({ exercise: 'q1.2d', z: point.z, target: point.target });
  if (containsNumbers(shown, softmax(huge))) found.push({ exercise: 'q1.2e', z: huge });
  return first === 'q1.2d' ? found : found.reverse();
}
