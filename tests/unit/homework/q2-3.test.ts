import { describe, expect, it } from 'vitest';
import { DEFAULT_COURSE } from '../../../src/course/course';
import { grade } from '../../../src/exercises/grade';
import type { RawAnswer } from '../../../src/exercises/types';
import { gradeSubmission } from '../../../src/grading/grade-submission';
import { EXERCISES } from '../../../src/homework/catalog';
import { curveFacts } from '../../../src/homework/q2-3-curves';
import { Q2_3 } from '../../../src/homework/q2-3';
import { GRADED_ITEMS, itemOfKey } from '../../../src/homework/structure';
import { metricsFromConfusion } from '../../../src/train/metrics';
import { type RunRecord, validateRunRecord } from '../../../src/train/run-record';
import { comparisonRun, homeworkRuns } from '../../helpers/run-records';
import { makeSubmission } from '../../helpers/submissions';
import { HOMEWORK } from './q1-helpers';

/** A q2.3 run whose features put classes 2 and 7 closest and class 9 alone. */
function runWithFeatures(finalTrain: number, finalVal: number, id = 'resnet-own'): RunRecord {
  const r = comparisonRun({ id, question: 'q2.3', seed: 21, skill: 14, finalTrain, finalVal, createdAt: '2026-12-01T10:00:00.000Z' });
  const pos = (c: number) => (c === 9 ? [40, 40] : c === 7 ? [2 * 2 + 0.5, 0] : [2 * c, c % 2]);
  const dist = r.dataset.classes.map((_, a) => r.dataset.classes.map((_, b) => Math.hypot(pos(a)[0] - pos(b)[0], pos(a)[1] - pos(b)[1])));
  return { ...r, featureSpace: { splits: ['train', 'val'], points: 4000, featureSize: 512, classCentroidDistances: dist } };
}

function exercise(id: string) {
  return Q2_3.find((e) => e.id === id)!;
}

async function gradeKey(key: string, raw: RawAnswer, runs: readonly RunRecord[]) {
  const ex = Q2_3.find((e) => e.inputs.some((i) => i.key === key))!;
  const part = (await ex.parts(HOMEWORK, { runs })).find((p) => p.key === key)!;
  return grade(part, raw);
}

describe('Q2_3 structure', () => {
  it("keeps q2.3's 10 marks under item q2.3, in the catalog, with the discussion marked by hand", async () => {
    expect(GRADED_ITEMS.find((i) => i.id === 'q2.3')!.marks).toBe(10);
    expect(Q2_3.reduce((s, e) => s + e.marks, 0)).toBe(10);
    expect(EXERCISES.filter((e) => itemOfKey(e.id)?.id === 'q2.3')).toEqual(Q2_3);
    let auto = 0;
    for (const ex of Q2_3) {
      const parts = await ex.parts(HOMEWORK, { runs: [runWithFeatures(0.9, 0.6)] });
      expect(parts.map((p) => p.key)).toEqual(ex.inputs.map((i) => i.key));
      expect(parts.reduce((s, p) => s + p.marks, 0)).toBeCloseTo(ex.marks, 12);
      for (const p of parts) if (p.kind !== 'text') auto += p.marks;
      const bare = await ex.parts(HOMEWORK, { runs: [] });
      expect(bare.every((p) => p.kind === 'text'), ex.id).toBe(true);
    }
    expect(auto).toBe(6);
  });
});

describe('curveFacts', () => {
  it("calls the homework's run (88 % vs 58 %) overfitting, a close pair with a falling validation loss a fit, and the middle unclear", () => {
    expect(curveFacts(comparisonRun({ id: 'a', question: 'q2.3', seed: 1, skill: 9, finalTrain: 0.88, finalVal: 0.58 }).epochs)?.verdict).toBe('overfit');
    const fit = [1, 2, 3].map((epoch) => ({ epoch, trainLoss: 2 / epoch, valLoss: 2.1 / epoch, trainAccuracy: 0.5 + 0.1 * epoch, valAccuracy: 0.49 + 0.1 * epoch, seconds: 1 }));
    expect(curveFacts(fit)).toMatchObject({ verdict: 'fits', bestEpoch: 3 });
    expect(curveFacts(fit)!.gap).toBeCloseTo(0.01, 12);
    const middle = fit.map((e) => ({ ...e, valAccuracy: e.trainAccuracy - 0.07 }));
    expect(curveFacts(middle)?.verdict).toBe('unclear');
    expect(curveFacts([])).toBeNull();
  });
});

describe('q2.3.overfit against the student\'s own curves', () => {
  const run = runWithFeatures(0.88, 0.58);
  const last = run.epochs.at(-1)!;
  it('accepts the verdict and numbers of the run, and names the homework\'s misreading', async () => {
    expect((await gradeKey('q2.3.overfit.verdict', 'overfit', [run])).status).toBe('correct');
    const misread = await gradeKey('q2.3.overfit.verdict', 'val-high', [run]);
    expect(misread.status).toBe('wrong');
    expect(misread.mistake).toBe('homework-reading');
    expect(misread.message).toMatch(/not overfitting/);
    const gap = last.trainAccuracy - last.valAccuracy;
    expect((await gradeKey('q2.3.overfit.gap', gap.toFixed(4), [run])).status).toBe('correct');
    expect((await gradeKey('q2.3.overfit.gap', `${(100 * gap).toFixed(2)} %`, [run])).status).toBe('correct');
    expect((await gradeKey('q2.3.overfit.gap', (100 * gap).toFixed(2), [run])).mistake).toBe('points-without-percent');
    const best = run.epochs.reduce((b, e) => (e.valLoss < b.valLoss ? e : b)).epoch;
    expect((await gradeKey('q2.3.overfit.best_epoch', String(best), [run])).status).toBe('correct');
  });
  it('for a run that fits, "overfitting" is wrong and "fits" is right', async () => {
    const fit = { ...run, epochs: [1, 2, 3].map((epoch) => ({ epoch, trainLoss: 2 / epoch, valLoss: 2.1 / epoch, trainAccuracy: 0.5 + 0.1 * epoch, valAccuracy: 0.49 + 0.1 * epoch, seconds: 1 })) };
    expect((await gradeKey('q2.3.overfit.verdict', 'fits', [fit])).status).toBe('correct');
    expect((await gradeKey('q2.3.overfit.verdict', 'overfit', [fit])).mistake).toBe('overfit-claim');
  });
});

describe('q2.3.metrics against the handed-in run', () => {
  it('accepts the accuracy and macro F1 recomputed from the confusion matrix, and flags the homework\'s numbers', async () => {
    const run = runWithFeatures(0.9, 0.6);
    const m = metricsFromConfusion(run.test!.confusion);
    expect((await gradeKey('q2.3.metrics.accuracy', m.accuracy.toFixed(4), [run])).status).toBe('correct');
    expect((await gradeKey('q2.3.metrics.f1', m.macroF1.toFixed(4), [run])).status).toBe('correct');
    expect((await gradeKey('q2.3.metrics.accuracy', '0.5842', [run])).mistake).toBe('homework');
    expect((await gradeKey('q2.3.metrics.f1', m.weightedF1.toFixed(4), [run])).mistake).toBe(Math.abs(m.weightedF1 - m.macroF1) > 0.005 ? 'weighted' : undefined);
  });
});

describe('q2.3.features against the run\'s feature space', () => {
  const run = runWithFeatures(0.9, 0.6);
  it('checks the closest pair and the isolated class from the centroid distances in the run', async () => {
    expect((await gradeKey('q2.3.features.closest', ['2', '7'], [run])).status).toBe('correct');
    expect((await gradeKey('q2.3.features.closest', ['7', '2'], [run])).mistake).toBe('order');
    expect((await gradeKey('q2.3.features.closest', ['0', '9'], [run])).mistake).toBe('farthest');
    expect((await gradeKey('q2.3.features.isolated', '9', [run])).status).toBe('correct');
    expect((await gradeKey('q2.3.features.isolated', '7', [run])).mistake).toBe('closest-pair');
  });
  it('the run with its feature space passes the run-record check; a malformed one is refused', () => {
    expect(validateRunRecord(run).ok).toBe(true);
    expect(validateRunRecord(homeworkRuns()[1]).ok).toBe(true);
    const bad = { ...run, featureSpace: { ...run.featureSpace!, classCentroidDistances: [[0, 1]] } };
    const r = validateRunRecord(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/featureSpace.classCentroidDistances/);
  });
});

describe('the grader grades q2.3 from the submission\'s runs, as the page does', () => {
  it('gives the auto marks for answers right for the handed-in run', async () => {
    const run = runWithFeatures(0.88, 0.58);
    const last = run.epochs.at(-1)!;
    const m = metricsFromConfusion(run.test!.confusion);
    const best = run.epochs.reduce((b, e) => (e.valLoss < b.valLoss ? e : b)).epoch;
    const extra: Record<string, RawAnswer> = {
      'q2.3.overfit.verdict': 'overfit', 'q2.3.overfit.gap': (last.trainAccuracy - last.valAccuracy).toFixed(4), 'q2.3.overfit.best_epoch': String(best),
      'q2.3.metrics.accuracy': m.accuracy.toFixed(4), 'q2.3.metrics.f1': m.macroF1.toFixed(4),
      'q2.3.features.closest': ['2', '7'], 'q2.3.features.isolated': '9',
    };
    const sub = await makeSubmission({ id: 's', course: DEFAULT_COURSE, skill: 1, seed: 3, runs: [run], extra });
    const g = await gradeSubmission(sub, DEFAULT_COURSE);
    expect(g.items.find((i) => i.id === 'q2.3')).toMatchObject({ marks: 6, autoMax: 6, manualMax: 4 });
    const page = await Promise.all(Object.entries(extra).map(([k, raw]) => gradeKey(k, raw, [run])));
    expect(page.every((f) => f.status === 'correct')).toBe(true);
  });
});
