import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_LATEX_DEPTH, normaliseMath } from '../../../../src/exercises/expr/normalise';

function plain(text: string): string {
  const r = normaliseMath(text);
  if (!r.ok) throw new Error(`${text}: ${r.reason}`);
  return r.text.replace(/ +/g, ' ').trim();
}

describe('normaliseMath', () => {
  it('reads LaTeX operators, fractions, roots and brackets', () => {
    const table: [string, string][] = [
      ['a \\times b', 'a * b'],
      ['a\\cdot b', 'a* b'],
      ['a \\ast b', 'a * b'],
      ['a \\div b', 'a / b'],
      ['\\frac{a}{b}', '((a)/(b))'],
      ['\\dfrac12', '((1)/(2))'],
      ['\\tfrac{a}{\\frac{b}{c}}', '((a)/(((b)/(c))))'],
      ['\\sqrt{x}', 'sqrt(x)'],
      ['\\sqrt[3]{x}', '((x)^(1/(3)))'],
      ['\\left( a \\right)', '( a )'],
      ['\\left[ a \\right]', '[ a ]'],
      ['\\left\\{ a \\right\\}', '{ a }'],
      ['\\left. a \\right|', 'a |'],
      ['\\bigl( a \\bigr)', '( a )'],
      ['x^{2}', 'x^{2}'],
      ['{a}', '{a}'],
      ['a\\,b\\;c\\!d\\quad e\\ f~g', 'a b c d e f g'],
      ['\\(a\\)', 'a'],
      ['$a$', 'a'],
      ['44.2\\%', '44.2%'],
    ];
    for (const [tex, text] of table) expect(plain(tex)).toBe(text);
  });

  it('reads functions, Greek letters, hats and subscripts as names', () => {
    const table: [string, string][] = [
      ['\\log_2(x)', 'log_2(x)'],
      ['\\log_{2} x', 'log_2 x'],
      ['\\log x', 'log x'],
      ['\\ln(1-p)', 'ln (1-p)'],
      ['\\exp(z)', 'exp (z)'],
      ['\\operatorname{log}(x)', 'log (x)'],
      ['\\mathrm{d}y', 'd y'],
      ['3\\,\\text{bits}', '3 bits'],
      ['\\mathbb{R}^{K}', 'ℝ^{K}'],
      ['\\hat{y}', 'ŷ'],
      ['\\hat y_k', 'ŷ_k'],
      ['\\widehat{y_k}', 'ŷ_k'],
      ['\\hat{p}', 'p̂'],
      ['y\u0302', 'y\u0302'],
      ['\\delta_{kj}', 'δ_kj'],
      ['\\delta_{k j}', 'δ_kj'],
      ['\\delta_{k,j}', 'δ_kj'],
      ['\\delta y', 'δ y'],
      ['x_{k}', 'x_k'],
      ['Dₐ', 'D_a'],
      ['log₂', 'log_2'],
      ['ŷₖ', 'ŷ_k'],
      ['x_₁', 'x_1'],
      ['\\partial', '∂'],
      ['𝑦', 'y'],
    ];
    for (const [tex, text] of table) expect(plain(tex)).toBe(text);
  });

  it('maps typographic Unicode to ASCII', () => {
    expect(plain('a − b – c × d · e ÷ f ⋅ g')).toBe('a - b - c * d * e / f * g');
    expect(plain('½ + ¼')).toBe('(1/2) + (1/4)');
    expect(plain('（a）\u00a0［b］')).toBe('(a) [b]');
  });

  it('keeps where each character came from', () => {
    const r = normaliseMath('\\frac{a}{b}', 10);
    expect(r.ok && r.origin.length).toBe(r.ok ? r.text.length : -1);
    expect(r.ok && r.origin[r.text.indexOf('a')]).toBe(17);
    expect(r.ok && r.origin[r.text.indexOf('b')]).toBe(20);
  });

  it('says what it cannot read', () => {
    expect(normaliseMath('\\foo')).toEqual({ ok: false, reason: 'unknown LaTeX command "\\foo" at position 1' });
    expect(normaliseMath('\\frac{a}')).toMatchObject({ ok: false, reason: expect.stringMatching(/"\\frac" needs an argument/) });
    expect(normaliseMath('{a')).toEqual({ ok: false, reason: 'a "{" is never closed' });
    expect(normaliseMath('a \\')).toMatchObject({ ok: false, reason: expect.stringMatching(/lone "\\"/) });
    expect(normaliseMath('\\hat{2}')).toMatchObject({ ok: false, reason: expect.stringMatching(/needs a letter/) });
    expect(normaliseMath('x_{k+1}')).toMatchObject({ ok: false, reason: expect.stringMatching(/cannot read the subscript/) });
    expect(normaliseMath('\\sqrt[3{x}')).toMatchObject({ ok: false, reason: expect.stringMatching(/"]" is missing/) });
  });

  it('bounds nesting and stays linear on hostile text', () => {
    expect(normaliseMath('\\frac{'.repeat(MAX_LATEX_DEPTH + 1))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/too deeply nested/),
    });
    expect(normaliseMath('{'.repeat(10_000))).toMatchObject({ ok: false, reason: expect.stringMatching(/too deeply nested/) });
    const start = performance.now();
    expect(normaliseMath('\\left('.repeat(20_000)).ok).toBe(true);
    expect(normaliseMath('x_'.repeat(20_000)).ok).toBe(true);
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('never throws', () => {
    const piece = fc.constantFrom(
      '\\frac',
      '{',
      '}',
      '\\hat',
      '_',
      '^',
      '\\left',
      '(',
      ')',
      '\\',
      'x',
      '1',
      ' ',
      '\\sqrt',
      '[',
      ']',
      '₂',
      'ŷ',
      '$',
      '\\text',
      '\\,',
      '😀',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const r = normaliseMath(pieces.join(''));
        expect(r.ok ? r.origin.length === r.text.length : r.reason.length > 0).toBe(true);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
