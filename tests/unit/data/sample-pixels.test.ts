import { describe, expect, it } from 'vitest';
import { imageToRgba, samplesPerClass } from '../../../src/data/sample-pixels';

describe('samplesPerClass', () => {
  it('takes the first images of each class in order, fewer when a class is small', () => {
    expect(samplesPerClass([0, 1, 0, 0, 2, 1], 4, 2)).toEqual([[0, 2], [1, 5], [4], []]);
  });
});

describe('imageToRgba', () => {
  it('copies gray to R=G=B and RGB as is, alpha 255', () => {
    const gray = Uint8Array.from([1, 2, 3, 4, 10, 20, 30, 40]);
    expect(Array.from(imageToRgba(gray, 1, 2, 1).subarray(0, 8))).toEqual([10, 10, 10, 255, 20, 20, 20, 255]);
    const rgb = Uint8Array.from([5, 6, 7]);
    expect(Array.from(imageToRgba(rgb, 0, 1, 3))).toEqual([5, 6, 7, 255]);
  });

  it('throws for an image outside the buffer', () => {
    expect(() => imageToRgba(new Uint8Array(4), 1, 2, 1)).toThrow(/outside/);
    expect(() => imageToRgba(new Uint8Array(4), -1, 2, 1)).toThrow(/outside/);
  });
});
