import { describe, expect, it } from 'vitest';
import {
  FORM_ORDER,
  fitPipeline,
  formEntries,
  homeworkPipeline,
  paramHint,
  paramText,
  pipelineFromForm,
  readParam,
  startStep,
} from '../../../src/augment/pipeline-form';
import { PIPELINE_OPS } from '../../../src/augment/pipeline';
import { validatePipeline } from '../../../src/augment/validate-pipeline';

describe('pipeline form', () => {
  it('offers every transform once, each with canonical starting parameters that validate at its size', () => {
    expect([...FORM_ORDER].sort()).toEqual([...PIPELINE_OPS].sort());
    for (const op of FORM_ORDER) {
      const step = startStep(op, 32);
      const v = validatePipeline([step], [32, 32]);
      expect(v.ok && v.value[0]).toEqual(step);
    }
    expect(homeworkPipeline(64).map((s) => s.op)).toEqual(['RandomCrop', 'RandomPerspective', 'ColorJitter']);
    expect(homeworkPipeline(64)[0].params).toMatchObject({ size: [64, 64], padding: [4, 4, 4, 4] });
  });

  it('reads fields back to the pipeline they show (round trip), in form order', () => {
    const pipeline = homeworkPipeline(28);
    const back = pipelineFromForm(formEntries(pipeline, 28), 28);
    expect(back.ok && back.value).toEqual([...pipeline].sort((a, b) => FORM_ORDER.indexOf(a.op) - FORM_ORDER.indexOf(b.op)));
    const none = pipelineFromForm(formEntries([], 28), 28);
    expect(none.ok && none.value).toEqual([]);
  });

  it('names a bad value by step and parameter', () => {
    const entries = formEntries([startStep('RandomHorizontalFlip', 32)], 32);
    entries.find((e) => e.op === 'RandomHorizontalFlip')!.fields.p = '1.5';
    const r = pipelineFromForm(entries, 32);
    expect(r.ok ? [] : r.errors).toEqual([expect.stringMatching(/steps\[0\]\.params\.p .*1\.5/)]);
    entries.find((e) => e.op === 'RandomHorizontalFlip')!.fields.p = 'half';
    const t = pipelineFromForm(entries, 32);
    expect(t.ok ? '' : t.errors.join()).toMatch(/params\.p/);
  });

  it('turns text into the kind of the parameter it edits', () => {
    expect(readParam(' 0.25 ', 0.5)).toBe(0.25);
    expect(readParam('0.7, 1.3', [1, 1])).toEqual([0.7, 1.3]);
    expect(readParam('random', [0])).toBe('random');
    expect(readParam('x, 2', [0, 0])).toEqual(['x', 2]);
    expect(readParam('false', true)).toBe(false);
    expect(readParam('bilinear', 'nearest')).toBe('bilinear');
    expect(paramText([0.7, 1.3])).toBe('0.7, 1.3');
  });

  it('fits crops to the training size and leaves other steps as they are', () => {
    const fitted = fitPipeline(homeworkPipeline(28), 64);
    expect(fitted[0].params).toMatchObject({ size: [64, 64] });
    expect(fitted.slice(1)).toEqual(homeworkPipeline(28).slice(1));
    expect(validatePipeline(fitted, [64, 64]).ok).toBe(true);
  });
});

describe('pipeline form messages', () => {
  it("names a bad field in the student's words, with the step and parameter to mark", () => {
    const entries = formEntries([startStep('RandomCrop', 32), startStep('RandomHorizontalFlip', 32)], 32);
    entries.find((e) => e.op === 'RandomHorizontalFlip')!.fields.p = '2';
    entries.find((e) => e.op === 'RandomCrop')!.fields.padding = '';
    const r = pipelineFromForm(entries, 32);
    expect(r.ok ? [] : r.problems.map((p) => [p.step, p.param, p.words])).toEqual([
      [
        0,
        'padding',
        'Step 1 (Random crop): the border padding must be a whole number, or 2 or 4 whole numbers separated by commas (the field is empty)',
      ],
      [1, 'p', 'Step 2 (Random horizontal flip): the probability p must be a number from 0 to 1 (you entered "2")'],
    ]);
  });

  it("gives a field's hint from its transform, and none for a name it does not know", () => {
    expect(paramHint('RandomHorizontalFlip', 'p')).toBe('the probability');
    expect(paramHint('RandomHorizontalFlip', 'q')).toBe('');
    expect(paramHint('RandomFlip', 'p')).toBe('');
  });
});
