/** Checks a formula for ∂ŷ_k/∂z_j in (y_k, y_j, d = δ_kj) against a reference Jacobian at every (k, j). */

/** The formula evaluated at one cell: y_k = ŷ_k, y_j = ŷ_j, d = δ_kj. */
export type DeltaFormula = (yk: number, yj: number, d: number) => number;

/** One cell of the check: the reference value, the formula's value and whether they agree. */
export interface DeltaCell {
  k: number;
  j: number;
  expected: number;
  got: number;
  ok: boolean;
}

/** Evaluates `formula` at every (k, j) for the probabilities ŷ and compares with `jacobian` within `tol` (absolute). */
export function checkDeltaFormula(
  formula: DeltaFormula,
  yhat: readonly number[],
  jacobian: readonly (readonly number[])[],
  tol = 1e-5,
): DeltaCell[] {
  const cells: DeltaCell[] = [];
  yhat.forEach((yk, k) =>
    yhat.forEach((yj, j) => {
      const expected = jacobian[k][j];
      const got = formula(yk, yj, k === j ? 1 : 0);
      cells.push({ k, j, expected, got, ok: Number.isFinite(got) && Math.abs(got - expected) <= tol });
    }),
  );
  return cells;
}
