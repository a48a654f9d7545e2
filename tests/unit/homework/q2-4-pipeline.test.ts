import { describe, expect, it } from 'vitest';
import { homeworkVariant } from '../../../src/exercises/variant';
import { Q2_4 } from '../../../src/homework/q2-4';
import { GEOMETRIC_OPS, q24pipeline, runTransforms } from '../../../src/homework/q2-4-pipeline';
import type { RunRecord } from '../../../src/record/run-record';
import { gradeFor } from '../../helpers/q2b-runs';
import { comparisonRun, homeworkRuns } from '../../helpers/run-records';

const augmentedWith = (augmentations: unknown[], epochs = 4): RunRecord =>
  comparisonRun({ id: 'aug', question: 'q2.4', seed: 7, skill: 20, finalTrain: 0.8, finalVal: 0.7, epochs, augmentations });
const g = (run: RunRecord, key: string, raw: string | string[]) => gradeFor(Q2_4, `q2.4.pipeline.${key}`, raw, [run]);

describe('runTransforms', () => {
  it('reads the names of version-2 steps and version-1 descriptions, and refuses a transform the book does not know', () => {
    expect(runTransforms(homeworkRuns()[2])).toEqual(['RandomPerspective', 'ColorJitter', 'RandomCrop']);
    expect(runTransforms(augmentedWith([{ op: 'RandomHorizontalFlip', params: { p: 0.5 } }]))).toEqual(['RandomHorizontalFlip']);
    expect(runTransforms(augmentedWith(['Resize(64)']))).toBeNull();
  });
});

describe('q2.4.pipeline', () => {
  const hw = homeworkRuns()[2];
  it("wants the geometric transforms of the run's own pipeline: the homework's perspective and crop, not its colour jitter", async () => {
    expect(GEOMETRIC_OPS).toEqual(expect.arrayContaining(['RandomPerspective', 'RandomCrop']));
    expect((await g(hw, 'geometric', ['RandomPerspective', 'RandomCrop'])).status).toBe('correct');
    expect((await g(hw, 'geometric', ['RandomPerspective', 'RandomCrop', 'ColorJitter'])).mistake).toBe('value-ColorJitter');
    expect((await g(hw, 'geometric', ['RandomPerspective', 'RandomCrop', 'RandomRotation'])).mistake).toBe('absent-RandomRotation');
    expect((await g(hw, 'geometric', ['none'])).mistake).toBe('said-none');
    const colourOnly = augmentedWith([{ op: 'ColorJitter', params: {} }]);
    expect((await g(colourOnly, 'geometric', ['none'])).status).toBe('correct');
    expect((await g(colourOnly, 'geometric', ['ColorJitter'])).mistake).toBe('value-ColorJitter');
  });

  it('counts one random version of each image per completed epoch, whatever the number of transforms', async () => {
    expect((await g(hw, 'versions', String(hw.epochs.length))).status).toBe('correct');
    expect((await g(hw, 'versions', String(3 * hw.epochs.length))).mistake).toBe('per-transform');
    expect((await g(hw, 'versions', '1')).mistake).toBe('once');
    const short = augmentedWith(['RandomCrop(64, padding=4)'], 3);
    const stopped = { ...short, config: { ...short.config, epochs: 10 } };
    expect((await g(stopped, 'versions', '10')).mistake).toBe('planned');
  });

  it('applies no transform to validation and test images, with or without a run', async () => {
    expect((await g(hw, 'evaluation', ['none'])).status).toBe('correct');
    expect((await g(hw, 'evaluation', ['RandomCrop'])).mistake).toBe('eval-RandomCrop');
    expect((await q24pipeline.parts(homeworkVariant, { runs: [] })).map((p) => p.kind)).toEqual(['text', 'text', 'choice']);
  });
});
