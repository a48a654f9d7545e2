import { describe, expect, it } from 'vitest';
import { batchImageRgba, previewBatch } from '../../../src/augment/preview-batch';

describe('previewBatch', () => {
  it('repeats each chosen image once per draw, gray as RGB, scaled to [0, 1]; batchImageRgba inverts it', () => {
    const size = 2;
    const gray = Uint8Array.from({ length: 3 * 4 }, (_, i) => i * 20);
    const b = previewBatch(gray, size, 1, [2, 0], 2);
    expect(b.length).toBe(2 * 2 * 4 * 3);
    expect(Array.from(b.slice(0, 3))).toEqual([160 / 255, 160 / 255, 160 / 255].map(Math.fround));
    expect(b.slice(12, 24)).toEqual(b.slice(0, 12));
    expect(b[24]).toBe(0);
    const rgba = batchImageRgba(b, 3, size, size);
    expect(Array.from(rgba)).toEqual([0, 0, 0, 255, 20, 20, 20, 255, 40, 40, 40, 255, 60, 60, 60, 255]);
  });

  it('keeps colour channels apart and clamps values outside [0, 1]', () => {
    const rgb = Uint8Array.from([10, 20, 30]);
    const b = previewBatch(rgb, 1, 3, [0], 1);
    expect(Array.from(batchImageRgba(b, 0, 1, 1))).toEqual([10, 20, 30, 255]);
    expect(Array.from(batchImageRgba(Float32Array.from([-0.5, 1.5, 0.5]), 0, 1, 1))).toEqual([0, 255, 128, 255]);
  });
});
