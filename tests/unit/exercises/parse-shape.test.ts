import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseShape } from '../../../src/exercises/parse-shape';

const SYMBOLS = ['K', 'Da', 'Dx', 'm'];

describe('parseShape', () => {
  it('reads the usual spellings of K×Da', () => {
    for (const text of [
      'K x Da',
      '(K, Da)',
      'K×Da',
      '[K, Da]',
      'K by Da',
      'k x da',
      'K*D_a',
      'KxDa',
      'ℝ^{K×Da}',
      'K X Da',
      'K \\times D_a',
      'K × Dₐ',
      'K×D_a',
      '(K, Da)',
      'R^(K x Da)',
      '\\mathbb{R}^{K \\times D_a}',
      'K by D_a',
      '$K \\times D_{a}$',
      'K \\cdot D_a',
    ]) {
      expect(parseShape(text, SYMBOLS)).toEqual({ ok: true, value: ['K', 'Da'] });
    }
  });

  it('reads numbers and mixed dimensions', () => {
    expect(parseShape('3x4')).toEqual({ ok: true, value: ['3', '4'] });
    expect(parseShape('Kx1', SYMBOLS)).toEqual({ ok: true, value: ['K', '1'] });
    expect(parseShape('(K, 01)', SYMBOLS)).toEqual({ ok: true, value: ['K', '1'] });
    expect(parseShape('Dx x Da', SYMBOLS)).toEqual({ ok: true, value: ['Dx', 'Da'] });
  });

  it("reads numpy's 1-D shape as one dimension", () => {
    expect(parseShape('(K,)', SYMBOLS)).toEqual({ ok: true, value: ['K'] });
    expect(parseShape('ℝ^K', SYMBOLS)).toEqual({ ok: true, value: ['K'] });
  });

  it('cannot read broken LaTeX', () => {
    expect(parseShape('K \\foo D_a', SYMBOLS)).toMatchObject({ ok: false, error: expect.stringMatching(/unknown LaTeX command "\\foo"/) });
  });

  it('rejects unknown symbols only when strict', () => {
    expect(parseShape('K x Q', SYMBOLS)).toEqual({
      ok: false,
      error: 'Could not read "K x Q": unknown dimension "Q" (use numbers or K, Da, Dx, m)',
    });
    expect(parseShape('K x Q', SYMBOLS, false)).toEqual({ ok: true, value: ['K', 'Q'] });
    expect(parseShape('', SYMBOLS)).toMatchObject({ ok: false, error: expect.stringMatching(/^Could not read/) });
    expect(parseShape('x', SYMBOLS)).toMatchObject({ ok: false, error: expect.stringMatching(/no dimensions/) });
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const r = parseShape(s, SYMBOLS);
        expect(r.ok ? r.value.length > 0 : r.error.startsWith('Could not read')).toBe(true);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('parseShape on hostile text', () => {
  it('reads a long chain of x-joined dimensions that ends in an unknown one in bounded time (no exponential search)', () => {
    const text = `${Array(95).fill('1').join('x')}xZ`;
    const start = performance.now();
    expect(parseShape(text, ['K', 'Da', 'Dx', 'm']).ok).toBe(false);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
