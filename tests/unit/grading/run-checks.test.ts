import { describe, expect, it } from 'vitest';
import { runMetricFlags } from '../../../src/grading/run-checks';
import { makeRun } from '../../helpers/submissions';

describe('runMetricFlags', () => {
  it('accepts metrics that match the confusion matrix, also when rounded to 3 decimals', () => {
    const run = makeRun(5);
    run.test!.accuracy = Number(run.test!.accuracy.toFixed(3));
    expect(runMetricFlags([run])).toEqual([]);
  });
  it('flags each stated metric that the matrix does not give', () => {
    const run = makeRun(5);
    run.test!.macroF1 += 0.1;
    const flags = runMetricFlags([run, makeRun(6, 'q2.3', true)]);
    expect(flags.map((f) => f.key)).toEqual(['run-5', 'run-6']);
    expect(flags[0].message).toContain('macroF1');
    expect(flags[1].message).toContain('accuracy');
  });
  it('flags a matrix that cannot be read and skips runs without a test', () => {
    const run = makeRun(5);
    run.test!.confusion[0][0] = 0.5;
    const none = makeRun(7);
    none.test = null;
    expect(runMetricFlags([run, none]).map((f) => f.kind)).toEqual(['run-metrics']);
  });
});
