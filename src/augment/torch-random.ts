/** torch's sampling primitives (uniform_, randint, randperm, rand) and Python's round, over a seeded Rng. */
import { type Rng, shuffleInPlace } from '../data/rng';

/** Like `torch.empty(1).uniform_(a, b)`: a float uniform in [a, b). */
export function uniform(rng: Rng, a: number, b: number): number {
  return a + (b - a) * rng();
}

/** Like `torch.randint(low, high, (1,))`: an integer in [low, high); high must exceed low. */
export function randint(rng: Rng, low: number, high: number): number {
  if (!(high > low)) throw new Error(`randint: high ${high} must exceed low ${low}`);
  return low + Math.min(high - low - 1, Math.floor(rng() * (high - low)));
}

/** Like `torch.randperm(n)`: a uniformly random permutation of 0..n-1. */
export function randperm(rng: Rng, n: number): number[] {
  return shuffleInPlace(
    Array.from({ length: n }, (_, i) => i),
    rng,
  );
}

/** Python's `round(x)`: to the nearest integer, halves to even. */
export function pyRound(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** A 31-bit integer seed for a tfjs random op, drawn from `rng`. */
export function drawSeed(rng: Rng): number {
  return Math.floor(rng() * 2 ** 31);
}
