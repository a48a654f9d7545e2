import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseNumber, readNumber, thousandsGroups } from '../../../src/exercises/parse-number';
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
    expect(read('44.17 %')).toBeCloseTo(0.4417, 12);
    expect(read('44.17\\,\\%')).toBeCloseTo(0.4417, 12);
    expect(read('44.17 percent')).toBeCloseTo(0.4417, 12);
    expect(read('−6.8 pp')).toBeCloseTo(-0.068, 12);
  });

  it('reads the notations students type for a number', () => {
    const bits = math.bce[0].bits;
    for (const text of ['\\log_2(10)', 'log₂(10)', 'log_2 10', '-\\log_2(0.1)', '\\log_{2}10', 'L = log2(10)', '\\frac{\\ln 10}{\\ln 2}']) {
      expect(Math.abs(read(text) - bits) / bits).toBeLessThan(REL);
    }
    expect(read('\\frac{5.3808}{3}')).toBeCloseTo(5.3808 / 3, 12);
    expect(read('2·(1−0.1)')).toBeCloseTo(1.8, 12);
    expect(read('2×10^-3')).toBeCloseTo(0.002, 15);
    expect(read('2 \\times 10^{-3}')).toBeCloseTo(0.002, 15);
    expect(read('1.2e-3')).toBeCloseTo(0.0012, 15);
    expect(read('½')).toBe(0.5);
  });

  it('keeps "," a list separator, not a decimal comma', () => {
    expect(parseNumber('1,946')).toMatchObject({ ok: false, error: expect.stringMatching(/use "\." as the decimal point/) });
  });

  it('drops a unit the part names, and names the units otherwise', () => {
    const bits = { units: ['bits', 'bit'] };
    const value = (text: string, options = bits): number => {
      const r = readNumber(text, options);
      if (!r.ok) throw new Error(r.reason);
      return r.value;
    };
    expect(value('3.3219 bits')).toBe(3.3219);
    expect(value('3.3219 Bit')).toBe(3.3219);
    expect(value('log2(10)bits')).toBeCloseTo(Math.log2(10), 12);
    expect(value('3.3219\\ \\text{bits}')).toBe(3.3219);
    expect(value('-3.5 percentage points', { units: ['pp', 'percentage points', 'points'] })).toBe(-3.5);
    expect(readNumber('3.3219 px', bits)).toEqual({
      ok: false,
      reason: '"px" is not a unit here (write the number alone, or with bits or bit)',
    });
    expect(readNumber('3.3219 bits')).toEqual({ ok: false, reason: 'write the number alone, without "bits"' });
    expect(readNumber('2 pi').ok).toBe(true);
  });

  it('tells the decimals of a plain number, in the fraction a percentage stands for', () => {
    expect(readNumber('1.95')).toMatchObject({ ok: true, decimals: 2, percent: false });
    expect(readNumber('85.3 %')).toMatchObject({ ok: true, decimals: 3, percent: true });
    expect(readNumber('log2(10)')).toMatchObject({ ok: true, decimals: undefined });
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
    const hostile = [
      '__proto__',
      'constructor',
      'constructor(1)',
      '('.repeat(10_000),
      '1'.repeat(100_000),
      '9'.repeat(400),
      ')))(((',
      '\u0000',
      '😀',
      'NaN',
      'Infinity',
      '\\frac{'.repeat(10_000),
      '\\left('.repeat(500),
      '{'.repeat(900),
      'x'.repeat(100_000),
      '1 bits '.repeat(100),
    ];
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

describe('thousandsGroups', () => {
  it('reads counts printed with thousands separators and refuses a lone comma group as ambiguous', () => {
    expect(thousandsGroups('11,181,642')).toBe('11181642');
    expect(thousandsGroups('-1,234,567.25')).toBe('-1234567.25');
    expect(thousandsGroups('1,946')).toBe('ambiguous');
    expect(thousandsGroups('1946')).toBeUndefined();
    expect(thousandsGroups('1,94')).toBeUndefined();
    expect(thousandsGroups('1234,567,890')).toBeUndefined();
    expect(thousandsGroups('1,234,56')).toBeUndefined();
  });

  it('lets readNumber accept 11,181,642 and call 1,946 unreadable', () => {
    const r = readNumber('11,181,642');
    expect(r.ok && r.value).toBe(11181642);
    const a = readNumber('1,946');
    expect(a.ok).toBe(false);
    expect(!a.ok && a.reason).toMatch(/ambiguous/);
  });
});
