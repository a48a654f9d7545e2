import { describe, expect, it } from 'vitest';
import { DIVERGENCE_FACTOR, DIVERGENCE_WINDOW, divergenceWatch } from '../../../src/train/divergence';

const run = (losses: number[], classes = 10) => {
  const w = divergenceWatch(classes);
  return { verdicts: losses.map((l) => w.observe(l)), start: w.start };
};

describe('divergenceWatch', () => {
  it('calls a run diverged once the mean of the last steps is far above the first loss (lr = 1 with Adam)', () => {
    const { verdicts, start } = run([2.31, 40, 900, 350_000, 12_000]);
    expect(start).toBe(2.31);
    expect(verdicts.indexOf('diverged')).toBe(DIVERGENCE_WINDOW - 1);
  });

  it('says nan-loss for a loss that is not a number, at once', () => {
    expect(run([2.3, NaN]).verdicts).toEqual([null, 'nan-loss']);
    expect(run([Infinity]).verdicts).toEqual(['nan-loss']);
  });

  it('leaves a sound run alone, also one that starts from trained weights with a tiny loss and rises a little', () => {
    const falling = Array.from({ length: 200 }, (_, i) => 2.3 * Math.exp(-i / 50) + 0.1 * Math.sin(i));
    expect(run(falling).verdicts.every((v) => v === null)).toBe(true);
    const trained = [0.05, 0.4, 1.2, 2.5, 3.1, 2.9];
    expect(run(trained).verdicts.every((v) => v === null)).toBe(true);
    expect(run(trained).start).toBeCloseTo(Math.log(10), 12);
  });

  it('needs the whole window far above the start: one spike is not divergence', () => {
    // the window [2.3, 2.2, spike] reaches the limit exactly when its sum is FACTOR × start × WINDOW
    const spike = DIVERGENCE_FACTOR * 2.3 * DIVERGENCE_WINDOW - (2.3 + 2.2);
    expect(run([2.3, 2.2, spike - 0.5, 2.0, 1.9]).verdicts.every((v) => v === null)).toBe(true);
    expect(run([2.3, 2.2, spike + 0.5, 2.0, 1.9]).verdicts).toEqual([null, null, 'diverged', 'diverged', null]);
  });
});
