import { describe, it, expect } from 'vitest';
import { EXERCISES, allAnswerKeys } from '../../../src/homework/catalog';
import { GRADED_ITEMS, TOTAL_MARKS, itemOfKey, QUESTIONS } from '../../../src/homework/structure';
import { ANSWER_KEY } from '../../../src/submission/limits';
import { homeworkVariant } from '../../../src/exercises/variant';

describe('the catalog of exercises', () => {
  it('uses answer keys the submission format accepts, each once, each under a graded item', () => {
    const keys = allAnswerKeys();
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) {
      expect(key, key).toMatch(ANSWER_KEY);
      expect(itemOfKey(key), key).toBeDefined();
    }
  });

  it('gives every exercise parts for exactly its inputs, with marks adding up to the exercise', async () => {
    for (const ex of EXERCISES) {
      const parts = await ex.parts(homeworkVariant);
      expect(parts.map((p) => p.key).sort(), ex.id).toEqual(ex.inputs.map((i) => i.key).sort());
      expect(
        parts.reduce((s, p) => s + p.marks, 0),
        ex.id,
      ).toBeCloseTo(ex.marks, 6);
    }
  });

  it('never gives an item more auto-graded marks than the homework does', () => {
    for (const item of GRADED_ITEMS) {
      const marks = EXERCISES.filter((e) => itemOfKey(e.id)?.id === item.id).reduce((s, e) => s + e.marks, 0);
      expect(marks, item.id).toBeLessThanOrEqual(item.marks + 1e-9);
    }
  });

  it('adds up to the homework’s 55 marks, 15 for Question 1 and 40 for Question 2', () => {
    expect(GRADED_ITEMS.reduce((s, i) => s + i.marks, 0)).toBe(TOTAL_MARKS);
    for (const q of QUESTIONS) {
      expect(q.chapters.reduce((s, c) => s + c.marks, 0)).toBe(q.marks);
      for (const c of q.chapters)
        expect(
          c.items.reduce((s, i) => s + i.marks, 0),
          c.part,
        ).toBe(c.marks);
    }
    const q1 = EXERCISES.filter((e) => e.id.startsWith('q1.'));
    expect(q1.reduce((s, e) => s + e.marks, 0)).toBe(15);
  });
});
