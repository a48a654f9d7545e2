import { describe, it, expect } from 'vitest';
import { mulberry32 } from '../../../../src/data/rng';
import { perspectiveEndpoints } from '../../../../src/augment/transforms/random-perspective';

describe('RandomPerspective.get_params', () => {
  it('moves each corner inwards by at most distortion_scale · half the side', () => {
    const rng = mulberry32(2);
    const w = 23;
    const h = 17;
    const d = 0.5;
    const hw = Math.trunc(d * Math.floor(w / 2));
    const hh = Math.trunc(d * Math.floor(h / 2));
    let maxDx = 0;
    for (let t = 0; t < 400; t++) {
      const { startpoints, endpoints } = perspectiveEndpoints(rng, w, h, d);
      expect(startpoints).toEqual([
        [0, 0],
        [22, 0],
        [22, 16],
        [0, 16],
      ]);
      endpoints.forEach(([x, y], i) => {
        const dx = Math.abs(x - startpoints[i][0]);
        const dy = Math.abs(y - startpoints[i][1]);
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
