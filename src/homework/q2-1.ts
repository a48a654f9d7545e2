import type { ExerciseDef } from '../exercises/exercise';

/** Exercises of chapter 2.1. */
export const Q2_1: ExerciseDef[] = [];
