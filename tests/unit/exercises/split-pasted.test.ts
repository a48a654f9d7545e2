import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitPasted } from '../../../src/exercises/split-pasted';

describe('splitPasted', () => {
  it('splits a row by commas, spaces or tabs', () => {
    expect(splitPasted('1, 2, 3')).toEqual([['1', '2', '3']]);
    expect(splitPasted('1 2 3')).toEqual([['1', '2', '3']]);
    expect(splitPasted('1\t2\t3')).toEqual([['1', '2', '3']]);
    expect(splitPasted('[0.09, -0.7553, 0.6652]')).toEqual([['0.09', '-0.7553', '0.6652']]);
    expect(splitPasted('1, 2, 3,')).toEqual([['1', '2', '3']]);
  });

  it('splits nested brackets, numpy prints and line- or semicolon-separated rows', () => {
    expect(splitPasted('[[1,2],[3,4]]')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(splitPasted('[[ 0.08 -0.02]\n [-0.02  0.18]]')).toEqual([
      ['0.08', '-0.02'],
      ['-0.02', '0.18'],
    ]);
    expect(splitPasted('tensor([[1., 2.], [3., 4.]])')).toEqual([
      ['1.', '2.'],
      ['3.', '4.'],
    ]);
    expect(splitPasted('1\t2\n3\t4\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(splitPasted('[1 2; 3 4]')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(splitPasted('1\n2\n3')).toEqual([['1'], ['2'], ['3']]);
  });

  it('keeps expressions whole', () => {
    expect(splitPasted('log(2) / 3, max(1, 2)')).toEqual([['log(2) / 3', 'max(1, 2)']]);
    expect(splitPasted('1 - 2 3')).toEqual([['1 - 2', '3']]);
    expect(splitPasted('1 -2')).toEqual([['1', '-2']]);
    expect(splitPasted('exp (1)')).toEqual([['exp (1)']]);
    expect(splitPasted('log_2 10 \\ln 2 \\log_{2} 8')).toEqual([['log_2 10', '\\ln 2', '\\log_{2} 8']]);
    expect(splitPasted('\\frac{1}{2}, \\log_2(10)')).toEqual([['\\frac{1}{2}', '\\log_2(10)']]);
    expect(splitPasted('\\frac{1}{2} \\frac{1}{3}')).toEqual([['\\frac{1}{2}', '\\frac{1}{3}']]);
    expect(splitPasted('2 \\times 10^{-3} \\left( 1 \\right) 3 \\, \\text{bits}')).toEqual([
      ['2 \\times 10^{-3}', '\\left( 1 \\right)', '3 \\, \\text{bits}'],
    ]);
  });

  it('keeps empty tab-separated cells so they can be reported', () => {
    expect(splitPasted('1\t\t3')).toEqual([['1', '', '3']]);
  });

  it('gives no rows for blank text and never throws', () => {
    expect(splitPasted('  \n ')).toEqual([]);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const rows = splitPasted(s);
        expect(Array.isArray(rows) && rows.every((r) => r.every((c) => typeof c === 'string'))).toBe(true);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
