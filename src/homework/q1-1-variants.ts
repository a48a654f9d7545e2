/** The numbers of each Question 1.1 exercise: the homework's, or ones drawn from a student's seed. */
import type { Variant } from '../exercises/types';
import { mixSeed } from '../data/rng';
import { mulberry32, pickOne, pickRounded } from '../exercises/variant';
import { bceGradLogit, mseGradLogit } from '../math/logistic';
import type { L2StepInput } from '../math/l2-step';

/** A labelled prediction (y, ŷ). */
export type Example = readonly [0 | 1, number];

/** Salts so that each exercise (and each new part of one) draws its own stream from the student's seed. */
const SALT = { a: 0x1a, c: 0x1c, d: 0x1d, e: 0x1e, eDecay: 0x1e1, eNorms: 0x1e2 } as const;

const rngFor = (v: Variant, salt: number) => mulberry32(mixSeed(v.seed, salt));

/** A prediction that is never 0.5 (where both branches of BCE agree), two decimals. */
function pickPrediction(rng: () => number): number {
  return rng() < 0.5 ? pickRounded(rng, 0.05, 0.45, 2) : pickRounded(rng, 0.55, 0.95, 2);
}

/** A confidently wrong papaya: label y and a logit z far on the wrong side (|z| in 3–5.5, hundredths never 0). */
export interface ConfidentlyWrong {
  y: 0 | 1;
  z: number;
}

/** q1.1a: the confidently wrong papaya; the homework's is y = 1, z = −4.35 (ŷ ≈ 0.013). */
export function confidentlyWrong(v: Variant): ConfidentlyWrong {
  if (v.kind === 'homework') return { y: 1, z: -4.35 };
  const rng = rngFor(v, SALT.a);
  const y = pickOne(rng, [0, 1] as const);
  for (;;) {
    const size = pickRounded(rng, 3.01, 5.49, 2);
    if (Math.round(size * 100) % 10 !== 0) return { y, z: y === 1 ? -size : size };
  }
}

/** q1.1a's answers: ∂L/∂z of ½(ŷ − y)² and of BCE in nats (the book's log is ln) at the papaya's logit. */
export function logitGradients(p: ConfidentlyWrong): { mse: number; bce: number } {
  return { mse: mseGradLogit(p.y, p.z), bce: bceGradLogit(p.y, p.z) };
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
  if (v.kind === 'homework')
    return [
      [1, 0.1],
      [0, 0.2],
      [0, 0.7],
    ];
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

/** Step counts q1.1e.decay may ask about. */
const DECAY_STEPS = [10, 20, 50, 100, 200, 500] as const;

/** w after `k` steps of gradient descent on λw² alone (data gradient 0): w(1 − 2αλ)^k. */
export function decayedWeight(s: L2StepInput, k: number): number {
  return s.w * (1 - 2 * s.lr * s.lambda) ** k;
}

/** True when `k` steps shrink w to 30–90 % of itself: visible decay that a linear guess w(1 − 2αλk) misses by > 0.005. */
function goodStepCount(s: L2StepInput, k: number): boolean {
  const factor = decayedWeight(s, k) / s.w;
  const linear = s.w * (1 - 2 * s.lr * s.lambda * k);
  return factor >= 0.3 && factor <= 0.9 && Math.abs(linear - decayedWeight(s, k)) > 5e-3;
}

/** q1.1e.decay: how many steps of pure weight decay to apply to q1.1e's w; the homework's is 100. */
export function decaySteps(v: Variant): number {
  if (v.kind === 'homework') return 100;
  const s = l2Numbers(v);
  const fit = DECAY_STEPS.filter((k) => goodStepCount(s, k));
  return pickOne(rngFor(v, SALT.eDecay), fit.length > 0 ? fit : [10]);
}

/** The names q1.1e.effect prints its three weight vectors under. */
export const NORM_NAMES = ['P', 'Q', 'R'] as const;

/** q1.1e.effect: three final weight vectors (λ = 0, small, large, shown in a seeded order) and the index of each role. */
export interface NormQuestion {
  vectors: [number[], number[], number[]];
  /** Index (into `vectors`) of the model with the largest λ: the smallest ‖w‖. */
  largest: number;
  /** Index of the model without L2: the largest ‖w‖. */
  none: number;
  /** Index of the middle model, which holds the single entry of smallest magnitude (the trap of comparing entries). */
  middle: number;
}

const norm = (w: readonly number[]) => Math.hypot(...w);

/** True when the norms are well apart and the middle model (not the largest-λ one) holds the smallest entry. */
function goodNorms(large: number[], small: number[], none: number[]): boolean {
  const entries = (w: number[]) => Math.min(...w.map(Math.abs));
  return (
    norm(large) < 0.7 * norm(small) && norm(small) < 0.7 * norm(none) && entries(small) < entries(large) && entries(small) < entries(none)
  );
}

/** q1.1e.effect's weight vectors; the homework's are P = [2.9, −0.4], Q = [1.1, −1.2], R = [6.4, −2.3] (Q has the largest λ). */
export function normQuestion(v: Variant): NormQuestion {
  if (v.kind === 'homework')
    return {
      vectors: [
        [2.9, -0.4],
        [1.1, -1.2],
        [6.4, -2.3],
      ],
      largest: 1,
      none: 2,
      middle: 0,
    };
  const rng = rngFor(v, SALT.eNorms);
  const signs = [pickOne(rng, [-1, 1]), pickOne(rng, [-1, 1])];
  const draw = (lo: number, hi: number) => signs.map((s) => s * pickRounded(rng, lo, hi, 1));
  for (;;) {
    const large = draw(0.3, 1.5);
    const small = draw(0.1, 4);
    const none = draw(0.5, 8);
    if (!goodNorms(large, small, none)) continue;
    const order = pickOne(rng, [
      [0, 1, 2],
      [0, 2, 1],
      [1, 0, 2],
      [1, 2, 0],
      [2, 0, 1],
      [2, 1, 0],
    ]);
    const byRole = [large, small, none];
    const vectors = order.map((role) => byRole[role]) as NormQuestion['vectors'];
    return { vectors, largest: order.indexOf(0), middle: order.indexOf(1), none: order.indexOf(2) };
  }
}
