import { describe, it, expect } from 'vitest';
import { mulberry32 } from '../../../src/data/rng';
import { drawStep, erasingBox, perspectiveEndpoints, resizedCropBox } from '../../../src/augment/draws';
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

describe('RandomResizedCrop.get_params', () => {
  it('draws boxes inside the image with area and aspect in range', () => {
    const rng = mulberry32(1);
    for (let t = 0; t < 500; t++) {
      const b = resizedCropBox(rng, 40, 64, [0.08, 1], [3 / 4, 4 / 3]);
      expect(b.top).toBeGreaterThanOrEqual(0);
      expect(b.left).toBeGreaterThanOrEqual(0);
      expect(b.top + b.height).toBeLessThanOrEqual(40);
      expect(b.left + b.width).toBeLessThanOrEqual(64);
      const aspect = b.width / b.height;
      // After rounding each side to an integer, the aspect can leave the range by about one pixel's worth.
      expect(aspect).toBeGreaterThan((3 / 4) * (1 - 2 / b.height) - 1e-9);
    }
  });
  it('falls back to the central crop when ten tries fail', () => {
    // Asking for at least twice the image's area can never fit: every try fails.
    const rng = mulberry32(9);
    const tall = resizedCropBox(rng, 50, 20, [2, 3], [3 / 4, 4 / 3]);
    expect(tall).toEqual({ top: Math.floor((50 - pyRound(20 / 0.75)) / 2), left: 0, height: pyRound(20 / 0.75), width: 20 });
    const wide = resizedCropBox(rng, 20, 50, [2, 3], [3 / 4, 4 / 3]);
    expect(wide).toEqual({ top: 0, left: Math.floor((50 - pyRound(20 * 4 / 3)) / 2), height: 20, width: pyRound(20 * 4 / 3) });
    expect(resizedCropBox(rng, 30, 32, [2, 3], [3 / 4, 4 / 3])).toEqual({ top: 0, left: 0, height: 30, width: 32 });
  });
  it('uses exactly ten tries before the fallback', () => {
    let calls = 0;
    const counting = () => { calls++; return 0.5; };
    resizedCropBox(counting, 10, 10, [2, 3], [1, 1]);
    expect(calls).toBe(20);
  });
  it('covers the scale range: mean area fraction near the uniform mean when every try fits', () => {
    const rng = mulberry32(5);
    let sum = 0;
    const n = 4000;
    for (let t = 0; t < n; t++) { const b = resizedCropBox(rng, 100, 100, [0.2, 0.6], [1, 1]); sum += (b.width * b.height) / 1e4; }
    expect(sum / n).toBeGreaterThan(0.38);
    expect(sum / n).toBeLessThan(0.42);
  });
});

describe('RandomPerspective.get_params', () => {
  it('moves each corner inwards by at most distortion_scale · half the side', () => {
    const rng = mulberry32(2);
    const w = 23; const h = 17; const d = 0.5;
    const hw = Math.trunc(d * Math.floor(w / 2)); const hh = Math.trunc(d * Math.floor(h / 2));
    let maxDx = 0;
    for (let t = 0; t < 400; t++) {
      const { startpoints, endpoints } = perspectiveEndpoints(rng, w, h, d);
      expect(startpoints).toEqual([[0, 0], [22, 0], [22, 16], [0, 16]]);
      endpoints.forEach(([x, y], i) => {
        const dx = Math.abs(x - startpoints[i][0]); const dy = Math.abs(y - startpoints[i][1]);
        expect(dx).toBeLessThanOrEqual(hw);
        expect(dy).toBeLessThanOrEqual(hh);
        maxDx = Math.max(maxDx, dx);
      });
    }
    expect(maxDx).toBe(hw);
  });
  it('is the identity at distortion_scale 0', () => {
    const { startpoints, endpoints } = perspectiveEndpoints(mulberry32(1), 23, 17, 0);
    expect(endpoints).toEqual(startpoints);
  });
});

describe('RandomErasing.get_params', () => {
  it('returns a box strictly smaller than the image, or nothing after ten failed tries', () => {
    const rng = mulberry32(4);
    for (let t = 0; t < 300; t++) {
      const { box } = erasingBox(rng, 17, 23, [0.02, 0.33], [0.3, 3.3]);
      if (!box) continue;
      expect(box.h).toBeLessThan(17);
      expect(box.w).toBeLessThan(23);
      expect(box.i + box.h).toBeLessThanOrEqual(17);
      expect(box.j + box.w).toBeLessThanOrEqual(23);
    }
    expect(erasingBox(rng, 17, 23, [1, 1], [1, 1]).box).toBeNull();
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
      expect(b).toBeGreaterThanOrEqual(0.6); expect(b).toBeLessThan(1.4);
      expect(c).toBeGreaterThanOrEqual(0.8); expect(c).toBeLessThan(1.2);
      expect(sat).toBeGreaterThanOrEqual(0); expect(sat).toBeLessThan(2.5);
      expect(hue).toBeGreaterThanOrEqual(-0.1); expect(hue).toBeLessThan(0.1);
    }
    expect(orders.size).toBe(24);
  });
  it('draws no factor for a jitter of zero', () => {
    const d = drawStep(mulberry32(1), step({ op: 'ColorJitter', params: { brightness: 0.3 } }), 8, 8);
    expect(d.op === 'ColorJitter' && d.factors.slice(1)).toEqual([null, null, null]);
  });
});
