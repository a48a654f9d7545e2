import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluate } from '../../../../src/exercises/expr/evaluate';
import { parseExpression } from '../../../../src/exercises/expr/parse-expr';
import { nameToTex, toTex, toText } from '../../../../src/exercises/expr/to-tex';

const VARS = ['y', 'p', 'y_k', 'y_j', 'd'];

function tree(text: string) {
  const r = parseExpression(text, { variables: VARS, aliases: { ŷ: 'p' } });
  if (!r.ok) throw new Error(r.reason);
  return r.expr;
}

describe('toTex', () => {
  it('writes products as \\cdot, divisions as \\frac, log as \\ln and log2 as \\log_2', () => {
    expect(toTex(tree('y_k(d - y_j)'))).toBe('y_{k} \\cdot \\left(d - y_{j}\\right)');
    expect(toTex(tree('y/p'))).toBe('\\frac{y}{p}');
    expect(toTex(tree('-(y log(p) + (1-y) log2(1-p))'))).toBe(
      '-\\left(y \\cdot \\ln\\left(p\\right) + \\left(1 - y\\right) \\cdot \\log_2\\left(1 - p\\right)\\right)',
    );
    expect(toTex(tree('(1+y)^2'))).toBe('{\\left(1 + y\\right)}^{2}');
    expect(toTex(tree('sqrt(p) + abs(y) + pi'))).toBe('\\sqrt{p} + \\left|y\\right| + \\pi');
    expect(toTex(tree('y - -p'))).toBe('y - \\left(-p\\right)');
    expect(toTex(tree('1.5e-7'))).toBe('1.5 \\times 10^{-7}');
  });

  it('shows variables as the spec displays them', () => {
    expect(toTex(tree('y_k(d - y_j)'), { y_k: '\\hat y_k', y_j: '\\hat y_j', d: '\\delta_{kj}' })).toBe(
      '\\hat y_k \\cdot \\left(\\delta_{kj} - \\hat y_j\\right)',
    );
  });
});

describe('nameToTex', () => {
  it('writes subscripts, Greek letters and hats', () => {
    expect(nameToTex('y_k')).toBe('y_{k}');
    expect(nameToTex('δ_kj')).toBe('\\delta_{kj}');
    expect(nameToTex('ŷ')).toBe('\\hat{y}');
    expect(nameToTex('Da')).toBe('\\mathrm{Da}');
  });
});

describe('toText', () => {
  it('writes plain text a screen reader can say', () => {
    expect(toText(tree('y_k(d - y_j)'))).toBe('y_k · (d − y_j)');
    expect(toText(tree('\\frac{y}{1 + p}'))).toBe('y / (1 + p)');
    expect(toText(tree('log(p) + log2(8)'))).toBe('ln(p) + log2(8)');
  });

  it('reads back as the same expression', () => {
    const atom = fc.constantFrom('y', 'p', 'y_k', '2', '0.5', 'pi');
    const expr: fc.Arbitrary<string> = fc.letrec((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        atom,
        fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '^'), tie('e')).map(([a, op, b]) => `(${a})${op}(${b})`),
        tie('e').map((a) => `-(${a})`),
        tie('e').map((a) => `log2(${a})`),
      ),
    })).e as fc.Arbitrary<string>;
    const at = new Map([
      ['y', 0.3],
      ['p', 0.6],
      ['y_k', 0.7],
    ]);
    fc.assert(
      fc.property(expr, (text) => {
        const first = tree(text);
        const again = parseExpression(toText(first), { variables: VARS });
        if (!again.ok) throw new Error(`${toText(first)}: ${again.reason}`);
        const a = evaluate(first, at);
        const b = evaluate(again.expr, at);
        if (!Number.isFinite(a)) expect(b).toBe(a);
        else expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a)));
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
