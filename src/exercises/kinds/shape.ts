/** A tensor shape answer (`16 × 6 × 6`, symbols allowed). */
import { gradeShape } from '../grade-shape';
import type { ExerciseKind, LineInput } from './kind';

export interface ShapeSpec {
  kind: 'shape';
  key: string;
  marks: number;
  answer: string[];
  symbols?: string[];
  mistakes?: { id: string; value: string[]; message: string }[];
}

/** The shape kind. */
export const shape: ExerciseKind<ShapeSpec, LineInput<'shape'>> = {
  grade: (spec, raw) => gradeShape(spec, raw),
  reference: (spec) => spec.answer.join(' × '),
  exampleRight: (spec) => spec.answer.join(' x '),
  exampleWrong: (spec) => spec.answer.slice().reverse().concat(['7']).join(' x '),
};
