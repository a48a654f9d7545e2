import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../src/exercises/expr/tokenize';

function texts(input: string): string[] {
  const r = tokenize(input);
  if (!r.ok) throw new Error(r.reason);
  return r.tokens.map((t) => t.text);
}

describe('tokenize', () => {
  it('splits numbers, names, operators and brackets with 1-based positions', () => {
    const r = tokenize('2.5e-3*log(y_k)');
    expect(r.ok && r.tokens.map((t) => [t.kind, t.text, t.pos])).toEqual([
      ['num', '2.5e-3', 1],
      ['op', '*', 7],
      ['name', 'log', 8],
      ['open', '(', 11],
      ['name', 'y_k', 12],
      ['close', ')', 15],
    ]);
  });

  it('maps typographic operators and ** to ASCII', () => {
    expect(texts('3×2·1−4÷5**2')).toEqual(['3', '*', '2', '*', '1', '-', '4', '/', '5', '^', '2']);
    expect(texts('x²')).toEqual(['x', '^', '²']);
  });

  it('reports the position of a stray character', () => {
    expect(tokenize('3..2')).toEqual({ ok: false, reason: 'unexpected "." at position 3' });
    expect(tokenize('1 @ 2')).toEqual({ ok: false, reason: 'unexpected "@" at position 3' });
    expect(tokenize('1 😀')).toEqual({ ok: false, reason: 'unexpected "😀" at position 3' });
  });
});
