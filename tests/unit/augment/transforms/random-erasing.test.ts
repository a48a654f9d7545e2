import { describe, it, expect } from 'vitest';
import { mulberry32 } from '../../../../src/data/rng';
import { erasingBox } from '../../../../src/augment/transforms/random-erasing';

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
