import { describe, expect, it } from 'vitest';
import { describeManifest, describeSpeed } from '../../../src/data/load-timing';

describe('load-timing', () => {
  it('describes a manifest and a decoding speed', () => {
    expect(describeManifest({ count: 5000, classes: Array(10).fill('x'), imageSize: 28, channels: 1 })).toBe(
      '5,000 images, 10 classes, 28×28 grayscale (3.9 MB)',
    );
    expect(describeManifest({ count: 2000, classes: ['a', 'b'], imageSize: 128, channels: 3 })).toBe(
      '2,000 images, 2 classes, 128×128 RGB (98 MB)',
    );
    expect(describeSpeed(2000, 3.2)).toBe('Decoded 2,000 files in 3.2 s (625 images/s)');
    expect(describeSpeed(5, 0)).toContain('(0 images/s)');
  });
});
