/** A choice answer: one option (radio) or several (checkboxes). */
import { gradeChoice } from '../grade-choice';
import type { ChoiceMistake } from '../types';
import type { ExerciseKind } from './kind';

type Option = { id: string; label: string };
export interface ChoiceSpec {
  kind: 'choice';
  key: string;
  marks: number;
  options: Option[];
  correct: string[];
  multiple: boolean;
  mistakes?: ChoiceMistake[];
}
export interface ChoiceInput {
  key: string;
  kind: 'choice';
  label: string;
  multiple: boolean;
  options: Option[];
}

/** The choice kind. */
export const choice: ExerciseKind<ChoiceSpec, ChoiceInput> = {
  grade: (spec, raw) => gradeChoice(spec, raw),
  reference: (spec) =>
    spec.options
      .filter((o) => spec.correct.includes(o.id))
      .map((o) => o.label)
      .join('; '),
  exampleRight: (spec) => spec.correct.join(','),
  exampleWrong: (spec) => (spec.options.find((o) => !spec.correct.includes(o.id)) ?? spec.options[0]).id,
};
