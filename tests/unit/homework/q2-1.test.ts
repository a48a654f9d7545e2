import { describe, expect, it } from 'vitest';
import { grade } from '../../../src/exercises/grade';
import { HAND_MARKED_Q2_1, Q2_1 } from '../../../src/homework/q2-1';
import { itemOfKey } from '../../../src/homework/structure';
import type { PartSpec } from '../../../src/exercises/types';
import { homeworkRuns } from '../../helpers/run-records';
import { byId, HOMEWORK } from './q1-helpers';

const autoMarks = (parts: PartSpec[]) => parts.filter((p) => p.kind !== 'text').reduce((s, p) => s + p.marks, 0);

describe('Q2_1', () => {
  it("uses q2.1.<name> ids and keys, parts matching the inputs, and adds up to q2.1's 5 marks with HAND_MARKED_Q2_1", async () => {
    let total = 0;
    for (const ex of Q2_1) {
      expect(ex.id).toMatch(/^q2\.1\.[a-z-]+$/);
      const parts = await ex.parts(HOMEWORK, { runs: homeworkRuns() });
      expect(parts.map((p) => p.key)).toEqual(ex.inputs.map((i) => i.key));
      for (const p of parts) expect(itemOfKey(p.key)?.id).toBe('q2.1');
      expect(parts.reduce((s, p) => s + p.marks, 0)).toBeCloseTo(ex.marks, 12);
      total += ex.marks;
    }
    expect(total + HAND_MARKED_Q2_1.reduce((s, c) => s + c.marks, 0)).toBeCloseTo(5, 12);
  });

  it("grades at least 4 of the 5 marks automatically with the homework's runs handed in, and 3 without", async () => {
    const withRuns = (await Promise.all(Q2_1.map((e) => e.parts(HOMEWORK, { runs: homeworkRuns() })))).flat();
    const without = (await Promise.all(Q2_1.map((e) => e.parts(HOMEWORK, { runs: [] })))).flat();
    expect(autoMarks(withRuns)).toBeGreaterThanOrEqual(4);
    expect(autoMarks(without)).toBeCloseTo(3, 12);
  });
});

describe('q2.1.random-split', () => {
  it('only the label-blind reason is right', async () => {
    const [part] = await byId(Q2_1, 'q2.1.random-split').parts(HOMEWORK);
    expect(grade(part, 'label-blind').status).toBe('correct');
    expect(grade(part, 'no-seed')).toMatchObject({ status: 'wrong', mistake: 'no-seed' });
    expect(grade(part, 'overlap').status).toBe('wrong');
  });
});
