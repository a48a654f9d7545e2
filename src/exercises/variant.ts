/** Per-student variants: a stable seed from (student id, course salt) and a seeded RNG to draw numbers from it. */
import type { Variant } from './types';
import { mulberry32 } from '../data/rng';

/** The seeded generator every variant draws from (one implementation for the whole book). */
export { mulberry32 };

/** The homework's own numbers (seed 0). */
export const homeworkVariant: Variant = { kind: 'homework', seed: 0 };

/** A stable unsigned 32-bit hash of the trimmed, lower-cased id and the salt (FNV-1a, then a murmur3 finaliser). */
export function seedFor(studentId: string, salt: string): number {
  const text = `${studentId.trim().toLowerCase()}\u0000${salt}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The variant a student gets: their own seed when the course uses per-student variants and the id is not blank. */
export function variantFor(studentId: string, course: { perStudentVariants: boolean; salt: string }): Variant {
  if (!course.perStudentVariants || studentId.trim() === '') return homeworkVariant;
  return { kind: 'student', seed: seedFor(studentId, course.salt) };
}

/** A "nice" number in [lo, hi] rounded to `decimals` places (e.g. 0.35 for a probability). */
export function pickRounded(rng: () => number, lo: number, hi: number, decimals: number): number {
  const step = 10 ** -decimals;
  const first = Math.ceil(lo / step - 1e-9);
  const last = Math.floor(hi / step + 1e-9);
  if (last < first) return Number(lo.toFixed(decimals));
  const k = first + Math.floor(rng() * (last - first + 1));
  return Number((k * step).toFixed(Math.max(0, decimals)));
}

/** An integer in [lo, hi], both included. */
export function pickInt(rng: () => number, lo: number, hi: number): number {
  return pickRounded(rng, lo, hi, 0);
}

/** One element of a non-empty list. */
export function pickOne<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.min(items.length - 1, Math.floor(rng() * items.length))];
}
