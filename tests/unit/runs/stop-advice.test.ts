import { describe, expect, it } from 'vitest';
import { lowerLearningRate, stopAdvice } from '../../../src/runs/stop-advice';
import { makeRun } from '../../helpers/submissions';

const run = (stopped: string | null, learningRate: number, losses: number[]) => {
  const r = makeRun(1);
  return { ...r, stopped, config: { ...r.config, learningRate }, steps: losses.map((loss, i) => ({ step: i + 1, loss })) };
};

describe('stopAdvice', () => {
  it('names the rise of a diverging loss and a lower learning rate to try', () => {
    const text = stopAdvice(run('diverged', 1, [2.3089, 13_071_206, 154_828.8]));
    expect(text).toContain('the loss rose from 2.31 at step 1 to 154,829 at step 3');
    expect(text).toContain('A learning rate of 1 is too high: lower it (for example to 0.001)');
  });

  it('keeps the NaN message, and says nothing for a run that completed or was stopped by the student', () => {
    expect(stopAdvice(run('nan-loss', 0.01, [2.3, 5]))).toMatch(/^The loss became NaN \(not a number\) after 2 steps/);
    expect(stopAdvice(run(null, 1, [2.3]))).toBeNull();
    expect(stopAdvice(run('stopped', 1, [2.3]))).toBeNull();
  });

  it("suggests Adam's usual rate from a high one, else a tenth", () => {
    expect(lowerLearningRate(1)).toBe(1e-3);
    expect(lowerLearningRate(1e-3)).toBe(1e-4);
    expect(lowerLearningRate(3e-4)).toBeCloseTo(3e-5, 15);
  });
});
