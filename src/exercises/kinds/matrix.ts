/** A matrix answer: rows of cells, graded all together with per-cell marking (transposes named). */
import { formatNumber, formatVector } from '../format-number';
import { gradeMatrix } from '../grade-array';
import type { ArrayMistake, Tolerance } from '../types';
import type { ExerciseKind } from './kind';

export interface MatrixSpec {
  kind: 'matrix';
  key: string;
  marks: number;
  answer: number[][];
  tol?: Tolerance;
  mistakes?: ArrayMistake[];
}
export interface MatrixInput {
  key: string;
  kind: 'matrix';
  label: string;
  rows: number;
  cols: number;
  example?: string;
}

/** The matrix kind. */
export const matrix: ExerciseKind<MatrixSpec, MatrixInput> = {
  grade: (spec, raw) => gradeMatrix(spec, raw),
  reference: (spec) => `[${spec.answer.map((row) => formatVector(row)).join(', ')}]`,
  exampleRight: (spec) => spec.answer.map((r) => r.map((x) => formatNumber(x, 6))),
  exampleWrong: (spec, k) => spec.answer.map((row) => row.map((x) => formatNumber(x + k + 1))),
};
