import { describe, expect, it } from 'vitest';
import { dyMatches } from '../../../../src/train/kernels/geometry';

describe('dyMatches', () => {
  const info = { batchSize: 2, outHeight: 4, outWidth: 3, outChannels: 5 };
  it('accepts the dy [n, outHeight, outWidth, outChannels] of the geometry', () => {
    expect(dyMatches({ shape: [2, 4, 3, 5] }, info)).toBe(true);
  });
  it('rejects a dy with another size along any axis, or another rank', () => {
    expect(dyMatches({ shape: [2, 8, 3, 5] }, info)).toBe(false);
    expect(dyMatches({ shape: [2, 4, 6, 5] }, info)).toBe(false);
    expect(dyMatches({ shape: [1, 4, 3, 5] }, info)).toBe(false);
    expect(dyMatches({ shape: [2, 4, 3, 4] }, info)).toBe(false);
    expect(dyMatches({ shape: [4, 3, 5] }, info)).toBe(false);
  });
});
