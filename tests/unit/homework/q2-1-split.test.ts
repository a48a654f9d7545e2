import { describe, expect, it } from 'vitest';
import { splitCounts } from '../../../src/data/split';
import { grade } from '../../../src/exercises/grade';
import { chainedTrainTestSplit, q21split, splitClassSize, splitMistakes, SPLITS } from '../../../src/homework/q2-1-split';
import { HOMEWORK, student } from './q1-helpers';

async function gradeSplit(key: 'train' | 'val' | 'test', raw: string, v = HOMEWORK) {
  const part = (await q21split.parts(v)).find((p) => p.key === `q2.1.split.${key}`)!;
  return grade(part, raw);
}

describe('chainedTrainTestSplit', () => {
  it('rounds each test part up, as scikit-learn does: 365 images give 255/36/74', () => {
    expect(chainedTrainTestSplit(365)).toEqual({ train: 255, val: 36, test: 74 });
    for (let n = 1; n < 700; n++) {
      const c = chainedTrainTestSplit(n);
      expect(c.train + c.val + c.test).toBe(n);
    }
  });
});

describe('q21split', () => {
  it("homework variant: 365 images → 256 / 36 / 73 by the largest remainder rule of the book's split", async () => {
    expect(q21split.params(HOMEWORK)).toEqual({ n: 365 });
    expect(splitCounts(365)).toMatchObject({ train: 256, val: 36, test: 73 });
    expect((await gradeSplit('train', '256')).status).toBe('correct');
    expect((await gradeSplit('val', '36')).status).toBe('correct');
    expect((await gradeSplit('test', '73')).status).toBe('correct');
    expect((await gradeSplit('train', '0.7*365 + 0.5')).status).toBe('correct');
  });

  it('never accepts the unrounded share, and never talks about decimals for a count', async () => {
    for (const [key, raw] of [
      ['train', '255.5'],
      ['val', '36.5'],
      ['train', '0.7*365'],
      ['val', '37'],
      ['test', '74'],
    ] as const) {
      const fb = await gradeSplit(key, raw);
      expect(fb.status, `${key} ${raw}`).toBe('wrong');
      expect(fb.message).not.toMatch(/decimal|digits/);
    }
  });

  it("names the chapter's old scikit-learn counts and the roundings without stating a false sum or the answer", async () => {
    const train = await gradeSplit('train', '255');
    expect(train).toMatchObject({ status: 'wrong', mistake: 'floored' });
    expect(train.message).toContain('train_test_split');
    expect(train.message).not.toMatch(/\d+ \+ \d+|256/);
    expect(await gradeSplit('test', '74')).toMatchObject({ status: 'wrong', mistake: 'chained-split' });
    expect(await gradeSplit('val', '37')).toMatchObject({ status: 'wrong', mistake: 'rounded' });
    expect((await gradeSplit('train', '70')).mistake).toBe('fraction');
    expect((await gradeSplit('test', 'seventy')).status).toBe('unreadable');
  });

  it('student variants: counts from splitCounts summing to n; no mistake equals the answer, none states it', async () => {
    for (const seed of [1, 2, 3, 99, 4242, 123456789]) {
      const v = student(seed);
      const n = splitClassSize(v);
      expect(n).toBeGreaterThanOrEqual(41);
      expect(n).toBeLessThanOrEqual(640);
      const c = splitCounts(n);
      expect(c.train + c.val + c.test).toBe(n);
      for (const s of SPLITS) {
        expect((await gradeSplit(s.key, String(c[s.key]), v)).status).toBe('correct');
        expect((await gradeSplit(s.key, String(c[s.key] + 1), v)).status).toBe('wrong');
        for (const m of splitMistakes(n, s.key)) {
          expect(m.value).not.toBe(c[s.key]);
          expect(m.message).not.toContain(String(c[s.key]));
        }
      }
    }
  });
});
