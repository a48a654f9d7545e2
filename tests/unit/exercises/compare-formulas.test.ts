import { describe, expect, it } from 'vitest';
import { compareFormulas, sameFormula } from '../../../src/exercises/compare-formulas';
import { parseExpression } from '../../../src/exercises/expr/parse-expr';
import type { Expr } from '../../../src/exercises/expr/ast';
import { samplePoints } from '../../../src/exercises/sample-points';
import { FORMULA_TOLERANCE } from '../../../src/exercises/tolerance';

const points = samplePoints([{ name: 'x', lo: 0.1, hi: 2 }], 20, 1);
function f(text: string): Expr {
  const r = parseExpression(text, { variables: ['x'] });
  if (!r.ok) throw new Error(r.reason);
  return r.expr;
}

describe('compareFormulas', () => {
  it('finds equal and different formulas', () => {
    expect(sameFormula(f('(x+1)^2'), f('x^2 + 2*x + 1'), points, FORMULA_TOLERANCE)).toBe(true);
    const d = compareFormulas(f('x^2'), f('x^3'), points, FORMULA_TOLERANCE);
    expect(d.kind).toBe('different');
  });

  it('allows a positive constant factor only when scale-invariant', () => {
    expect(compareFormulas(f('log2(x)'), f('log(x)'), points, FORMULA_TOLERANCE, true)).toMatchObject({ kind: 'equal' });
    const r = compareFormulas(f('log2(x)'), f('log(x)'), points, FORMULA_TOLERANCE, true);
    expect(r.kind === 'equal' && Math.abs(r.factor - 1 / Math.LN2)).toBeLessThan(1e-9);
    expect(sameFormula(f('log2(x)'), f('log(x)'), points, FORMULA_TOLERANCE)).toBe(false);
    expect(sameFormula(f('-log(x)'), f('log(x)'), points, FORMULA_TOLERANCE, true)).toBe(false);
    expect(sameFormula(f('0'), f('log(x)'), points, FORMULA_TOLERANCE, true)).toBe(false);
  });

  it('skips points where the reference is undefined and reports undefined formulas', () => {
    expect(sameFormula(f('sqrt(x - 1)^2'), f('x - 1'), points, FORMULA_TOLERANCE)).toBe(false);
    expect(compareFormulas(f('x'), f('log(x - 5)'), points, FORMULA_TOLERANCE).kind).toBe('reference-undefined');
    expect(compareFormulas(f('1/0'), f('x'), points, FORMULA_TOLERANCE).kind).toBe('student-undefined');
    expect(sameFormula(f('x'), f('log(x - 1) - log(x - 1) + x'), points, FORMULA_TOLERANCE)).toBe(true);
  });
});
