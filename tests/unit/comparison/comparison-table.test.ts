import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { comparisonTable, reportedRows, runRow } from '../../../src/comparison/comparison-table';
import { resnet18ParameterCount } from '../../../src/comparison/model-parameters';
import { REPORTED_MODELS } from '../../../src/comparison/reported-numbers';
import { metricsFromConfusion } from '../../../src/train/metrics';
import { parameterCount } from '../../../src/train/shape-table';
import { comparisonRun, homeworkRuns } from '../../helpers/run-records';

describe('runRow', () => {
  it('takes accuracy and F1 from the confusion matrix, parameters from the model, the rest from the record', () => {
    const [cnn, resnet, aug] = homeworkRuns();
    const m = metricsFromConfusion(cnn.test!.confusion);
    const row = runRow({ ...cnn, test: { ...cnn.test!, accuracy: 0.99, macroF1: 0.99 } });
    expect(row).toMatchObject({
      id: 'cnn-fixture',
      kind: 'run',
      question: 'q2.2',
      model: 'CNN',
      imageSize: 64,
      parameters: parameterCount(64),
      epochsDone: 5,
      epochsPlanned: 5,
      backend: 'pytorch',
      pretrained: false,
      pretrainedSource: null,
      augmentation: 'none',
      seconds: cnn.timings.totalSeconds,
      imagesPerSecond: 400,
    });
    expect(row.testAccuracy).toBeCloseTo(m.accuracy, 12);
    expect(row.macroF1).toBeCloseTo(m.macroF1, 12);
    expect(row.gap).toBeCloseTo(0.95 - 0.45, 12);
    expect(runRow(resnet)).toMatchObject({
      model: 'ResNet-18',
      parameters: resnet18ParameterCount(10),
      pretrained: true,
      pretrainedSource: 'torchvision IMAGENET1K_V1',
    });
    expect(runRow(aug).augmentation).toBe(
      'RandomPerspective(distortion_scale=0.5), ColorJitter(brightness=0.3, contrast=0.2, saturation=0.2), RandomCrop(64, padding=4)',
    );
  });
  it('reads a version-2 pipeline of {op, params} steps', () => {
    const run = comparisonRun({
      id: 'v2',
      question: 'q2.4',
      seed: 3,
      skill: 10,
      finalTrain: 0.8,
      finalVal: 0.7,
      augmentations: [{ op: 'RandomHorizontalFlip', params: { p: 0.5 } }],
    });
    expect(runRow(run)).toMatchObject({ augmentation: 'RandomHorizontalFlip', augmentationDetail: 'RandomHorizontalFlip(p=0.5)' });
  });
  it('leaves test numbers empty for a run without test results', () => {
    const [cnn] = homeworkRuns();
    expect(runRow({ ...cnn, test: null, epochs: [] })).toMatchObject({
      testAccuracy: null,
      macroF1: null,
      gap: null,
      trainAccuracy: null,
      epochsDone: 0,
    });
  });
});

describe('reportedRows', () => {
  it('are the numbers homework.md reports, labelled as reported', () => {
    const doc = readFileSync('../shared/homework.md', 'utf8');
    const para = doc.slice(doc.indexOf('What the original submission reported'), doc.indexOf('## Known mistakes'));
    for (const r of REPORTED_MODELS) {
      expect(para).toContain(r.testAccuracy.toFixed(4));
      expect(para).toContain(r.macroF1.toFixed(4));
    }
    expect(para).toContain('train 88.1%, val 58.5%');
    expect(para).toContain('train 86.6%, val 74.7%');
    const rows = reportedRows();
    expect(rows.map((r) => r.label)).toEqual([
      'Reported in the homework: CNN from scratch',
      'Reported in the homework: ResNet-18 fine-tuned',
      'Reported in the homework: ResNet-18 with augmentation',
    ]);
    expect(rows.every((r) => r.kind === 'reported')).toBe(true);
    expect(rows[0].gap).toBeNull();
    expect(rows[1].gap).toBeCloseTo(0.881 - 0.585, 12);
    expect(rows[2].gap).toBeCloseTo(0.866 - 0.747, 12);
    expect(rows[1].parameters).toBe(resnet18ParameterCount(10));
  });
});

describe('comparisonTable', () => {
  it('lists the chosen runs in order, then the three reference rows; with no run only the references', () => {
    const runs = homeworkRuns();
    expect(comparisonTable([runs[2], runs[0]]).map((r) => r.id)).toEqual([
      'augmented-fixture',
      'cnn-fixture',
      'reported-q2.2',
      'reported-q2.3',
      'reported-q2.4',
    ]);
    expect(comparisonTable([]).map((r) => r.kind)).toEqual(['reported', 'reported', 'reported']);
  });
});
