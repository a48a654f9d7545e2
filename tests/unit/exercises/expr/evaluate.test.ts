import { describe, expect, it } from 'vitest';
import type { Expr } from '../../../../src/exercises/expr/ast';
import { evaluate } from '../../../../src/exercises/expr/evaluate';

describe('evaluate', () => {
  it('computes a tree with variables', () => {
    const tree: Expr = {
      type: 'bin',
      op: '*',
      left: { type: 'var', name: 'y' },
      right: { type: 'call', fn: 'log', args: [{ type: 'var', name: 'p' }] },
    };
    expect(
      Math.abs(
        evaluate(
          tree,
          new Map([
            ['y', 2],
            ['p', Math.E],
          ]),
        ) - 2,
      ),
    ).toBeLessThan(1e-12);
  });

  it('gives NaN for a missing variable or unknown function instead of throwing', () => {
    expect(evaluate({ type: 'var', name: 'q' })).toBeNaN();
    expect(evaluate({ type: 'call', fn: 'constructor', args: [] })).toBeNaN();
  });

  it('returns non-finite values for division by zero', () => {
    expect(evaluate({ type: 'bin', op: '/', left: { type: 'num', value: 1 }, right: { type: 'num', value: 0 } })).toBe(Infinity);
  });
});
