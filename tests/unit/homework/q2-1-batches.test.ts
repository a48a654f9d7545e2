import { describe, expect, it } from 'vitest';
import { grade } from '../../../src/exercises/grade';
import { batchesRun, loaderBatches, q21batches } from '../../../src/homework/q2-1-batches';
import { cnnRun } from '../../helpers/q2a-runs';
import { homeworkRuns } from '../../helpers/run-records';
import { HOMEWORK } from './q1-helpers';

describe('loaderBatches', () => {
  it("counts DataLoader's batches with drop_last=False: the full ones and one more for the rest", () => {
    for (const [train, bs] of [
      [3500, 32],
      [3840, 32],
      [1, 8],
      [700, 64],
      [33, 32],
    ]) {
      const b = loaderBatches(train, bs);
      expect((b.count - 1) * bs + b.last).toBe(train);
      expect(b.last).toBeGreaterThan(0);
      expect(b.last).toBeLessThanOrEqual(bs);
      expect(b.full).toBe(b.last === bs ? b.count : b.count - 1);
    }
    expect(() => loaderBatches(0, 32)).toThrow();
    expect(() => loaderBatches(10, 0)).toThrow();
  });
});

describe('q21batches', () => {
  it('is checked against the latest handed-in q2.2 run: its training split and batch size', async () => {
    const run = cnnRun({ seed: 5, train: 3500, batchSize: 32 });
    const older = { ...cnnRun({ seed: 6, train: 640, batchSize: 32 }), id: 'older', createdAt: '2020-01-01T00:00:00.000Z' };
    const runs = [older, run, homeworkRuns()[1]];
    expect(batchesRun(runs)).toBe(run);
    const b = loaderBatches(3500, 32);
    const [count, last] = await q21batches.parts(HOMEWORK, { runs });
    expect(grade(count, String(b.count)).status).toBe('correct');
    expect(grade(count, '3500/32')).toMatchObject({ status: 'wrong', mistake: 'fraction' });
    expect(grade(count, String(b.full))).toMatchObject({ status: 'wrong', mistake: 'drop-last' });
    expect(grade(last, String(b.last)).status).toBe('correct');
    expect(grade(last, '32')).toMatchObject({ status: 'wrong', mistake: 'full' });
    expect(grade(count, String(loaderBatches(640, 32).count)).status).toBe('wrong');
    for (const p of [count, last])
      if (p.kind === 'number') for (const m of p.mistakes ?? []) expect(m.message).not.toContain(String(p.answer));
  });

  it('a split that fills its batches exactly: the last batch is full and drop_last changes nothing', async () => {
    const [count, last] = await q21batches.parts(HOMEWORK, { runs: [cnnRun({ seed: 7, train: 3840, batchSize: 32 })] });
    expect(grade(count, String(3840 / 32)).status).toBe('correct');
    expect(grade(last, '32').status).toBe('correct');
  });

  it('falls back to hand marking without a handed-in q2.2 run', async () => {
    for (const runs of [[], [homeworkRuns()[1]], [{ ...cnnRun({ seed: 8 }), test: null }]]) {
      expect((await q21batches.parts(HOMEWORK, { runs })).map((p) => p.kind)).toEqual(['text', 'text']);
    }
  });
});
