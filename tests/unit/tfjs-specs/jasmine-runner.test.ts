import { describe, expect, it } from 'vitest';
import { type RunResult, type SpecOutcome, regressions, tally } from './jasmine-runner';

const ok: SpecOutcome = { status: 'passed', message: '' };
const bad = (message: string): SpecOutcome => ({ status: 'failed', message });
const run = (specs: Record<string, SpecOutcome>): RunResult => new Map([['ops/a_test.js', new Map(Object.entries(specs))]]);

describe('regressions', () => {
  it("lists a spec that passes with tfjs's kernels and fails with the book's, with the book's message", () => {
    expect(regressions(run({ x: ok, y: ok }), run({ x: ok, y: bad('Arrays differ') }))).toEqual([
      { file: 'ops/a_test.js', spec: 'y', message: 'Arrays differ' },
    ]);
  });
  it("ignores a spec that fails with tfjs's kernels (fails stock), whatever the book's do", () => {
    expect(regressions(run({ x: bad('no kernel') }), run({ x: bad('other') }))).toEqual([]);
    expect(regressions(run({ x: bad('no kernel') }), run({ x: ok }))).toEqual([]);
  });
  it("lists a spec missing from the book's run", () => {
    expect(regressions(run({ x: ok }), run({}))).toEqual([
      { file: 'ops/a_test.js', spec: 'x', message: "not run with the book's kernels" },
    ]);
  });
});

describe('tally', () => {
  it('counts passed, failed and pending specs', () => {
    expect(
      tally(
        new Map([
          ['a', ok],
          ['b', bad('m')],
          ['c', { status: 'pending', message: '' }],
          ['d', ok],
        ]),
      ),
    ).toEqual({ passed: 2, failed: 1, pending: 1 });
  });
});
