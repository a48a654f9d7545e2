import { describe, expect, it } from 'vitest';
import { bestGeneralisation, GAP_TIE, testAccuracyDifference, trainValGap } from '../../../src/comparison/generalisation';
import { metricsFromConfusion } from '../../../src/train/metrics';
import { comparisonRun, homeworkRuns } from '../../helpers/run-records';

const TOL = 1e-12;

describe('trainValGap', () => {
  it('is train minus validation accuracy at the last epoch, null without epochs', () => {
    const [cnn] = homeworkRuns();
    const last = cnn.epochs.at(-1)!;
    expect(trainValGap(cnn)).toBeCloseTo(last.trainAccuracy - last.valAccuracy, 12);
    expect(trainValGap(cnn)).toBeCloseTo(0.95 - 0.45, 12);
    expect(trainValGap({ epochs: [] })).toBeNull();
  });
});

describe('bestGeneralisation', () => {
  it('picks the smallest gap and says by how much it beats the next', () => {
    const runs = homeworkRuns();
    const b = bestGeneralisation(runs)!;
    expect(b.run.id).toBe('augmented-fixture');
    expect(b.gap).toBeCloseTo(0.8 - 0.72, 12);
    expect(b.margin).toBeCloseTo(0.88 - 0.58 - (0.8 - 0.72), 12);
    expect(b.tie).toBe(false);
  });
  it('calls gaps closer than GAP_TIE a tie, and has no answer without epochs', () => {
    const a = comparisonRun({ id: 'a', question: 'q2.3', seed: 1, skill: 10, finalTrain: 0.8, finalVal: 0.7 });
    const b = comparisonRun({ id: 'b', question: 'q2.4', seed: 2, skill: 10, finalTrain: 0.8, finalVal: 0.7 + GAP_TIE / 2 });
    expect(bestGeneralisation([a, b])!.tie).toBe(true);
    expect(bestGeneralisation([a])).toMatchObject({ margin: null, tie: false });
    expect(bestGeneralisation([{ ...a, epochs: [] }])).toBeNull();
  });
});

describe('testAccuracyDifference', () => {
  it('subtracts accuracies recomputed from the confusion matrices, not the stated ones', () => {
    const [cnn, , aug] = homeworkRuns();
    const expected = metricsFromConfusion(aug.test!.confusion).accuracy - metricsFromConfusion(cnn.test!.confusion).accuracy;
    expect(Math.abs(testAccuracyDifference(aug, cnn)! - expected)).toBeLessThan(TOL);
    const stated = { ...aug, test: { ...aug.test!, accuracy: 0.99 } };
    expect(Math.abs(testAccuracyDifference(stated, cnn)! - expected)).toBeLessThan(TOL);
    expect(testAccuracyDifference({ test: null }, cnn)).toBeNull();
  });
});
