/** The numbers of each Question 1.1 exercise: the homework's, or ones drawn from a student's seed. */
import type { Variant } from '../exercises/types';
import { mixSeed } from '../data/rng';
import { mulberry32, pickOne, pickRounded } from '../exercises/variant';
import type { L2StepInput } from '../math/l2-step';

/** A labelled prediction (y, ŷ). */
export type Example = readonly [0 | 1, number];

/** Salts so that each exercise draws its own stream from the student's seed. */
const SALT = { c: 0x1c, d: 0x1d, e: 0x1e } as const;

const rngFor = (v: Variant, salt: number) => mulberry32(mixSeed(v.seed, salt));

/** A prediction that is never 0.5 (where both branches of BCE agree), two decimals. */
function pickPrediction(rng: () => number): number {
  return rng() < 0.5 ? pickRounded(rng, 0.05, 0.45, 2) : pickRounded(rng, 0.55, 0.95, 2);
}

/** q1.1c: one papaya; the homework's is y = 0, ŷ = 0.9. */
export function onePapaya(v: Variant): Example {
  if (v.kind === 'homework') return [0, 0.9];
  const rng = rngFor(v, SALT.c);
  const y = pickOne(rng, [0, 1] as const);
  return [y, pickPrediction(rng)];
}

/** q1.1d: three papayas; the homework's are (1, 0.1), (0, 0.2), (0, 0.7). */
export function threePapayas(v: Variant): Example[] {
  if (v.kind === 'homework') return [[1, 0.1], [0, 0.2], [0, 0.7]];
  const rng = rngFor(v, SALT.d);
  return [0, 1, 2].map(() => [pickOne(rng, [0, 1] as const), pickPrediction(rng)] as Example);
}

/** q1.1e: one L2 step; the homework's is w = 2, ∂L/∂w = 0.5, α = 0.1, λ = 0.01. Conventions differ by ≥ 0.002. */
export function l2Numbers(v: Variant): L2StepInput {
  if (v.kind === 'homework') return { w: 2, dLdw: 0.5, lr: 0.1, lambda: 0.01 };
  const rng = rngFor(v, SALT.e);
  for (;;) {
    const w = pickOne(rng, [-1, 1]) * pickRounded(rng, 0.5, 3, 1);
    const dLdw = pickRounded(rng, -1, 1, 2);
    const lr = pickOne(rng, [0.05, 0.1, 0.2, 0.5]);
    const lambda = pickOne(rng, [0.01, 0.02, 0.05, 0.1]);
    if (lr * lambda * Math.abs(w) >= 0.002) return { w, dLdw, lr, lambda };
  }
}
