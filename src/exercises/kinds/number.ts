/** A number answer: one value within a tolerance, with named mistakes. */
import { formatNumber } from '../format-number';
import { gradeNumber } from '../grade-number';
import type { NumberMistake, Tolerance } from '../types';
import type { ExerciseKind, LineInput } from './kind';

export interface NumberSpec {
  kind: 'number';
  key: string;
  marks: number;
  answer: number;
  tol?: Tolerance;
  mistakes?: NumberMistake[];
  /** The answer is a fraction the page may print as a percentage: a value typed without % that equals 100× the answer reads as percent. */
  percent?: boolean;
  /** Unit words the student may add after the number (`['bits', 'bit']`); another trailing word cannot be read. */
  units?: string[];
}

/** The number kind. */
export const number: ExerciseKind<NumberSpec, LineInput<'number'>> = {
  grade: (spec, raw) => gradeNumber(spec, raw),
  reference: (spec) => formatNumber(spec.answer),
  exampleRight: (spec) => formatNumber(spec.answer, 6),
  exampleWrong: (spec, k) => formatNumber(spec.answer + k * 1.5 + 1),
};
