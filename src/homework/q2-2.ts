import type { ExerciseDef } from '../exercises/exercise';

/** Exercises of chapter 2.2. */
export const Q2_2: ExerciseDef[] = [];
