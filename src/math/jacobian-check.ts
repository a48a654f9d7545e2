/** Compares a student's softmax Jacobian with the truth cell by cell and names the common mistakes. */
import { outer, softmax, transpose } from './softmax';

/** A named wrong Jacobian for ŷ, with the message shown when a student's matrix matches it. */
export interface NamedMatrix {
  id: string;
  value: number[][];
  message: string;
}

/** What a comparison found: per-cell correctness, whether all cells match, and the named mistake if any. */
export interface JacobianVerdict {
  cells: boolean[][];
  correct: boolean;
  mistake?: { id: string; message: string };
}

/** The usual wrong answers for the Jacobian of softmax at z: missing diagonal term, sign error, δ forgotten. */
export function jacobianMistakes(z: readonly number[]): NamedMatrix[] {
  const y = softmax(z);
  const yyT = outer(y, y);
  return [
    {
      id: 'missing-diagonal',
      value: yyT.map((r) => r.map((v) => -v)),
      message: 'Every cell is −ŷ_k ŷ_j: the diagonal term ŷ_k δ_kj (diag(ŷ)) is missing.',
    },
    {
      id: 'sign',
      value: yyT.map((r, k) => r.map((v, j) => v - (k === j ? y[k] : 0))),
      message: 'Sign error: this is ŷŷᵀ − diag(ŷ); the Jacobian is diag(ŷ) − ŷŷᵀ (positive diagonal).',
    },
    {
      id: 'no-delta',
      value: y.map((yk) => y.map((yj) => yk * (1 - yj))),
      message: 'This is ŷ_k(1 − ŷ_j) in every cell: off the diagonal δ_kj = 0, so those cells are −ŷ_k ŷ_j.',
    },
  ];
}

/** Per-cell |a − b| ≤ tol; a cell that is missing or not finite counts as wrong. */
export function compareCells(got: readonly (readonly number[])[], want: readonly (readonly number[])[], tol: number): boolean[][] {
  return want.map((row, k) =>
    row.map((w, j) => {
      const g = got[k]?.[j];
      return g !== undefined && Number.isFinite(g) && Math.abs(g - w) <= tol;
    }),
  );
}

const allTrue = (cells: boolean[][]): boolean => cells.every((r) => r.every(Boolean));

/** Grades `got` against `truth` (from autodiff) at logits z; names transposed or a known mistake when wrong. */
export function checkJacobian(
  got: readonly (readonly number[])[],
  truth: readonly (readonly number[])[],
  z: readonly number[],
  tol = 5e-4,
): JacobianVerdict {
  const cells = compareCells(got, truth, tol);
  if (allTrue(cells)) return { cells, correct: true };
  const t = transpose(truth);
  if (allTrue(compareCells(got, t, tol))) {
    return {
      cells,
      correct: false,
      mistake: { id: 'transposed', message: 'This is the transpose: row k must hold ∂ŷ_k/∂z_j for every j.' },
    };
  }
  const named = jacobianMistakes(z).find((m) => allTrue(compareCells(got, m.value, tol)));
  return named ? { cells, correct: false, mistake: { id: named.id, message: named.message } } : { cells, correct: false };
}
