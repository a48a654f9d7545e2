import { describe, it, expect } from 'vitest';
import { describeStep } from '../../../src/augment/pipeline';
import { checkPipeline, validatePipeline } from '../../../src/augment/validate-pipeline';

describe('validatePipeline', () => {
  it("fills in torchvision's defaults and canonical ranges", () => {
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
    const first = validatePipeline([
      { op: 'ColorJitter', params: { brightness: 1.5 } },
      { op: 'RandomErasing', params: { value: 'random' } },
    ]);
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
    const after = validatePipeline(
      [
        { op: 'RandomResizedCrop', params: { size: 8 } },
        { op: 'GaussianBlur', params: { kernel_size: 17 } },
      ],
      [64, 64],
    );
    expect(after.ok === false && after.errors[0]).toMatch(/steps\[1\] \(GaussianBlur\).*too large for a 8×8 image/);
    expect(validatePipeline([{ op: 'RandomCrop', params: { size: 36, padding: 2 } }], [32, 32]).ok).toBe(true);
  });

  it('rejects what is not a list, and NaN', () => {
    expect(validatePipeline({ op: 'RandomHorizontalFlip' })).toEqual({ ok: false, errors: [expect.stringMatching(/must be a list/)] });
    const nan = validatePipeline([{ op: 'RandomRotation', params: { degrees: Number.NaN } }]);
    expect(nan.ok).toBe(false);
  });
});

describe('checkPipeline', () => {
  it("says each problem in a student's words: the step by number and transform, the parameter by its label", () => {
    const json = [
      { op: 'RandomFlip' },
      { op: 'ColorJitter', params: { brightness: -1 } },
      { op: 'GaussianBlur', params: { kernel_size: 4 } },
      { op: 'RandomRotation', params: { degree: 5 } },
      { op: 'RandomResizedCrop', params: {} },
      { op: 'RandomHorizontalFlip', params: { p: 2 } },
      { op: 'RandomCrop', params: { size: [8, 'x'] } },
      { op: 'RandomErasing', params: { scale: '' } },
      'flip',
    ];
    const v = checkPipeline(json);
    if (v.ok) throw new Error('expected problems');
    const old = validatePipeline(json);
    expect(v.problems.map((p) => p.text)).toEqual(old.ok ? [] : old.errors);
    expect(v.problems.map((p) => p.words)).toEqual([
      expect.stringMatching(/^Step 1: the transform must be one of RandomHorizontalFlip, .* \(you entered "RandomFlip"\)$/),
      'Step 2 (Colour jitter): the range of brightness must be a number of at least 0 (you entered "-1")',
      'Step 3 (Gaussian blur): the kernel size kernel_size must be an odd number, as a Gaussian kernel has a centre tap (you entered "4")',
      'Step 4 (Random rotation): there is no parameter "degree" (it takes degrees, interpolation, fill)',
      'Step 5 (Random resized crop): the output size size must be a whole number, or height, width (it is missing)',
      'Step 6 (Random horizontal flip): the probability p must be a number from 0 to 1 (you entered "2")',
      'Step 7 (Random crop): number 2 of the output size size must be a whole number from 1 to 4096 (you entered "x")',
      'Step 8 (Random erasing): the range of area fractions scale must be 2 numbers separated by commas (the field is empty)',
      expect.stringMatching(/^Step 9 is not a transform/),
    ]);
    expect(v.problems.map((p) => [p.step, p.param])).toEqual([
      [0, null],
      [1, 'brightness'],
      [2, 'kernel_size'],
      [3, null],
      [4, 'size'],
      [5, 'p'],
      [6, 'size'],
      [7, 'scale'],
      [8, null],
    ]);
    for (const p of v.problems) expect(p.words).not.toMatch(/steps\[|params\./);
  });

  it('says in words when a step does not fit the image it meets', () => {
    const v = checkPipeline([{ op: 'RandomCrop', params: { size: 40, padding: 2 } }], [32, 32]);
    expect(v.ok ? [] : v.problems.map((p) => p.words)).toEqual(['Step 1 (Random crop): size 40×40 is larger than the padded image 36×36']);
    const notList = checkPipeline({});
    expect(notList.ok ? '' : notList.problems[0].words).toMatch(/^The pipeline must be a list of steps/);
  });
});
