import { describe, expect, it } from 'vitest';
import { augmentationName, augmentationText, describeAugmentations } from '../../../src/comparison/augmentation-text';

describe('describeAugmentations', () => {
  it('reads version-1 names as they are', () => {
    expect(describeAugmentations(['hflip', 'ColorJitter(brightness=0.3)'])).toEqual({
      names: 'hflip, ColorJitter(brightness=0.3)',
      full: 'hflip, ColorJitter(brightness=0.3)',
      count: 2,
    });
  });
  it('reads version-2 {op, params} steps: names short, parameters in the full text', () => {
    const steps = [
      { op: 'RandomPerspective', params: { distortion_scale: 0.5, p: 0.5, interpolation: 'bilinear', fill: [0, 0, 0] } },
      { op: 'ColorJitter', params: { brightness: [0.7, 1.3], hue: [-0.1, 0.1] } },
    ];
    expect(describeAugmentations(steps)).toEqual({
      names: 'RandomPerspective, ColorJitter',
      full: "RandomPerspective(distortion_scale=0.5, p=0.5, interpolation='bilinear', fill=(0, 0, 0)), ColorJitter(brightness=(0.7, 1.3), hue=(-0.1, 0.1))",
      count: 2,
    });
  });
  it('mixes both forms, skips entries of neither, and says none for an empty or missing list', () => {
    expect(describeAugmentations(['hflip', { op: 'GaussianBlur' }, 42, null, { params: {} }, ''])).toMatchObject({
      names: 'hflip, GaussianBlur',
      count: 2,
    });
    expect(augmentationText({ op: 'GaussianBlur' })).toBe('GaussianBlur()');
    expect(augmentationName({ op: 'X', params: [1] })).toBe('X');
    expect(augmentationText({ op: 'X', params: [1] })).toBe('X()');
    expect(describeAugmentations([])).toEqual({ names: 'none', full: 'none', count: 0 });
    expect(describeAugmentations(undefined)).toEqual({ names: 'none', full: 'none', count: 0 });
  });
});
