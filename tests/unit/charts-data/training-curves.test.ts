import { describe, expect, it } from 'vitest';
import { compareCurves, epochCurves, smoothSteps } from '../../../src/charts-data/training-curves';
import { makeRun } from '../../helpers/submissions';

describe('training curves', () => {
  it('gives per-epoch points', () => {
    const c = epochCurves(makeRun(1).epochs.slice(0, 2));
    expect(c.trainLoss).toEqual([
      [1, 2],
      [2, 1],
    ]);
    expect(c.valAccuracy[1][0]).toBe(2);
  });
  it('smooths with a bias-corrected moving average and skips NaN', () => {
    const s = smoothSteps(
      [
        { step: 1, loss: 2 },
        { step: 2, loss: NaN },
        { step: 3, loss: 2 },
      ],
      0.9,
    );
    expect(s).toEqual([
      [1, 2],
      [3, expect.closeTo(2, 12)],
    ]);
    const t = smoothSteps(
      [
        { step: 1, loss: 0 },
        { step: 2, loss: 1 },
      ],
      0.5,
    );
    expect(t[1][1]).toBeCloseTo(0.5 / 0.75, 12);
    expect(() => smoothSteps([], 1)).toThrow();
  });
  it('overlays one metric of several runs, leaving out runs without epochs', () => {
    const runs = [makeRun(1), { ...makeRun(2), epochs: [] }];
    const c = compareCurves(runs, 'valLoss');
    expect(c.map((x) => x.id)).toEqual(['run-1']);
    expect(c[0].points).toHaveLength(10);
  });
});
