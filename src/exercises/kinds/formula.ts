/** A formula answer, compared with the reference at sampled points. */
import { gradeFormula } from '../grade-formula';
import type { FormulaMistake, FormulaVariable, Tolerance } from '../types';
import type { ExerciseKind, LineInput } from './kind';

export interface FormulaSpec {
  kind: 'formula';
  key: string;
  marks: number;
  answer: string;
  variables: FormulaVariable[];
  tol?: Tolerance;
  /** Extra constraint on sampled points, e.g. Kronecker delta `d` consistent with indices. */
  points?: number;
  mistakes?: FormulaMistake[];
  functions?: string[];
  /** Accept the answer up to a positive constant factor (e.g. any log base used consistently). */
  scaleInvariant?: boolean;
  /** Other spellings of variables the student may type, e.g. `{ 'ŷ': 'p' }`. */
  aliases?: Record<string, string>;
  /** How the preview shows a variable, as TeX (`{ d: '\\delta_{kj}', p: '\\hat y' }`); default: its name. */
  display?: Record<string, string>;
}

/** The formula kind. */
export const formula: ExerciseKind<FormulaSpec, LineInput<'formula'>> = {
  grade: (spec, raw, opts) => gradeFormula(spec, raw, opts.formulaSeed),
  reference: (spec) => spec.answer,
  exampleRight: (spec) => spec.answer,
  exampleWrong: (spec, k) => `${spec.answer} + ${k}`,
};
