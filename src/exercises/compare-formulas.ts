/** Decides whether two formulas agree at sample points, exactly or up to a positive constant factor. */
import type { Expr } from './expr/ast';
import { evaluate } from './expr/evaluate';
import type { Tolerance } from './types';

/** How a student's formula compares with a reference over the points where the reference is finite. */
export type FormulaComparison =
  | { kind: 'equal'; factor: number }
  | { kind: 'different'; at: Map<string, number>; student: number; reference: number }
  | { kind: 'student-undefined' }
  | { kind: 'reference-undefined' };

/**
 * Compares `student` with `reference` at `points`, skipping points where the reference is not finite.
 * With `scaleInvariant`, the student may differ by one positive factor (estimated where |reference| is largest).
 */
export function compareFormulas(
  student: Expr,
  reference: Expr,
  points: readonly Map<string, number>[],
  tol: Required<Tolerance>,
  scaleInvariant = false,
): FormulaComparison {
  const pairs = points.map((at) => ({ at, r: evaluate(reference, at), s: evaluate(student, at) })).filter((p) => Number.isFinite(p.r));
  if (pairs.length === 0) return { kind: 'reference-undefined' };
  if (pairs.every((p) => !Number.isFinite(p.s))) return { kind: 'student-undefined' };
  let factor = 1;
  if (scaleInvariant) {
    const anchor = pairs.reduce((best, p) => (Math.abs(p.r) > Math.abs(best.r) ? p : best));
    if (anchor.r !== 0) {
      factor = anchor.s / anchor.r;
      if (!(Number.isFinite(factor) && factor > 0)) factor = 1;
    }
  }
  for (const p of pairs) {
    const scaled = factor * p.r;
    const tolerance = Math.max(tol.abs, tol.rel * Math.max(Math.abs(scaled), Math.abs(p.s)));
    if (!(Number.isFinite(p.s) && Math.abs(p.s - scaled) <= tolerance)) {
      return { kind: 'different', at: p.at, student: p.s, reference: p.r };
    }
  }
  return { kind: 'equal', factor };
}

/** True when `student` equals `reference` at all points (ignoring where the reference is undefined). */
export function sameFormula(
  student: Expr,
  reference: Expr,
  points: readonly Map<string, number>[],
  tol: Required<Tolerance>,
  scaleInvariant = false,
): boolean {
  return compareFormulas(student, reference, points, tol, scaleInvariant).kind === 'equal';
}
