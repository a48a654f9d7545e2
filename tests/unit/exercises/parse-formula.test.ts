import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/exercises/expr/evaluate';
import { parseFormula } from '../../../src/exercises/parse-formula';

describe('parseFormula', () => {
  it('compiles a formula in the allowed variables, with aliases and a leading "L ="', () => {
    const r = parseFormula('L(y, ŷ) = −[y·log(ŷ) + (1 − y)·log(1 − ŷ)]', { variables: ['y', 'p'], aliases: { ŷ: 'p' } });
    if (!r.ok) throw new Error(r.error);
    const at = new Map([
      ['y', 1],
      ['p', 0.25],
    ]);
    expect(Math.abs(evaluate(r.value.expr, at) + Math.log(0.25))).toBeLessThan(1e-12);
  });

  it('names an unknown variable', () => {
    expect(parseFormula('y*log(q)', { variables: ['y', 'p'] })).toEqual({
      ok: false,
      error: 'Could not read "y*log(q)": unknown symbol "q" (you can use y, p)',
    });
  });

  it('rejects blank text and disallowed functions', () => {
    expect(parseFormula('  ', { variables: ['y'] })).toMatchObject({ ok: false, error: expect.stringMatching(/empty/) });
    expect(parseFormula('sin(y)', { variables: ['y'], functions: ['log'] })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not allowed/),
    });
  });
});
