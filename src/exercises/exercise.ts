import type { InputDef, PartSpec, Variant } from './types';
import type { RunRecord } from '../record/run-record';

/** What an exercise may read besides the variant: the run records handed in (page) or in the submission (grader). */
export interface ExerciseContext {
  runs: readonly RunRecord[];
}

export type { InputDef } from './kinds';

/** One exercise of the homework (an id such as `q1.1d`), with parts generated from a variant. */
export interface ExerciseDef {
  /** Homework id, e.g. `q1.1d`; answer keys are this id or `id.part`. */
  id: string;
  /** Total marks of the exercise (sum of its parts' marks). */
  marks: number;
  title: string;
  /** The inputs in display order; their keys are the submission's answer keys. */
  inputs: InputDef[];
  /** Numbers shown in the prompt for this variant (the page fills `data-param` placeholders). */
  params(variant: Variant): Record<string, string | number>;
  /** Gradable parts for this variant (and the student's runs, for exercises marked `usesRuns`), one per input key; may load tfjs lazily. */
  parts(variant: Variant, context?: ExerciseContext): Promise<PartSpec[]>;
  /** True when the parts depend on `context.runs` (the grader must not share them between submissions). */
  usesRuns?: boolean;
  hints?: string[];
}
