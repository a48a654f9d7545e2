import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { homeworkVariant, mulberry32, pickInt, pickOne, pickRounded, seedFor, variantFor } from '../../../src/exercises/variant';

describe('seedFor', () => {
  it('is stable for the same id and salt, ignoring case and surrounding spaces', () => {
    expect(seedFor('alice01', 'fall-2025')).toBe(seedFor('  ALICE01 ', 'fall-2025'));
  });

  it('is an unsigned 32-bit integer', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (id, salt) => {
        const s = seedFor(id, salt);
        expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('differs between ids and between salts', () => {
    const seeds = new Set(Array.from({ length: 1000 }, (_, i) => seedFor(`student${i}`, 'salt')));
    expect(seeds.size).toBe(1000);
    expect(seedFor('alice', 'a')).not.toBe(seedFor('alice', 'b'));
    expect(seedFor('ab', 'c')).not.toBe(seedFor('a', 'bc'));
  });
});

describe('mulberry32', () => {
  it('repeats its sequence for the same seed and stays in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(1000);
  });

  it('is roughly uniform (mean within 0.02 of 0.5 over 10 000 draws)', () => {
    const r = mulberry32(123);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) sum += r();
    expect(Math.abs(sum / 10_000 - 0.5)).toBeLessThan(0.02);
  });
});

describe('variantFor', () => {
  it('gives the homework variant unless per-student variants are on', () => {
    expect(variantFor('alice', { perStudentVariants: false, salt: 's' })).toEqual(homeworkVariant);
    expect(variantFor('   ', { perStudentVariants: true, salt: 's' })).toEqual(homeworkVariant);
    expect(variantFor('alice', { perStudentVariants: true, salt: 's' })).toEqual({ kind: 'student', seed: seedFor('alice', 's') });
  });
});

describe('pickRounded', () => {
  it('stays in range with the asked decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const r = mulberry32(seed);
        const x = pickRounded(r, 0.05, 0.95, 2);
        expect(x).toBeGreaterThanOrEqual(0.05);
        expect(x).toBeLessThanOrEqual(0.95);
        expect(Number(x.toFixed(2))).toBe(x);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('reaches both ends of the range', () => {
    const r = mulberry32(1);
    const seen = new Set(Array.from({ length: 2000 }, () => pickInt(r, 1, 6)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('picks one element of a list', () => {
    const r = mulberry32(2);
    const seen = new Set(Array.from({ length: 200 }, () => pickOne(r, ['a', 'b', 'c'])));
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
  });
});
