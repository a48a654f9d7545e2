/** What each graded item leaves to the instructor beyond its exercises (a Question 2 report's code, plots, training), per item id. */
import type { RubricCriterion } from '../exercises/kinds/text';
import { HAND_MARKED_Q2_1 } from './q2-1';
import { HAND_MARKED_Q2_2 } from './q2-2';
import { HAND_MARKED_Q2_3 } from './q2-3';
import { HAND_MARKED_Q2_4 } from './q2-4';
import { HAND_MARKED_Q2_6 } from './q2-6';

/** Criteria for the marks of an item that no exercise input covers; with the exercises' marks they add up to the item's. */
export const HAND_MARKED: Readonly<Record<string, readonly RubricCriterion[]>> = {
  'q2.1': HAND_MARKED_Q2_1,
  'q2.2': HAND_MARKED_Q2_2,
  'q2.3': HAND_MARKED_Q2_3,
  'q2.4': HAND_MARKED_Q2_4,
  'q2.6': HAND_MARKED_Q2_6,
};

/** The hand-marked criteria of item `id` beyond its exercises ([] for an item fully covered by exercises). */
export function handMarked(id: string): readonly RubricCriterion[] {
  return Object.hasOwn(HAND_MARKED, id) ? HAND_MARKED[id] : [];
}
