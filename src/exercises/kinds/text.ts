/** A free-text answer: saved for the instructor, never graded automatically. */
import { manual } from '../feedback';
import type { ExerciseKind, LineInput } from './kind';

export interface TextSpec { kind: 'text'; key: string; marks: number }

/** The text kind. */
export const text: ExerciseKind<TextSpec, LineInput<'text'>> = {
  grade: (spec) => manual(spec),
  reference: () => '',
  exampleRight: () => 'Because the validation loss rises after epoch 2 while training accuracy keeps climbing.',
  exampleWrong: (_spec, k) => `I am not sure (${k}).`,
};
