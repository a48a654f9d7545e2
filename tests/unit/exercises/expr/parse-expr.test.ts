import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { freeVariables } from '../../../../src/exercises/expr/ast';
import { evaluate } from '../../../../src/exercises/expr/evaluate';
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH, parseExpression, type ExprOptions } from '../../../../src/exercises/expr/parse-expr';

const TOL = 1e-12;

function value(text: string, vars: Record<string, number> = {}, options: ExprOptions = {}): number {
  const r = parseExpression(text, { variables: Object.keys(vars), ...options });
  if (!r.ok) throw new Error(`did not parse ${text}: ${r.reason}`);
  return evaluate(r.expr, new Map(Object.entries(vars)));
}

function reason(text: string, options: ExprOptions = {}): string {
  const r = parseExpression(text, options);
  if (r.ok) throw new Error(`${text} parsed but should not`);
  return r.reason;
}

describe('parseExpression', () => {
  it('reads number formats', () => {
    expect(value('3')).toBe(3);
    expect(value('3.5')).toBe(3.5);
    expect(value('.5')).toBe(0.5);
    expect(value('1e-3')).toBe(0.001);
    expect(value('2.5E+2')).toBe(250);
  });

  it('follows operator precedence and associativity', () => {
    expect(value('1 + 2 * 3')).toBe(7);
    expect(value('(1 + 2) * 3')).toBe(9);
    expect(value('8 / 4 / 2')).toBe(1);
    expect(value('10 - 3 - 2')).toBe(5);
    expect(value('2 ^ 3 ^ 2')).toBe(512);
    expect(value('2 ** 3')).toBe(8);
    expect(value('-2 ^ 2')).toBe(-4);
    expect(value('2 ^ -1')).toBe(0.5);
    expect(value('--3')).toBe(3);
    expect(value('+3')).toBe(3);
    expect(value('[1 + {2 * 3}]')).toBe(7);
  });

  it('maps unicode operators and superscripts', () => {
    expect(value('3 × 2')).toBe(6);
    expect(value('3·2')).toBe(6);
    expect(value('−3 − 2')).toBe(-5);
    expect(value('6 ÷ 4')).toBe(1.5);
    expect(value('3²')).toBe(9);
    expect(value('2⁻¹')).toBe(0.5);
  });

  it('evaluates constants and functions against Math', () => {
    expect(Math.abs(value('pi') - Math.PI)).toBeLessThan(TOL);
    expect(Math.abs(value('π') - Math.PI)).toBeLessThan(TOL);
    expect(Math.abs(value('e') - Math.E)).toBeLessThan(TOL);
    expect(Math.abs(value('log(10)') - Math.log(10))).toBeLessThan(TOL);
    expect(Math.abs(value('ln(10)') - Math.log(10))).toBeLessThan(TOL);
    expect(Math.abs(value('log2(10)') - Math.log2(10))).toBeLessThan(TOL);
    expect(Math.abs(value('log_2(10)') - Math.log2(10))).toBeLessThan(TOL);
    expect(Math.abs(value('Log10(1000)') - 3)).toBeLessThan(TOL);
    expect(Math.abs(value('exp(1)') - Math.E)).toBeLessThan(TOL);
    expect(value('sqrt(16)')).toBe(4);
    expect(value('abs(-2)')).toBe(2);
    expect(Math.abs(value('sin(pi/2) + cos(0) + tan(0)') - 2)).toBeLessThan(TOL);
    expect(value('min(3, 1, 2)')).toBe(1);
    expect(value('max(3, 1, 2)')).toBe(3);
  });

  it('reads variables, including subscripts and aliases', () => {
    expect(value('y_k * (d - y_j)', { y_k: 0.5, y_j: 0.25, d: 1 })).toBe(0.375);
    expect(value('Da * 2', { Da: 4 })).toBe(8);
    expect(value('1 - ŷ', { p: 0.25 }, { aliases: { ŷ: 'p' } })).toBe(0.75);
    expect(value('1 - y\u0302', { p: 0.25 }, { aliases: { ŷ: 'p' } })).toBe(0.75);
  });

  it('multiplies implicitly where it is unambiguous', () => {
    const v = { y: 0.25, p: 0.5, y_k: 0.5, y_j: 0.25, d: 1 };
    expect(value('2y', v)).toBe(2 * v.y);
    expect(value('2(y)', v)).toBe(2 * v.y);
    expect(value('(y)(p)', v)).toBe(v.y * v.p);
    expect(value('y p', v)).toBe(v.y * v.p);
    expect(value('y_k(d - y_j)', v)).toBe(v.y_k * (v.d - v.y_j));
    expect(value('2y^2', v)).toBe(2 * v.y ** 2);
    expect(value('-y p', v)).toBe(-v.y * v.p);
    expect(value('y log(p)', v)).toBe(v.y * Math.log(v.p));
    expect(value('(1-y) log(1-p)', v)).toBe((1 - v.y) * Math.log(1 - v.p));
    expect(value('[1 - y]{p}', v)).toBe((1 - v.y) * v.p);
  });

  it('applies a function without parentheses to one number or name', () => {
    const v = { y: 0.25, p: 0.5 };
    expect(value('log p', v)).toBe(Math.log(v.p));
    expect(value('y log p', v)).toBe(v.y * Math.log(v.p));
    expect(value('-y ln p - (1-y) ln(1-p)', v)).toBe(-v.y * Math.log(v.p) - (1 - v.y) * Math.log(1 - v.p));
    expect(value('log_2 8')).toBe(3);
    expect(value('log2 8 + 1')).toBe(4);
    expect(value('log p / 2', v)).toBe(Math.log(v.p) / 2);
  });

  it('cannot read ambiguous juxtapositions, and shows both readings', () => {
    const options = { variables: ['y', 'p', 'q'] };
    expect(reason('log p q', options)).toBe('"log p q" is ambiguous: write log(p*q) or log(p)*q');
    expect(reason('log 2p', options)).toBe('"log 2 p" is ambiguous: write log(2*p) or log(2)*p');
    expect(reason('log p^2', options)).toBe('"log p^…" is ambiguous: write log(p^…) or (log p)^…');
    expect(reason('log p (1 - p)', options)).toMatch(/^"log p \(" is ambiguous/);
    expect(reason('log log p', options)).toMatch(/needs parentheses/);
    expect(reason('1/2p', options)).toMatch(/^"\/" followed by a product is ambiguous/);
    expect(reason('y/p(1-p)', options)).toMatch(/^"\/" followed by a product is ambiguous/);
    expect(reason('2 3')).toMatch(/^missing operator before "3"/);
    expect(reason('(y)2', options)).toMatch(/^missing operator before "2"/);
  });

  it('names glued variables and unknown functions with a hint', () => {
    const options = { variables: ['y', 'p', 'y_k', 'y_j'] };
    expect(reason('yp', options)).toBe('"yp" is not a name here: write y*p to multiply');
    expect(reason('ylog(p)', options)).toBe('"ylog" is not a name here: write y*log to multiply');
    expect(reason('y_ky_j', options)).toBe('"y_ky_j" is not a name here: write y_k*y_j to multiply');
    expect(reason('foo(p)', options)).toBe('unknown function "foo" (you can use y, p, y_k, y_j)');
    expect(reason('q', options)).toBe('unknown symbol "q" (you can use y, p, y_k, y_j)');
  });

  it('reads LaTeX, Unicode subscripts, hats and a left-hand side', () => {
    const v = { y: 0.25, p: 0.5, y_k: 0.5, y_j: 0.25, d: 1 };
    const hats = { aliases: { ŷ: 'p', ŷ_k: 'y_k', ŷ_j: 'y_j', δ_kj: 'd' } };
    expect(value('\\frac{y}{p}', v)).toBe(v.y / v.p);
    expect(value('\\dfrac{1}{2}y', v)).toBe(0.5 * v.y);
    expect(value('\\sqrt{16} + \\sqrt[3]{8}')).toBeCloseTo(6, 12);
    expect(value('-\\left(y \\log \\hat{y} + (1-y)\\log\\left(1-\\hat y\\right)\\right)', v, hats)).toBeCloseTo(
      -(v.y * Math.log(v.p) + (1 - v.y) * Math.log(1 - v.p)),
      12,
    );
    expect(value('\\hat{y}_k(\\delta_{kj} - \\hat{y}_j)', v, hats)).toBe(v.y_k * (v.d - v.y_j));
    expect(value('\\widehat{y_k} \\cdot (\\delta_{k,j} − ŷⱼ)', v, hats)).toBe(v.y_k * (v.d - v.y_j));
    expect(value('\\log_{2}(8) \\times 2 \\div 3')).toBe(2);
    expect(value('\\operatorname{log}_2 8 + \\mathrm{exp}(0)')).toBe(4);
    expect(value('log₂(8)')).toBe(3);
    expect(value('L = -\\log p', v)).toBe(-Math.log(v.p));
    expect(value('L(y, p) = y p', v)).toBe(v.y * v.p);
    expect(value('\\frac{\\partial \\hat y_k}{\\partial z_j} = ŷ_k(δ_kj − ŷ_j)', v, hats)).toBe(v.y_k * (v.d - v.y_j));
    expect(value('$2\\,y$', v)).toBe(2 * v.y);
    expect(value('½ y', v)).toBe(v.y / 2);
    expect(value('𝑦 𝑝', v)).toBe(v.y * v.p);
  });

  it('counts positions in the answer as typed, LaTeX and left-hand side included', () => {
    expect(reason('L = \\frac{1}{2} @')).toBe('unexpected "@" at position 17');
    expect(reason('\\hat{y} + x', { variables: ['y'] })).toBe('unknown symbol "x" (you can use y)');
    expect(reason('1 + (2', {})).toBe('unbalanced parenthesis: "(" at position 5 is never closed');
    expect(reason('a = 1 + (2', {})).toBe('unbalanced parenthesis: "(" at position 9 is never closed');
  });

  it('cannot read more than one "=" or broken LaTeX', () => {
    expect(reason('L = 1 = 2')).toMatch(/more than one "="/);
    expect(reason('L =')).toBe('nothing follows "="');
    expect(reason('\\frac{1}')).toMatch(/"\\frac" needs an argument/);
    expect(reason('\\foo{1}')).toBe('unknown LaTeX command "\\foo" at position 1');
    expect(reason('\\hat{1}')).toMatch(/needs a letter/);
    expect(reason('x_{k+1}', { variables: ['x'] })).toMatch(/cannot read the subscript/);
  });

  it('lets a variable shadow a constant', () => {
    expect(value('e + 1', { e: 2 })).toBe(3);
  });

  it('names the problem with its position', () => {
    expect(reason('3..2')).toBe('unexpected "." at position 3');
    expect(reason('foo')).toBe('unknown symbol "foo"');
    expect(reason('x + 1', { variables: ['y', 'p'] })).toBe('unknown symbol "x" (you can use y, p)');
    expect(reason('(1 + 2')).toMatch(/^unbalanced parenthesis: "\(" at position 1 is never closed/);
    expect(reason('1 + 2)')).toMatch(/^unbalanced parenthesis: "\)" at position 6/);
    expect(reason('(1 + 2]')).toMatch(/^unbalanced parenthesis: "]" at position 7 does not match "\(" at position 1/);
    expect(reason('x 2', { variables: ['x'] })).toBe('missing operator before "2" at position 3 (write * to multiply)');
    expect(reason('3.3219 bits')).toBe('unknown symbol "bits"');
    expect(reason('1 +')).toMatch(/ends too early/);
    expect(reason('(')).toBe('unbalanced parenthesis: "(" at position 1 is never closed');
    expect(reason('log((1+')).toBe('unbalanced parenthesis: "(" at position 5 is never closed');
    expect(reason('log()')).toBe('log needs an argument, as in log(x)');
    expect(reason('3,5')).toMatch(/use "\." as the decimal point/);
    expect(reason('log', { variables: ['p'] })).toBe('"log" needs an argument, as in log(x)');
    expect(reason('foo(2)')).toBe('unknown function "foo"');
    expect(reason('log(1, 2)')).toBe('log takes 1 argument, got 2');
    expect(reason('sin(1)', { functions: ['log'] })).toMatch(/not allowed/);
    expect(reason('1 @ 2')).toBe('unexpected "@" at position 3');
    expect(reason('\\frac{1}{2} @')).toBe('unexpected "@" at position 13');
    expect(reason('1e999')).toMatch(/too large/);
    expect(reason('   ')).toBe('it is empty');
  });

  it('treats prototype names as unknown symbols', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(reason(name)).toBe(`unknown symbol "${name}"`);
      expect(reason(`${name}(1)`)).toBe(`unknown function "${name}"`);
      expect(reason(name, { variables: ['y'], aliases: { [name]: 'q' } })).toMatch(/^unknown symbol/);
    }
  });

  it('limits LaTeX nesting and length, cheaply', () => {
    expect(reason(`${'\\frac{'.repeat(10_000)}1`)).toMatch(/too long/);
    expect(reason(`${'\\frac{'.repeat(MAX_EXPRESSION_DEPTH + 1)}1`)).toMatch(/too deeply nested/);
    expect(reason(`${'\\left('.repeat(150)}1`)).toMatch(/too deeply nested|never closed/);
    expect(reason('{'.repeat(200))).toMatch(/too deeply nested/);
    expect(reason('x'.repeat(100_000))).toMatch(/too long/);
    const start = performance.now();
    for (let i = 0; i < 50; i++) parseExpression(`${'\\frac{1}{'.repeat(60)}1${'}'.repeat(60)}`);
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('limits length and depth', () => {
    expect(reason(`${'1+'.repeat(MAX_EXPRESSION_LENGTH)}1`)).toMatch(/too long/);
    const deep = `${'('.repeat(MAX_EXPRESSION_DEPTH + 1)}1${')'.repeat(MAX_EXPRESSION_DEPTH + 1)}`;
    expect(reason(deep)).toMatch(/too deeply nested/);
    expect(reason(`${'-'.repeat(200)}1`)).toMatch(/too deeply nested/);
    expect(reason(`${'2^'.repeat(100)}2`)).toMatch(/too deeply nested/);
    const shallow = `${'('.repeat(20)}1${')'.repeat(20)}`;
    expect(value(shallow)).toBe(1);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        const r = parseExpression(s, { variables: ['y', 'p'] });
        if (r.ok)
          expect(
            typeof evaluate(
              r.expr,
              new Map([
                ['y', 1],
                ['p', 0.5],
              ]),
            ),
          ).toBe('number');
        else expect(r.reason.length).toBeGreaterThan(0);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('never throws on random token soup', () => {
    const piece = fc.constantFrom(
      '(',
      ')',
      '[',
      ']',
      '1',
      '2.5',
      'y',
      'log',
      'max',
      ',',
      '+',
      '-',
      '*',
      '/',
      '^',
      '**',
      ' ',
      'e',
      'pi',
      '.',
      '__proto__',
      '\\frac',
      '{',
      '}',
      '\\hat',
      '_',
      '\\left(',
      '\\right)',
      '\\log',
      '\\sqrt',
      '[',
      '=',
      '\\',
      'ŷ',
      '₂',
      '\\text',
      '%',
      '$',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const r = parseExpression(pieces.join(''), { variables: ['y'] });
        expect(r.ok || r.reason.length > 0).toBe(true);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('freeVariables', () => {
  it('lists the variables used, not functions or constants', () => {
    const r = parseExpression('y_k * (d - y_j) + log(pi)', { variables: ['y_k', 'y_j', 'd', 'z'] });
    expect(r.ok && [...freeVariables(r.expr)].sort()).toEqual(['d', 'y_j', 'y_k']);
  });
});
