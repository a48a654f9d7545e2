import { describe, expect, it } from 'vitest';
import { grade } from '../../../src/exercises/grade';
import { q22curves } from '../../../src/homework/q2-2-own-run';
import { bestEpoch } from '../../../src/homework/q2-2-curves';
import { METRIC_TOL } from '../../../src/homework/answer-tolerance';
import { cnnRun, epochsOf } from '../../helpers/q2a-runs';
import { HOMEWORK } from './q1-helpers';

/** Validation loss lowest at epoch 4 (and again at 6), validation accuracy highest at epoch 5, train accuracy 0.91 vs 0.47 at the end. */
const EPOCHS = epochsOf([
  [2.1, 0.25, 1.9, 0.3],
  [1.7, 0.4, 1.7, 0.38],
  [1.4, 0.5, 1.6, 0.42],
  [1.1, 0.6, 1.5, 0.45],
  [0.8, 0.7, 1.55, 0.49],
  [0.6, 0.78, 1.5, 0.48],
  [0.4, 0.85, 1.8, 0.47],
  [0.3, 0.91, 2.1, 0.47],
]);

describe('q22curves', () => {
  it('checks the epoch with the lowest validation loss (the first on a tie) and the final train–validation gap', async () => {
    const run = cnnRun({ seed: 4, epochs: EPOCHS });
    const [best, gap] = await q22curves.parts(HOMEWORK, { runs: [run] });
    expect(bestEpoch(EPOCHS)).toBe(4);
    expect(grade(best, '4').status).toBe('correct');
    expect(grade(best, '6')).toMatchObject({ status: 'wrong', mistake: 'tie' });
    expect(grade(best, '5')).toMatchObject({ status: 'wrong', mistake: 'best-acc' });
    expect(grade(best, '8')).toMatchObject({ status: 'wrong', mistake: 'train-loss' });
    const g = EPOCHS.at(-1)!.trainAccuracy - EPOCHS.at(-1)!.valAccuracy;
    for (const raw of [g.toFixed(4), `${(100 * g).toFixed(1)} %`, '91.0 - 47.0']) expect(grade(gap, raw).status, raw).toBe('correct');
    expect(grade(gap, String(g + 2 * METRIC_TOL.abs)).status).toBe('wrong');
    expect(grade(gap, String(-g))).toMatchObject({ status: 'wrong', mistake: 'sign' });
    for (const p of [best, gap]) if (p.kind === 'number') for (const m of p.mistakes ?? []) expect(m.message).not.toMatch(/\d/);
  });

  it('falls back to hand marking without a handed-in q2.2 run', async () => {
    expect((await q22curves.parts(HOMEWORK, { runs: [] })).map((p) => p.kind)).toEqual(['text', 'text']);
  });
});
