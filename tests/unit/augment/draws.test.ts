import { describe, it, expect } from 'vitest';
import { mulberry32 } from '../../../src/data/rng';
import { drawStep } from '../../../src/augment/draws';
import { pyRound, randint } from '../../../src/augment/torch-random';
import { validatePipeline } from '../../../src/augment/validate-pipeline';
import type { PipelineStep } from '../../../src/augment/pipeline';

const step = (json: unknown): PipelineStep => {
  const v = validatePipeline([json]);
  if (!v.ok) throw new Error(v.errors.join('; '));
  return v.value[0];
};

describe('torch-like sampling', () => {
  it('pyRound rounds halves to even like Python', () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, 2.4999, 2.5001].map(pyRound)).toEqual([0, 2, 2, 0, -2, 2, 3]);
  });
  it('randint stays in [low, high) and reaches both ends', () => {
    const rng = mulberry32(3);
    const seen = new Set(Array.from({ length: 2000 }, () => randint(rng, -2, 3)));
    expect([...seen].sort()).toEqual([-1, -2, 0, 1, 2].sort());
  });
});

describe('ColorJitter draws', () => {
  it('draws the factors in range and a fresh order each call', () => {
    const s = step({ op: 'ColorJitter', params: { brightness: 0.4, contrast: 0.2, saturation: 1.5, hue: 0.1 } });
    const rng = mulberry32(8);
    const orders = new Set<string>();
    for (let t = 0; t < 300; t++) {
      const d = drawStep(rng, s, 8, 8);
      if (d.op !== 'ColorJitter') throw new Error('wrong op');
      orders.add(d.order.join(''));
      expect([...d.order].sort()).toEqual([0, 1, 2, 3]);
      const [b, c, sat, hue] = d.factors as number[];
      expect(b).toBeGreaterThanOrEqual(0.6);
      expect(b).toBeLessThan(1.4);
      expect(c).toBeGreaterThanOrEqual(0.8);
      expect(c).toBeLessThan(1.2);
      expect(sat).toBeGreaterThanOrEqual(0);
      expect(sat).toBeLessThan(2.5);
      expect(hue).toBeGreaterThanOrEqual(-0.1);
      expect(hue).toBeLessThan(0.1);
    }
    expect(orders.size).toBe(24);
  });
  it('draws no factor for a jitter of zero', () => {
    const d = drawStep(mulberry32(1), step({ op: 'ColorJitter', params: { brightness: 0.3 } }), 8, 8);
    expect(d.op === 'ColorJitter' && d.factors.slice(1)).toEqual([null, null, null]);
  });
});
