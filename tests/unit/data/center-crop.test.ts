import { describe, expect, it } from 'vitest';
import { cropRect } from '../../../src/data/center-crop';

describe('cropRect', () => {
  it('keeps the central square of a landscape photo', () => {
    expect(cropRect(500, 375, 128, 128)).toEqual({ x: 62, y: 0, width: 375, height: 375 });
  });

  it('keeps the central square of a portrait photo', () => {
    expect(cropRect(300, 401, 64, 64)).toEqual({ x: 0, y: 50, width: 300, height: 300 });
  });

  it('returns the whole image when the aspect already matches or in stretch mode', () => {
    expect(cropRect(200, 200, 64, 64)).toEqual({ x: 0, y: 0, width: 200, height: 200 });
    expect(cropRect(500, 375, 64, 64, 'stretch')).toEqual({ x: 0, y: 0, width: 500, height: 375 });
  });

  it('handles non-square targets and one-pixel images', () => {
    expect(cropRect(100, 100, 200, 100)).toEqual({ x: 0, y: 25, width: 100, height: 50 });
    expect(cropRect(1, 1, 224, 224)).toEqual({ x: 0, y: 0, width: 1, height: 1 });
  });

  it('rejects non-positive sizes', () => {
    expect(() => cropRect(0, 10, 5, 5)).toThrow(/srcW must be a positive integer/);
  });
});
