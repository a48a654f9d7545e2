import { describe, it, expect } from 'vitest';
import { describeStep } from '../../../src/augment/pipeline';
import { validatePipeline } from '../../../src/augment/validate-pipeline';

describe('validatePipeline', () => {
  it('fills in torchvision\'s defaults and canonical ranges', () => {
    const v = validatePipeline([
      { op: 'RandomHorizontalFlip' },
      { op: 'ColorJitter', params: { brightness: 0.3, hue: 0.1 } },
      { op: 'RandomResizedCrop', params: { size: 64 } },
      { op: 'RandomRotation', params: { degrees: 10 } },
      { op: 'RandomErasing' },
      { op: 'GaussianBlur', params: { kernel_size: [5, 3] } },
      { op: 'RandomCrop', params: { size: 64, padding: [4, 2] } },
      { op: 'RandomPerspective' },
    ]);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.value.map((s) => s.params)).toEqual([
      { p: 0.5 },
      { brightness: [0.7, 1.3], contrast: [1, 1], saturation: [1, 1], hue: [-0.1, 0.1] },
      { size: [64, 64], scale: [0.08, 1], ratio: [3 / 4, 4 / 3], antialias: true },
      { degrees: [-10, 10], interpolation: 'nearest', fill: [0] },
      { p: 0.5, scale: [0.02, 0.33], ratio: [0.3, 3.3], value: [0] },
      { kernel_size: [5, 3], sigma: [0.1, 2] },
      { size: [64, 64], padding: [4, 2, 4, 2], fill: 0, padding_mode: 'constant' },
      { distortion_scale: 0.5, p: 0.5, interpolation: 'bilinear', fill: [0] },
    ]);
    expect(describeStep(v.value[1])).toBe('ColorJitter(brightness=(0.7, 1.3), contrast=(1, 1), saturation=(1, 1), hue=(-0.1, 0.1))');
  });

  it('is idempotent and survives JSON (for the run record)', () => {
    const first = validatePipeline([{ op: 'ColorJitter', params: { brightness: 1.5 } }, { op: 'RandomErasing', params: { value: 'random' } }]);
    if (!first.ok) throw new Error(first.errors.join());
    const again = validatePipeline(JSON.parse(JSON.stringify(first.value)));
    expect(again).toEqual(first);
  });

  it('names the step, transform and parameter of each problem', () => {
    const v = validatePipeline([
      { op: 'RandomFlip' },
      { op: 'ColorJitter', params: { brightness: -1 } },
      { op: 'ColorJitter', params: { hue: 0.7 } },
      { op: 'GaussianBlur', params: { kernel_size: 4 } },
      { op: 'RandomRotation', params: { degree: 5 } },
      { op: 'RandomResizedCrop', params: {} },
      { op: 'RandomHorizontalFlip', params: { p: 2 } },
      { op: 'RandomErasing', params: { scale: [0.5, 0.1] } },
      'flip',
    ]);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.errors).toHaveLength(9);
    expect(v.errors[0]).toMatch(/steps\[0\]\.op must be one of .*RandomHorizontalFlip.* \(got "RandomFlip"\)/);
    expect(v.errors[1]).toMatch(/steps\[1\]\.params\.brightness must be a number in \[0, Infinity\]/);
    expect(v.errors[2]).toMatch(/steps\[2\]\.params\.hue must be a number in \[0, 0.5\]/);
    expect(v.errors[3]).toMatch(/steps\[3\]\.params\.kernel_size must be odd/);
    expect(v.errors[4]).toMatch(/steps\[4\] \(RandomRotation\): unknown parameter "degree"/);
    expect(v.errors[5]).toMatch(/steps\[5\]\.params\.size must be an integer or \[height, width\] \(got missing\)/);
    expect(v.errors[6]).toMatch(/steps\[6\]\.params\.p must be a number in \[0, 1\]/);
    expect(v.errors[7]).toMatch(/steps\[7\]\.params\.scale must be \[min, max\] with min ≤ max/);
    expect(v.errors[8]).toMatch(/steps\[8\] must be an object/);
  });

  it('checks the sizes a step meets when given the image size', () => {
    const big = validatePipeline([{ op: 'RandomCrop', params: { size: 40, padding: 2 } }], [32, 32]);
    expect(big.ok === false && big.errors[0]).toMatch(/RandomCrop.*40×40 is larger than the padded image 36×36/);
    const after = validatePipeline([{ op: 'RandomResizedCrop', params: { size: 8 } }, { op: 'GaussianBlur', params: { kernel_size: 17 } }], [64, 64]);
    expect(after.ok === false && after.errors[0]).toMatch(/steps\[1\] \(GaussianBlur\).*too large for a 8×8 image/);
    expect(validatePipeline([{ op: 'RandomCrop', params: { size: 36, padding: 2 } }], [32, 32]).ok).toBe(true);
  });

  it('rejects what is not a list, and NaN', () => {
    expect(validatePipeline({ op: 'RandomHorizontalFlip' })).toEqual({ ok: false, errors: [expect.stringMatching(/must be a list/)] });
    const nan = validatePipeline([{ op: 'RandomRotation', params: { degrees: Number.NaN } }]);
    expect(nan.ok).toBe(false);
  });
});
