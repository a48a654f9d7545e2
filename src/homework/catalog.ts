import type { ExerciseDef } from '../exercises/exercise';
import { Q1_1 } from './q1-1';
import { Q1_2 } from './q1-2';
import { Q2_1 } from './q2-1';
import { Q2_2 } from './q2-2';
import { Q2_3 } from './q2-3';
import { Q2_4 } from './q2-4';
import { Q2_6 } from './q2-6';

/** Every exercise of the book; the pages, the tests and the grader read this one list. */
export const EXERCISES: ExerciseDef[] = [...Q1_1, ...Q1_2, ...Q2_1, ...Q2_2, ...Q2_3, ...Q2_4, ...Q2_6];

/** The exercise with homework id `id`, or undefined. */
export function exerciseById(id: string): ExerciseDef | undefined {
  return EXERCISES.find((e) => e.id === id);
}

/** Every answer key of the book, in order. */
export function allAnswerKeys(): string[] {
  return EXERCISES.flatMap((e) => e.inputs.map((i) => i.key));
}
