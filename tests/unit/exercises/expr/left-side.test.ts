import { describe, expect, it } from 'vitest';
import { afterLeftSide } from '../../../../src/exercises/expr/left-side';

describe('afterLeftSide', () => {
  it('starts after the one top-level "=", "≈" or "\\approx"', () => {
    const rest = (text: string): string => {
      const r = afterLeftSide(text);
      if (!r.ok) throw new Error(r.reason);
      return text.slice(r.start).trim();
    };
    expect(rest('y p')).toBe('y p');
    expect(rest('L = y p')).toBe('y p');
    expect(rest('L(y, p) = y p')).toBe('y p');
    expect(rest('∂ŷ_k/∂z_j = ŷ_k')).toBe('ŷ_k');
    expect(rest('\\frac{\\partial \\hat y_k}{\\partial z_j} = x')).toBe('x');
    expect(rest('log2(10) ≈ 3.32')).toBe('3.32');
    expect(rest('L \\approx 3.32')).toBe('3.32');
    expect(rest('f(a = 1)')).toBe('f(a = 1)');
  });

  it('cannot read several "=" or nothing after it', () => {
    expect(afterLeftSide('L = 1 = 2')).toMatchObject({ ok: false, reason: expect.stringMatching(/more than one "="/) });
    expect(afterLeftSide('a == b')).toMatchObject({ ok: false });
    expect(afterLeftSide('L = ')).toEqual({ ok: false, reason: 'nothing follows "="' });
  });
});
