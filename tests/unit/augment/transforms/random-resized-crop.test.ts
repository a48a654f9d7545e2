import { describe, it, expect } from 'vitest';
import { mulberry32 } from '../../../../src/data/rng';
import { resizedCropBox } from '../../../../src/augment/transforms/random-resized-crop';
import { pyRound } from '../../../../src/augment/torch-random';

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
    expect(wide).toEqual({ top: 0, left: Math.floor((50 - pyRound((20 * 4) / 3)) / 2), height: 20, width: pyRound((20 * 4) / 3) });
    expect(resizedCropBox(rng, 30, 32, [2, 3], [3 / 4, 4 / 3])).toEqual({ top: 0, left: 0, height: 30, width: 32 });
  });
  it('uses exactly ten tries before the fallback', () => {
    let calls = 0;
    const counting = () => {
      calls++;
      return 0.5;
    };
    resizedCropBox(counting, 10, 10, [2, 3], [1, 1]);
    expect(calls).toBe(20);
  });
  it('covers the scale range: mean area fraction near the uniform mean when every try fits', () => {
    const rng = mulberry32(5);
    let sum = 0;
    const n = 4000;
    for (let t = 0; t < n; t++) {
      const b = resizedCropBox(rng, 100, 100, [0.2, 0.6], [1, 1]);
      sum += (b.width * b.height) / 1e4;
    }
    expect(sum / n).toBeGreaterThan(0.38);
    expect(sum / n).toBeLessThan(0.42);
  });
});
