import { describe, it, expect } from 'vitest';
import { describeStep } from '../../../src/augment/pipeline';
import { validatePipeline } from '../../../src/augment/validate-pipeline';
import { parseDescribedStep } from '../../../src/export/described-step';

describe('parseDescribedStep', () => {
  it('reads back every transform describeStep() writes, with the same parameters', () => {
    const steps = (
      validatePipeline([
        { op: 'RandomHorizontalFlip' },
        { op: 'ColorJitter', params: { contrast: 0.4, hue: [-0.2, 0.1] } },
        { op: 'RandomPerspective', params: { interpolation: 'nearest', fill: [1, 0, 0] } },
        { op: 'RandomResizedCrop', params: { size: [20, 30], antialias: false } },
        { op: 'RandomCrop', params: { size: 8, padding: [1, 2, 3, 4], fill: 0.25, padding_mode: 'symmetric' } },
        { op: 'RandomRotation', params: { degrees: [-5, 12.5] } },
        { op: 'RandomErasing', params: { value: 'random', scale: [0.1, 0.2] } },
        { op: 'GaussianBlur', params: { kernel_size: 5, sigma: [1e-3, 2] } },
      ]) as { ok: true; value: Parameters<typeof describeStep>[0][] }
    ).value;
    for (const s of steps) {
      const p = parseDescribedStep(describeStep(s));
      expect(p.ok).toBe(true);
      if (p.ok) expect((validatePipeline([p.value]) as { ok: true; value: unknown[] }).value[0]).toEqual(s);
    }
  });

  it('says where the text stops being a transform', () => {
    expect(parseDescribedStep('flip')).toEqual({ ok: false, error: 'expected a transform like "RandomHorizontalFlip(p=0.5)"' });
    expect(parseDescribedStep('RandomCrop(size=(8, 8)')).toMatchObject({ ok: false, error: expect.stringMatching(/expected "," or "\)"/) });
    expect(parseDescribedStep('GaussianBlur(sigma=abc)')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/"abc" is not a number/),
    });
    expect(parseDescribedStep('ColorJitter(hue 0.1)')).toMatchObject({ ok: false, error: expect.stringMatching(/expected "=" after hue/) });
  });
});
