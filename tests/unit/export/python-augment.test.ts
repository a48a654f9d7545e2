import { describe, expect, it } from 'vitest';
import { validatePipeline } from '../../../src/augment/validate-pipeline';
import { augmentSource, torchvisionStep } from '../../../src/export/python-augment';

describe('torchvisionStep', () => {
  it('writes every transform as its torchvision.transforms constructor call', () => {
    const v = validatePipeline([
      { op: 'RandomHorizontalFlip', params: { p: 0.25 } },
      { op: 'ColorJitter', params: { brightness: 0.3, hue: [-0.1, 0.2] } },
      { op: 'RandomPerspective', params: { interpolation: 'nearest', fill: [1, 0, 0] } },
      { op: 'RandomResizedCrop', params: { size: [20, 30], antialias: false } },
      { op: 'RandomCrop', params: { size: 8, padding: [1, 2], padding_mode: 'edge' } },
      { op: 'RandomRotation', params: { degrees: 10 } },
      { op: 'RandomErasing', params: { value: 0.5 } },
      { op: 'GaussianBlur', params: { kernel_size: [5, 3], sigma: 1.5 } },
    ]);
    if (!v.ok) throw new Error(v.errors.join('; '));
    expect(v.value.map(torchvisionStep)).toEqual([
      'T.RandomHorizontalFlip(p=0.25)',
      'T.ColorJitter(brightness=(0.7, 1.3), contrast=(1, 1), saturation=(1, 1), hue=(-0.1, 0.2))',
      'T.RandomPerspective(distortion_scale=0.5, p=0.5, interpolation=InterpolationMode.NEAREST, fill=[1, 0, 0])',
      `T.RandomResizedCrop(size=(20, 30), scale=(0.08, 1), ratio=(${3 / 4}, ${4 / 3}), interpolation=InterpolationMode.BILINEAR, antialias=False)`,
      'T.RandomCrop(size=(8, 8), padding=(1, 2, 1, 2), fill=0, padding_mode="edge")',
      'T.RandomRotation(degrees=(-10, 10), interpolation=InterpolationMode.NEAREST, fill=[0])',
      'T.RandomErasing(p=0.5, scale=(0.02, 0.33), ratio=(0.3, 3.3), value=(0.5,))',
      'T.GaussianBlur(kernel_size=(5, 3), sigma=(1.5, 1.5))',
    ]);
    expect(augmentSource(v.value)).toContain(`    return T.Compose([\n        ${torchvisionStep(v.value[0])},\n`);
  });
});
