/** What a Question 1 widget says instead of its result when it is given the student's own exercise: the method, not the value. */
import { ORDINAL, vectorText } from '../homework/q1-2-variants';
import type { GuardHit } from './exercise-guard';

/** A number as a factor in a written-out formula: negative ones in parentheses. */
const factor = (x: number): string => (x < 0 ? `(${x})` : String(x));

/** The exercise, and the papaya where it has several. */
function exerciseName(h: GuardHit): string {
  return h.exercise === 'q1.1d' ? `exercise q1.1d, papaya ${h.papaya}` : `exercise ${h.exercise}`;
}

/** The exercise's own numbers, as its prompt gives them. */
function numbersOf(h: GuardHit): string {
  switch (h.exercise) {
    case 'q1.1a':
      return `y = ${h.y}, z = ${h.z}`;
    case 'q1.1c':
    case 'q1.1d':
      return `y = ${h.y}, ŷ = ${h.p}`;
    case 'q1.1e':
      return `w = ${h.step.w}, ∂L/∂w = ${h.step.dLdw}, α = ${h.step.lr}, λ = ${h.step.lambda}`;
    case 'q1.2b':
      return `Dx = ${h.sizes.Dx}, Da = ${h.sizes.Da}, K = ${h.sizes.K}`;
    case 'q1.2d':
      return `z[2] = ${vectorText(h.z)}, true class the ${ORDINAL[h.target]}`;
    case 'q1.2e':
      return `z = ${vectorText(h.z)}`;
  }
}

/** The formula with the exercise's numbers substituted, left for the student to work out. */
export function guardMethod(h: GuardHit): string {
  switch (h.exercise) {
    case 'q1.1a':
      return `∂L/∂z = (ŷ − y)·ŷ(1 − ŷ) for ½(ŷ − y)² and ŷ − y for the cross-entropy, with y = ${h.y} and ŷ = σ(z) = 1/(1 + e^(−z)) at z = ${h.z}`;
    case 'q1.1c':
    case 'q1.1d':
      return h.y === 1 ? `L = −log₂ ŷ with ŷ = ${h.p}` : `L = −log₂(1 − ŷ) with ŷ = ${h.p}`;
    case 'q1.1e': {
      const { w, dLdw, lr, lambda } = h.step;
      return `w ← w − α(∂L/∂w + 2λw) = ${w} − ${lr} × (${dLdw} + 2 × ${lambda} × ${factor(w)})`;
    }
    case 'q1.2b': {
      const { Dx, Da, K } = h.sizes;
      return `Da·Dx + Da + K·Da + K = ${Da}·${Dx} + ${Da} + ${K}·${Da} + ${K}`;
    }
    case 'q1.2d': {
      const y = h.z.map((_, i) => (i === h.target ? 1 : 0));
      return `ŷ_k = e^(z_k) / Σ_i e^(z_i) for z[2] = ${vectorText(h.z)}; then your formula of q1.2c in every cell (k, j) for the Jacobian, and ∂L/∂z[2] = ŷ − y with y = ${vectorText(y)}`;
    }
    case 'q1.2e': {
      const m = Math.max(...h.z);
      return `softmax(z)_k = e^(z_k − m) / Σ_i e^(z_i − m) with m = max z = ${m}`;
    }
  }
}

/**
 * The widget's whole message for `hits` (at least one): which exercise these numbers are, and the method for the first.
 * It contains the exercise's numbers and formula, never its answer.
 */
export function guardMessage(hits: readonly GuardHit[]): string {
  const [first] = hits;
  const which = hits.map((h) => `${exerciseName(h)} (${numbersOf(h)})`).join(' and of ');
  return (
    `These are the numbers of ${which} (or numbers with the same result), so this widget does not work them out. ` +
    `Method: ${guardMethod(first)}. Work it out and enter it in the exercise.`
  );
}
