import { describe, expect, it } from 'vitest';
import { splitCounts } from '../../../src/data/split';
import { grade } from '../../../src/exercises/grade';
import { Q2_1, splitClassSize } from '../../../src/homework/q2-1';
import { itemOfKey } from '../../../src/homework/structure';
import type { RawAnswer } from '../../../src/exercises/types';
import { byId, HOMEWORK, student } from './q1-helpers';

/** Grades `raw` for answer key `key` of the homework variant (ids have three segments: q2.1.<name>). */
async function gradeKey(_list: unknown, key: string, raw: RawAnswer) {
  const ex = Q2_1.find((e) => key === e.id || key.startsWith(`${e.id}.`));
  const part = (await ex!.parts(HOMEWORK)).find((p) => p.key === key);
  if (!part) throw new Error(`no part ${key}`);
  return grade(part, raw);
}

describe('Q2_1 structure', () => {
  it('uses q2.1.<name> ids and keys, at most 5 marks in all, parts matching the inputs', async () => {
    let total = 0;
    for (const ex of Q2_1) {
      expect(ex.id).toMatch(/^q2\.1\.[a-z-]+$/);
      const parts = await ex.parts(HOMEWORK);
      expect(parts.map((p) => p.key)).toEqual(ex.inputs.map((i) => i.key));
      for (const p of parts) {
        expect(p.key === ex.id || p.key.startsWith(`${ex.id}.`)).toBe(true);
        expect(itemOfKey(p.key)?.id).toBe('q2.1');
      }
      expect(parts.reduce((s, p) => s + p.marks, 0)).toBeCloseTo(ex.marks, 12);
      total += ex.marks;
    }
    expect(total).toBeLessThanOrEqual(5);
    expect(total).toBe(2);
  });
});

describe('q2.1.split', () => {
  it('homework variant: 365 images → 256 / 36 / 73 by largest remainder', async () => {
    expect(byId(Q2_1, 'q2.1.split').params(HOMEWORK)).toEqual({ n: 365 });
    expect(splitCounts(365)).toMatchObject({ train: 256, val: 36, test: 73 });
    expect((await gradeKey(Q2_1, 'q2.1.split.train', '256')).status).toBe('correct');
    expect((await gradeKey(Q2_1, 'q2.1.split.val', '36')).status).toBe('correct');
    expect((await gradeKey(Q2_1, 'q2.1.split.test', '73')).status).toBe('correct');
  });

  it('names the rounding mistakes and rejects wrong counts', async () => {
    const up = await gradeKey(Q2_1, 'q2.1.split.val', '37');
    expect(up).toMatchObject({ status: 'wrong', mistake: 'rounded-up', marks: 0 });
    const down = await gradeKey(Q2_1, 'q2.1.split.train', '255');
    expect(down).toMatchObject({ status: 'wrong', mistake: 'floored' });
    expect((await gradeKey(Q2_1, 'q2.1.split.train', '70')).mistake).toBe('fraction');
    expect((await gradeKey(Q2_1, 'q2.1.split.test', '74')).status).toBe('wrong');
    expect((await gradeKey(Q2_1, 'q2.1.split.test', 'seventy')).status).toBe('unreadable');
  });

  it('student variants: counts from splitCounts, summing to n, graded correct', async () => {
    for (const seed of [1, 2, 3, 99, 123456789]) {
      const v = student(seed);
      const n = splitClassSize(v);
      expect(n).toBeGreaterThanOrEqual(41);
      expect(n).toBeLessThanOrEqual(640);
      const c = splitCounts(n);
      expect(c.train + c.val + c.test).toBe(n);
      const parts = await byId(Q2_1, 'q2.1.split').parts(v);
      for (const p of parts) {
        const want = c[p.key.split('.').pop() as 'train' | 'val' | 'test'];
        expect(grade(p, String(want)).status).toBe('correct');
        expect(grade(p, String(want + 1)).status).toBe('wrong');
        if (p.kind === 'number') for (const m of p.mistakes ?? []) expect(m.value).not.toBe(want);
      }
    }
  });
});

describe('q2.1.random-split and q2.1.bugs', () => {
  it('random_split: only the label-blind reason is right', async () => {
    expect((await gradeKey(Q2_1, 'q2.1.random-split', 'label-blind')).status).toBe('correct');
    expect(await gradeKey(Q2_1, 'q2.1.random-split', 'no-seed')).toMatchObject({ status: 'wrong', mistake: 'no-seed' });
    expect((await gradeKey(Q2_1, 'q2.1.random-split', 'overlap')).status).toBe('wrong');
  });

  it('bugs: the three known loader mistakes, all of them and nothing else', async () => {
    const right = ['random-split', 'getitem-gpu', 'val-loader'];
    expect((await gradeKey(Q2_1, 'q2.1.bugs', right)).status).toBe('correct');
    expect((await gradeKey(Q2_1, 'q2.1.bugs', [...right].reverse())).status).toBe('correct');
    expect(await gradeKey(Q2_1, 'q2.1.bugs', ['val-loader'])).toMatchObject({ status: 'wrong', mistake: 'incomplete' });
    expect(await gradeKey(Q2_1, 'q2.1.bugs', [...right, 'test-loader'])).toMatchObject({ status: 'wrong', mistake: 'test-shuffle' });
    expect((await gradeKey(Q2_1, 'q2.1.bugs', ['imagefolder'])).status).toBe('wrong');
  });
});
