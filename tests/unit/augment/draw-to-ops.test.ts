import { describe, expect, it } from 'vitest';
import { drawToOps } from '../../../src/augment/draw-to-ops';
import { startStep } from '../../../src/augment/pipeline-form';

describe('drawToOps', () => {
  it("gives ColorJitter's adjustments in the draw's order, leaving out those at the identity", () => {
    const step = startStep('ColorJitter', 16);
    const ops = drawToOps(step, { op: 'ColorJitter', order: [2, 3, 0, 1], factors: [1.1, null, 0.9, null] });
    expect(ops).toEqual([
      { op: 'adjust_saturation', saturation_factor: 0.9 },
      { op: 'adjust_brightness', brightness_factor: 1.1 },
    ]);
  });

  it("returns no ops for another transform's draw", () => {
    expect(drawToOps(startStep('RandomRotation', 16), { op: 'GaussianBlur', sigma: 1 })).toEqual([]);
    expect(drawToOps(startStep('RandomHorizontalFlip', 16), { op: 'RandomHorizontalFlip', flip: true })).toEqual([{ op: 'hflip' }]);
  });
});
