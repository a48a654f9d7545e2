import { describe, expect, it } from 'vitest';
import { grade } from '../../../src/exercises/grade';
import { homeworkVariant } from '../../../src/exercises/variant';
import { latestPerQuestion } from '../../../src/comparison/run-sources';
import { Q2_6 } from '../../../src/homework/q2-6';
import { CLAIM_OPTIONS, q26claims } from '../../../src/homework/q2-6-claims';
import { bestByF1, q26models, weightsRatio } from '../../../src/homework/q2-6-models';
import { parameterCount } from '../../../src/train/shape-table';
import { metricsFromConfusion } from '../../../src/train/metrics';
import type { RunRecord } from '../../../src/record/run-record';
import { gradeFor } from '../../helpers/q2b-runs';
import { comparisonRun, homeworkRuns } from '../../helpers/run-records';

/** torchvision's ResNet-18 (ResNet18_Weights.IMAGENET1K_V1 metadata: num_params 11,689,512) with its 512 → 1,000 fc replaced by 512 → 10. */
const RESNET_10 = 11_689_512 - (512 * 1000 + 1000) + (512 * 10 + 10);
/** The homework CNN at S × S: three 3×3 convolutions (32, 64, 128 maps, with biases) and a linear layer from 128·(S/16)² features. */
const cnnParams = (s: number) =>
  [
    [3, 32],
    [32, 64],
    [64, 128],
  ].reduce((n, [i, o]) => n + o * i * 9 + o, 0) +
  128 * (s / 16) ** 2 * 10 +
  10;

describe('q2.6.claims', () => {
  it("wants the two conclusions the homework's evidence contradicts, with the homework's numbers in the options", async () => {
    const p = (await q26claims.parts(homeworkVariant))[0];
    expect(grade(p, ['val-decrease', 'resnet-fits']).status).toBe('correct');
    expect(grade(p, ['val-decrease']).mistake).toBe('only-decrease');
    expect(grade(p, ['val-decrease', 'resnet-fits', 'cnn-overfits']).mistake).toBe('cnn');
    expect(CLAIM_OPTIONS.find((o) => o.id === 'aug-gap')!.label).toContain('from 29.6 to 11.9 points');
    expect(CLAIM_OPTIONS.find((o) => o.id === 'val-decrease')!.label).toMatch(/consistent decrease in validation losses/);
  });
});

describe('q2.6.models', () => {
  const runs = homeworkRuns();
  const [cnn, resnet, aug] = runs;
  const f1 = (r: RunRecord) => metricsFromConfusion(r.test!.confusion).macroF1;

  it('wants the run with the highest macro F1, and the ratio of trained weights, q2.3 over the CNN, counted from the architectures', async () => {
    expect(parameterCount(64, 3, 10)).toBe(cnnParams(64));
    const best = [cnn, resnet, aug].reduce((a, b) => (f1(b) > f1(a) ? b : a)).config.question;
    expect((await gradeFor(Q2_6, 'q2.6.models.best_f1', best, runs)).status).toBe('correct');
    const ratio = RESNET_10 / cnnParams(64);
    expect((await gradeFor(Q2_6, 'q2.6.models.weights_ratio', ratio.toFixed(1), runs)).status).toBe('correct');
    expect((await gradeFor(Q2_6, 'q2.6.models.weights_ratio', (1 / ratio).toFixed(4), runs)).mistake).toBe('inverse');
    const frozen: RunRecord = { ...resnet, config: { ...resnet.config, fineTuning: 'frozen', batchNorm: 'eval' } };
    const list = [cnn, frozen, aug];
    expect(weightsRatio(latestPerQuestion(list))!.ratio).toBeCloseTo((512 * 10 + 10) / cnnParams(64), 12);
    expect((await gradeFor(Q2_6, 'q2.6.models.weights_ratio', ratio.toFixed(1), list)).mistake).toBe('all-weights');
  });

  it('leaves the best model to the instructor on a near tie or with one run, and the ratio without both runs', async () => {
    const twin = { ...resnet, id: 'twin', createdAt: '2026-12-01T00:00:00.000Z', config: { ...resnet.config, question: 'q2.4' as const } };
    expect(bestByF1(latestPerQuestion([resnet, twin]))).toBeNull();
    expect((await q26models.parts(homeworkVariant, { runs: [resnet] })).map((p) => p.kind)).toEqual(['text', 'text']);
    const other = comparisonRun({ id: 'cnn-2', question: 'q2.2', seed: 3, skill: 1, finalTrain: 0.5, finalVal: 0.4 });
    expect((await q26models.parts(homeworkVariant, { runs: [other, resnet] })).map((p) => p.kind)).toEqual(['choice', 'number']);
  });
});
