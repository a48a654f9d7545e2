import { describe, expect, it } from 'vitest';
import { mixSeed, mulberry32, shuffleInPlace } from '../../../src/data/rng';

describe('mulberry32', () => {
  it('is deterministic in the seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
  });
});

describe('shuffleInPlace', () => {
  it('returns a permutation, reproducible with the same seed', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const s1 = shuffleInPlace([...items], mulberry32(7));
    const s2 = shuffleInPlace([...items], mulberry32(7));
    expect(s1).toEqual(s2);
    expect(s1).not.toEqual(items);
    expect([...s1].sort((x, y) => x - y)).toEqual(items);
  });
});

describe('mixSeed', () => {
  it('gives each salt of one seed its own unsigned 32-bit seed, the same every time', () => {
    const seeds = [1, 2, 3, 4, 5].map((salt) => mixSeed(12345, salt));
    expect(new Set(seeds).size).toBe(5);
    for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
    expect(mixSeed(12345, 3)).toBe(seeds[2]);
    expect(mixSeed(0, 0)).toBe(0);
  });
});
