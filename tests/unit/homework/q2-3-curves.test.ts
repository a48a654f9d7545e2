import { describe, expect, it } from 'vitest';
import { VAL_RISE, curveFacts } from '../../../src/homework/q2-3-curves';
import { HOMEWORK_LIKE_CURVES, withCurves } from '../../helpers/q2b-runs';
import { comparisonRun } from '../../helpers/run-records';

const base = comparisonRun({ id: 'a', question: 'q2.3', seed: 1, skill: 9, finalTrain: 0.88, finalVal: 0.58 });

describe('curveFacts', () => {
  it("calls the homework's run (88 % vs 58 %) overfitting, a close pair with a falling validation loss a fit, and the middle unclear", () => {
    expect(curveFacts(base.epochs)?.verdict).toBe('overfit');
    const fit = [1, 2, 3].map((epoch) => ({
      epoch,
      trainLoss: 2 / epoch,
      valLoss: 2.1 / epoch,
      trainAccuracy: 0.5 + 0.1 * epoch,
      valAccuracy: 0.49 + 0.1 * epoch,
      seconds: 1,
    }));
    expect(curveFacts(fit)).toMatchObject({ verdict: 'fits', bestEpoch: 3, valLoss: 'falling' });
    expect(curveFacts(fit)!.gap).toBeCloseTo(0.01, 12);
    const middle = fit.map((e) => ({ ...e, valAccuracy: e.trainAccuracy - 0.07 }));
    expect(curveFacts(middle)?.verdict).toBe('unclear');
    expect(curveFacts([])).toBeNull();
  });

  it("reads a log like the homework's: lowest validation loss at epoch 9, not 2, ending more than 10 % above it, so it rose again", () => {
    const f = curveFacts(withCurves(base, HOMEWORK_LIKE_CURVES).epochs)!;
    const losses = HOMEWORK_LIKE_CURVES.map((r) => r[2]);
    expect(f.bestEpoch).toBe(losses.indexOf(Math.min(...losses)) + 1);
    expect(f.bestEpoch).toBe(9);
    expect(f.valRise).toBeCloseTo(losses[9] / losses[8] - 1, 12);
    expect(f).toMatchObject({ verdict: 'overfit', valLoss: 'rising' });
  });

  it('says the validation loss stopped improving when it ends a little above its lowest, and leaves the boundary to the instructor', () => {
    const low = 1.2;
    const ending = (rise: number) =>
      withCurves(base, [
        [0.6, 0.55, 1.5],
        [0.7, 0.6, low],
        [0.75, 0.6, low * (1 + rise)],
      ]).epochs;
    expect(curveFacts(ending(VAL_RISE / 2))?.valLoss).toBe('flat');
    expect(curveFacts(ending(2 * VAL_RISE))?.valLoss).toBe('rising');
    expect(curveFacts(ending(VAL_RISE))?.valLoss).toBe('unclear');
  });
});
