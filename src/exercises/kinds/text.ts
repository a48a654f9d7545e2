/** A free-text answer: saved for the instructor, never graded automatically. */
import { manual } from '../feedback';
import type { ExerciseKind, LineInput } from './kind';

/** One criterion of a hand-marking rubric: ticking it in the gradebook gives its marks. */
export interface RubricCriterion {
  id: string;
  label: string;
  marks: number;
}

/** `rubric`: how the instructor marks this answer; its criteria add up to `marks` (tests/unit/homework/rubric.test.ts). */
export interface TextSpec {
  kind: 'text';
  key: string;
  marks: number;
  rubric?: RubricCriterion[];
}

/** The text kind. */
export const text: ExerciseKind<TextSpec, LineInput<'text'>> = {
  grade: (spec) => manual(spec),
  reference: () => '',
  exampleRight: () =>
    'It overfits: the training loss keeps falling while the validation loss stops falling, and training accuracy ends far above validation accuracy.',
  exampleWrong: (_spec, k) => `I am not sure (${k}).`,
};
