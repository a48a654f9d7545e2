import { describe, expect, it } from 'vitest';
import { stratifiedSplit } from '../../../src/data/split';
import { runTestIndices } from '../../../src/grading/run-test-images';
import { makeRun } from '../../helpers/submissions';

const labels = Uint8Array.from({ length: 60 }, (_, i) => i % 3);

function runOn(hash: string, test: number, seed = 7) {
  const run = makeRun(1);
  return {
    ...run,
    config: { ...run.config, seed },
    dataset: { ...run.dataset, hash, classes: ['a', 'b', 'c'], counts: { train: 42, val: 6, test } },
  };
}

describe('runTestIndices', () => {
  it("gives the test split the book made with the run's seed", () => {
    const r = runTestIndices(runOn('h1', 12), { hash: 'h1', labels });
    expect(r).toEqual({ ok: true, indices: stratifiedSplit(labels, 3, 7).test });
  });

  it('follows a test split cut short with train-limit', () => {
    const r = runTestIndices(runOn('h1', 8), { hash: 'h1', labels });
    expect(r.ok && r.indices.length).toBe(8);
    const whole = stratifiedSplit(labels, 3, 7).test;
    expect(r.ok && r.indices.every((i) => whole.includes(i))).toBe(true);
  });

  it('says why when the data set is missing, another one, or split differently', () => {
    const none = runTestIndices(runOn('h1', 12), null);
    expect(none.ok === false && none.reason).toContain('no data set is loaded');
    const other = runTestIndices(runOn('h1', 12), { hash: 'h2', labels });
    expect(other.ok === false && other.reason).toContain('not the one the run used');
    const odd = runTestIndices(runOn('h1', 30), { hash: 'h1', labels });
    expect(odd.ok === false && odd.reason).toContain("is not the book's split");
  });
});
