/** Closeness of a student's number to an expected one under a relative/absolute tolerance. */
import type { Tolerance } from './types';

/** Default for typed numbers: within 1% of the expected value. */
export const NUMBER_TOLERANCE: Required<Tolerance> = { rel: 0.01, abs: 1e-12 };
/** Default for formulas compared at sample points: agreement to floating-point noise. */
export const FORMULA_TOLERANCE: Required<Tolerance> = { rel: 1e-6, abs: 1e-9 };

/** `tol` with missing fields taken from `defaults`. */
export function withDefaults(tol: Tolerance | undefined, defaults: Required<Tolerance>): Required<Tolerance> {
  return { rel: tol?.rel ?? defaults.rel, abs: tol?.abs ?? defaults.abs };
}

/** True when |actual − expected| ≤ max(abs, rel·|expected|); non-finite values are never close. */
export function isClose(actual: number, expected: number, tol: Required<Tolerance>): boolean {
  if (!Number.isFinite(actual) || !Number.isFinite(expected)) return false;
  return Math.abs(actual - expected) <= Math.max(tol.abs, tol.rel * Math.abs(expected));
}

/** Element-wise `isClose` of two flat lists; false when the lengths differ. */
export function allClose(actual: readonly number[], expected: readonly number[], tol: Required<Tolerance>): boolean {
  return actual.length === expected.length && actual.every((a, i) => isClose(a, expected[i], tol));
}
