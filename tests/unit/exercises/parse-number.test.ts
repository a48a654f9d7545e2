import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseNumber } from '../../../src/exercises/parse-number';
import { FIX as math } from '../../helpers/math-fixtures';

const REL = 1e-12;

function read(text: string): number {
  const r = parseNumber(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('parseNumber', () => {
  it('round-trips every finite double printed with String()', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(read(String(x))).toBe(x === 0 ? 0 : x);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('reads expressions that give the q1.1c loss in bits', () => {
    const bits = math.bce[0].bits;
    for (const text of ['log2(10)', '-log(0.1)/log(2)', '-log2(1 - 0.9)', 'ln(10)/ln(2)', '3.3219280948873626']) {
      expect(Math.abs(read(text) - bits) / bits).toBeLessThan(REL);
    }
  });

  it('reads a percentage as a fraction', () => {
    expect(read('44.17%')).toBeCloseTo(0.4417, 12);
  });

  it('says what it could not read', () => {
    expect(parseNumber('3..2')).toEqual({ ok: false, error: 'Could not read "3..2": unexpected "." at position 3' });
    expect(parseNumber('foo')).toEqual({ ok: false, error: 'Could not read "foo": unknown symbol "foo"' });
    expect(parseNumber('y + 1')).toMatchObject({ ok: false, error: expect.stringMatching(/unknown symbol "y"/) });
    expect(parseNumber('1/0')).toMatchObject({ ok: false, error: expect.stringMatching(/^Could not read "1\/0": .*not a finite number/) });
    expect(parseNumber('log(0)')).toMatchObject({ ok: false });
    expect(parseNumber('1e999')).toMatchObject({ ok: false, error: expect.stringMatching(/too large/) });
    expect(parseNumber('')).toMatchObject({ ok: false, error: expect.stringMatching(/^Could not read/) });
  });

  it('never throws on hostile text', () => {
    const hostile = ['__proto__', 'constructor', 'constructor(1)', '('.repeat(10_000), '1'.repeat(100_000), '9'.repeat(400), ')))(((', '\u0000', '😀', 'NaN', 'Infinity'];
    for (const text of hostile) {
      const r = parseNumber(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/^Could not read/);
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 600 }), (s) => {
        const r = parseNumber(s);
        expect(r.ok ? Number.isFinite(r.value) : r.error.startsWith('Could not read')).toBe(true);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
