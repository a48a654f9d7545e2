/** The numbers of each Question 1.2 exercise: the homework's, or ones drawn from a student's seed. */
import type { Variant } from '../exercises/types';
import { mixSeed } from '../data/rng';
import { mulberry32, pickInt, pickRounded } from '../exercises/variant';

const SALT = { b: 0x2b, d: 0x2d, e: 0x2e } as const;

const rngFor = (v: Variant, salt: number) => mulberry32(mixSeed(v.seed, salt));

/** Three distinct values drawn with `draw`. */
function distinctThree(draw: () => number): number[] {
  const out: number[] = [];
  while (out.length < 3) {
    const x = draw();
    if (!out.includes(x)) out.push(x);
  }
  return out;
}

/** q1.2b: layer sizes; the homework's are Dx = 3, Da = 4, K = 3. */
export function layerSizes(v: Variant): { Dx: number; Da: number; K: number } {
  if (v.kind === 'homework') return { Dx: 3, Da: 4, K: 3 };
  const rng = rngFor(v, SALT.b);
  return { Dx: pickInt(rng, 2, 10), Da: pickInt(rng, 2, 16), K: pickInt(rng, 2, 10) };
}

/** q1.2d: logits z[2] (K = 3) and the true class index; the homework's are [1, 2, 3] and index 1. */
export function jacobianPoint(v: Variant): { z: number[]; target: number } {
  if (v.kind === 'homework') return { z: [1, 2, 3], target: 1 };
  const rng = rngFor(v, SALT.d);
  return { z: distinctThree(() => pickRounded(rng, -2, 3, 1)), target: pickInt(rng, 0, 2) };
}

/** q1.2e: three huge logits a few units apart; the homework's are [1000, 1001, 999]. */
export function hugeLogits(v: Variant): number[] {
  if (v.kind === 'homework') return [1000, 1001, 999];
  const rng = rngFor(v, SALT.e);
  const base = 100 * pickInt(rng, 8, 30);
  return distinctThree(() => pickInt(rng, -2, 2)).map((o) => base + o);
}

/** Ordinal words for class indices 0, 1, 2. */
export const ORDINAL = ['1st', '2nd', '3rd'] as const;

/** A vector as `[a, b, c]` for the prompt. */
export const vectorText = (xs: readonly number[]): string => `[${xs.join(', ')}]`;
