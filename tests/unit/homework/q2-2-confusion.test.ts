import { describe, expect, it } from 'vitest';
import { grade } from '../../../src/exercises/grade';
import type { PartSpec } from '../../../src/exercises/types';
import { confusionFacts, q22confusion, RECALL_TOL } from '../../../src/homework/q2-2-confusion';
import { metricsFromConfusion } from '../../../src/train/metrics';
import { cnnRun } from '../../helpers/q2a-runs';
import { homeworkRuns } from '../../helpers/run-records';
import { HOMEWORK } from './q1-helpers';

/** A 4-class matrix: class 2 is confused with 0 most (7 images), class 3 has the lowest recall (12 of 22). */
const MATRIX = [
  [30, 2, 1, 0],
  [3, 25, 0, 2],
  [7, 1, 20, 2],
  [4, 6, 0, 12],
];
/** Every class has recall 0.5; three cells off the diagonal hold 3 images. */
const TIED = [
  [5, 3, 2],
  [3, 5, 2],
  [2, 3, 5],
];

async function parts(confusion: number[][]): Promise<Record<string, PartSpec>> {
  const list = await q22confusion.parts(HOMEWORK, { runs: [cnnRun({ seed: 3, confusion })] });
  return Object.fromEntries(list.map((p) => [p.key.split('.').pop()!, p]));
}

describe('confusionFacts', () => {
  it('finds the largest off-diagonal cell and the class with the lowest recall', () => {
    const f = confusionFacts(MATRIX);
    expect(f).toMatchObject({ pair: [2, 0], pairCount: 7, tiedPairs: [], worst: 3, tiedWorst: [] });
    expect(f.worstRecall).toBeCloseTo(metricsFromConfusion(MATRIX).perClass[3].recall, 12);
  });

  it('breaks ties towards the smaller class numbers and lists the other tied cells and classes', () => {
    const f = confusionFacts(TIED);
    expect(f.pair).toEqual([0, 1]);
    expect(f.tiedPairs).toEqual([
      [1, 0],
      [2, 1],
    ]);
    expect(f.worst).toBe(0);
    expect(f.tiedWorst).toEqual([1, 2]);
  });

  it('has no pair when nothing is misclassified, and skips classes without test images', () => {
    const f = confusionFacts([
      [4, 0, 0],
      [0, 0, 0],
      [0, 0, 6],
    ]);
    expect(f.pair).toBeNull();
    expect(f.worst).toBe(0);
  });
});

describe('q22confusion', () => {
  it('grades the pair, its count, the worst class and its recall against the handed-in run', async () => {
    const p = await parts(MATRIX);
    expect(grade(p.pair, ['2', '0']).status).toBe('correct');
    expect(grade(p.pair, ['0', '2'])).toMatchObject({ status: 'wrong', mistake: 'reversed' });
    expect(grade(p.pair_count, '7').status).toBe('correct');
    expect(grade(p.pair_count, '10')).toMatchObject({ status: 'wrong', mistake: 'row-errors' });
    expect(grade(p.pair_count, '8')).toMatchObject({ status: 'wrong', mistake: 'both-ways' });
    expect(grade(p.worst, '3').status).toBe('correct');
    const recall = metricsFromConfusion(MATRIX).perClass[3].recall;
    for (const raw of [recall.toFixed(2), `${(100 * recall).toFixed(1)} %`, String(100 * recall)])
      expect(grade(p.worst_recall, raw).status, raw).toBe('correct');
    expect(grade(p.worst_recall, String(recall + 2 * RECALL_TOL.abs)).status).toBe('wrong');
    expect(grade(p.worst_recall, String(1 - recall)).status).toBe('wrong');
  });

  it('names a tied pair and a tied class as ties, without giving the answer', async () => {
    const p = await parts(TIED);
    const tie = grade(p.pair, ['1', '0']);
    expect(tie).toMatchObject({ status: 'wrong', mistake: 'tie' });
    expect(tie.message).not.toMatch(/\d/);
    expect(grade(p.worst, '2')).toMatchObject({ status: 'wrong', mistake: 'tie' });
  });

  it("names recall's neighbours: precision, F1 and the error rate", async () => {
    const m = [
      [8, 0, 2],
      [6, 4, 0],
      [0, 0, 10],
    ];
    const p = await parts(m);
    const c = metricsFromConfusion(m).perClass;
    expect(confusionFacts(m).worst).toBe(1);
    expect(grade(p.worst_recall, String(1 - c[1].recall))).toMatchObject({ mistake: 'error-rate' });
    expect(grade(p.worst, '0')).toMatchObject({ status: 'wrong', mistake: 'precision' });
  });

  it("reads the homework's CNN run, and falls back to hand marking without a run or without errors", async () => {
    const withRuns = await q22confusion.parts(HOMEWORK, { runs: homeworkRuns() });
    expect(withRuns.map((p) => p.kind)).toEqual(['vector', 'number', 'number', 'number']);
    expect((await q22confusion.parts(HOMEWORK, { runs: [] })).map((p) => p.kind)).toEqual(['text', 'text', 'text', 'text']);
    const perfect = await parts([
      [4, 0],
      [0, 6],
    ]);
    expect([perfect.pair.kind, perfect.pair_count.kind, perfect.worst.kind]).toEqual(['text', 'text', 'number']);
  });
});
