/** A vector answer: entries typed in cells, graded all together with per-cell marking. */
import { formatNumber, formatVector } from '../format-number';
import { gradeVector } from '../grade-array';
import type { ArrayMistake, Tolerance } from '../types';
import type { ExerciseKind } from './kind';

export interface VectorSpec {
  kind: 'vector';
  key: string;
  marks: number;
  answer: number[];
  tol?: Tolerance;
  mistakes?: ArrayMistake[];
}
export interface VectorInput {
  key: string;
  kind: 'vector';
  label: string;
  length: number;
  example?: string;
}

/** The vector kind. */
export const vector: ExerciseKind<VectorSpec, VectorInput> = {
  grade: (spec, raw) => gradeVector(spec, raw),
  reference: (spec) => formatVector(spec.answer),
  exampleRight: (spec) => spec.answer.map((x) => formatNumber(x, 6)),
  exampleWrong: (spec, k) => spec.answer.map((x) => formatNumber(x + k + 1)),
};
