import { describe, expect, it } from 'vitest';
import { overlaidCurves, perClassF1Table, resultPanels, sameClasses } from '../../../src/comparison/side-by-side';
import { metricsFromConfusion } from '../../../src/train/metrics';
import { CLASSES, homeworkRuns } from '../../helpers/run-records';

describe('overlaidCurves', () => {
  it('gives one labelled curve per run with epochs, in the compare form of training-curves', () => {
    const runs = homeworkRuns();
    const { curves, labels } = overlaidCurves([...runs, { ...runs[0], id: 'empty', epochs: [] }], 'valAccuracy');
    expect(curves.map((c) => c.id)).toEqual(['cnn-fixture', 'resnet-fixture', 'augmented-fixture']);
    expect(curves[0].points).toEqual(runs[0].epochs.map((e) => [e.epoch, e.valAccuracy]));
    expect(curves[0].label).toBe('q2.2 CNN · 64 px · pytorch · 5/5 ep');
    expect(labels.get('resnet-fixture')).toBe('q2.3 ResNet-18 · 64 px · pytorch · 5/5 ep · pretrained');
  });
});

describe('resultPanels and perClassF1Table', () => {
  it('put per-class F1 (recomputed) and confusion matrices of the runs with test results side by side', () => {
    const runs = homeworkRuns();
    const panels = resultPanels([runs[0], { ...runs[1], test: null }, runs[2]]);
    expect(panels.map((p) => p.id)).toEqual(['cnn-fixture', 'augmented-fixture']);
    expect(panels[0].confusion).toBe(runs[0].test!.confusion);
    const f1 = metricsFromConfusion(runs[2].test!.confusion).perClass.map((c) => c.f1);
    const table = perClassF1Table(panels);
    expect(table.classes).toEqual(CLASSES);
    expect(table.columns.map((c) => c.id)).toEqual(['cnn-fixture', 'augmented-fixture']);
    table.rows.forEach((row, i) => expect(row[1]).toBeCloseTo(f1[i], 12));
    expect(sameClasses(panels)).toBe(true);
  });
  it('lines classes up by name when runs differ in classes', () => {
    const [cnn] = homeworkRuns();
    const three = {
      ...cnn,
      id: 'three',
      dataset: { ...cnn.dataset, classes: ['dog', 'cat', 'birds'], counts: { ...cnn.dataset.counts, test: 6 } },
      test: {
        ...cnn.test!,
        confusion: [
          [2, 0, 0],
          [0, 2, 0],
          [0, 1, 1],
        ],
      },
    };
    const panels = resultPanels([cnn, three]);
    expect(sameClasses(panels)).toBe(false);
    const table = perClassF1Table(panels);
    expect(table.classes).toEqual([...CLASSES, 'cat']);
    expect(table.rows[CLASSES.indexOf('dog')][1]).toBeCloseTo(1, 12);
    expect(table.rows[CLASSES.indexOf('amur_tiger')][1]).toBeNull();
    expect(table.rows.at(-1)).toEqual([null, expect.closeTo(0.8, 12)]);
    expect(perClassF1Table([])).toEqual({ classes: [], columns: [], rows: [] });
  });
});
