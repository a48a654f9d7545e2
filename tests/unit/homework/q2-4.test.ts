import { describe, expect, it } from 'vitest';
import { DEFAULT_COURSE } from '../../../src/course/course';
import { grade } from '../../../src/exercises/grade';
import type { RawAnswer } from '../../../src/exercises/types';
import { gradeSubmission } from '../../../src/grading/grade-submission';
import { EXERCISES } from '../../../src/homework/catalog';
import { Q2_4 } from '../../../src/homework/q2-4';
import { augmentationPair, finalGap, gapVerdict } from '../../../src/homework/q2-4-runs';
import { largestRecallRise } from '../../../src/homework/q2-3-confusion';
import { GRADED_ITEMS, itemOfKey } from '../../../src/homework/structure';
import { metricsFromConfusion } from '../../../src/train/metrics';
import { type RunRecord, validateRunRecord } from '../../../src/record/run-record';
import { autoMarks, mistakeMessages, printedForms, withConfusion } from '../../helpers/q2b-runs';
import { comparisonRun, homeworkRuns } from '../../helpers/run-records';
import { makeSubmission } from '../../helpers/submissions';
import { HOMEWORK } from './q1-helpers';

const FLIP = [{ op: 'RandomHorizontalFlip', params: { p: 0.5 } }];

function pair(withTrain: number, withVal: number, withoutTrain = 0.9, withoutVal = 0.6): RunRecord[] {
  return [
    comparisonRun({
      id: 'plain',
      question: 'q2.3',
      seed: 31,
      skill: 12,
      finalTrain: withoutTrain,
      finalVal: withoutVal,
      createdAt: '2026-12-01T09:00:00.000Z',
    }),
    comparisonRun({
      id: 'aug',
      question: 'q2.4',
      seed: 32,
      skill: 20,
      finalTrain: withTrain,
      finalVal: withVal,
      createdAt: '2026-12-01T10:00:00.000Z',
      augmentations: FLIP,
    }),
  ];
}

async function gradeKey(key: string, raw: RawAnswer, runs: readonly RunRecord[]) {
  const ex = Q2_4.find((e) => e.inputs.some((i) => i.key === key))!;
  const part = (await ex.parts(HOMEWORK, { runs })).find((p) => p.key === key)!;
  return grade(part, raw);
}

describe('Q2_4 structure', () => {
  it("keeps q2.4's 10 marks under item q2.4, in the catalog, each exercise's parts matching its inputs and marks", async () => {
    expect(GRADED_ITEMS.find((i) => i.id === 'q2.4')!.marks).toBe(10);
    expect(Q2_4.reduce((s, e) => s + e.marks, 0)).toBeCloseTo(10, 12);
    expect(EXERCISES.filter((e) => itemOfKey(e.id)?.id === 'q2.4')).toEqual(Q2_4);
    for (const runs of [[], pair(0.8, 0.72), homeworkRuns()]) {
      for (const ex of Q2_4) {
        const parts = await ex.parts(HOMEWORK, { runs });
        expect(
          parts.map((p) => p.key),
          ex.id,
        ).toEqual(ex.inputs.map((i) => i.key));
        expect(
          parts.reduce((s, p) => s + p.marks, 0),
          ex.id,
        ).toBeCloseTo(ex.marks, 12);
      }
    }
  });

  it('grades 8 of 10 marks automatically with the homework runs, 1.5 (the bug hunt and what evaluation sees) without a run', async () => {
    expect(await autoMarks(Q2_4, homeworkRuns())).toBeCloseTo(8, 12);
    expect(await autoMarks(Q2_4, [])).toBeCloseTo(1.5, 12);
    const overfit = Q2_4.find((e) => e.id === 'q2.4.overfit')!;
    expect((await overfit.parts(HOMEWORK, { runs: [pair(0.8, 0.72)[1]] })).every((p) => p.kind === 'text')).toBe(true);
  });
});

describe('augmentationPair', () => {
  it('takes the newest augmented q2.4 run and the newest run of the same model without augmentation', () => {
    const runs = pair(0.8, 0.72);
    const older = comparisonRun({
      id: 'older-plain',
      question: 'q2.3',
      seed: 33,
      skill: 12,
      finalTrain: 0.9,
      finalVal: 0.5,
      createdAt: '2026-11-01T09:00:00.000Z',
    });
    const cnn = comparisonRun({
      id: 'cnn',
      question: 'q2.2',
      seed: 34,
      skill: 8,
      finalTrain: 0.9,
      finalVal: 0.5,
      createdAt: '2026-12-02T09:00:00.000Z',
    });
    const v1 = comparisonRun({
      id: 'v1-aug',
      question: 'q2.4',
      seed: 35,
      skill: 8,
      finalTrain: 0.9,
      finalVal: 0.5,
      createdAt: '2026-11-02T09:00:00.000Z',
      augmentations: ['RandomCrop(64, padding=4)'],
    });
    const got = augmentationPair([older, ...runs, cnn, v1]);
    expect(got.augmented?.id).toBe('aug');
    expect(got.baseline?.id).toBe('plain');
    expect(augmentationPair([older, v1]).augmented?.id).toBe('v1-aug');
    expect(augmentationPair([older, cnn])).toEqual({ augmented: null, baseline: null });
  });

  it("prefers the ResNet-18's augmented run to a newer augmented CNN run, which pairs with the newest CNN run otherwise", () => {
    const asCnn = (r: RunRecord): RunRecord => ({ ...r, config: { ...r.config, model: 'cnn' } });
    const runs = pair(0.8, 0.72);
    const cnnAug = asCnn(
      comparisonRun({
        id: 'cnn-aug',
        question: 'q2.4',
        seed: 36,
        skill: 8,
        finalTrain: 0.7,
        finalVal: 0.6,
        createdAt: '2026-12-03T09:00:00.000Z',
        augmentations: FLIP,
      }),
    );
    const cnnPlain = comparisonRun({
      id: 'cnn-plain',
      question: 'q2.2',
      seed: 37,
      skill: 8,
      finalTrain: 0.95,
      finalVal: 0.55,
      createdAt: '2026-12-02T09:00:00.000Z',
    });
    expect(augmentationPair([...runs, cnnAug, cnnPlain])).toMatchObject({ augmented: { id: 'aug' }, baseline: { id: 'plain' } });
    expect(augmentationPair([runs[0], cnnAug, cnnPlain])).toMatchObject({ augmented: { id: 'cnn-aug' }, baseline: { id: 'cnn-plain' } });
  });

  it('reads the gap at the last epoch and calls the change with a 2-point margin, unclear at the boundary', () => {
    const r = pair(0.8, 0.72)[1];
    const last = r.epochs.at(-1)!;
    expect(finalGap(r)).toBe(last.trainAccuracy - last.valAccuracy);
    expect(finalGap({ ...r, epochs: [] })).toBeNull();
    expect(gapVerdict(0.3, 0.08)).toBe('down');
    expect(gapVerdict(0.1, 0.11)).toBe('same');
    expect(gapVerdict(0.1, 0.2)).toBe('up');
    expect(gapVerdict(0.1, 0.08)).toBe('unclear');
  });
});

describe('the q2.4 exercises', () => {
  it('check the verdict against the two gaps, naming "validation went up" and the other run as mistakes', async () => {
    const down = pair(0.8, 0.72);
    expect((await gradeKey('q2.4.overfit.verdict', 'down', down)).status).toBe('correct');
    const valOnly = await gradeKey('q2.4.overfit.verdict', 'val-up', down);
    expect(valOnly.status).toBe('wrong');
    expect(valOnly.message).toMatch(/gap between training and validation/);
    const up = pair(0.95, 0.55, 0.8, 0.7);
    expect((await gradeKey('q2.4.overfit.verdict', 'up', up)).status).toBe('correct');
    expect((await gradeKey('q2.4.overfit.verdict', 'down', up)).status).toBe('wrong');
    const gWithout = finalGap(down[0])!;
    const gWith = finalGap(down[1])!;
    expect((await gradeKey('q2.4.overfit.gap_without', `${(100 * gWithout).toFixed(2)} %`, down)).status).toBe('correct');
    expect((await gradeKey('q2.4.overfit.gap_without', `${(100 * gWithout).toFixed(2)} pp`, down)).status).toBe('correct');
    expect((await gradeKey('q2.4.overfit.gap_without', (100 * gWithout).toFixed(2), down)).status).toBe('correct');
    const swapped = await gradeKey('q2.4.overfit.gap_with', gWithout.toFixed(4), down);
    expect(swapped.status).toBe('wrong');
    expect(swapped.message).toMatch(/other run/);
    expect((await gradeKey('q2.4.overfit.gap_with', gWith.toFixed(4), down)).status).toBe('correct');
  });

  it('check accuracy and F1 against the augmented run, naming the baseline and the homework numbers', async () => {
    const runs = pair(0.8, 0.72);
    const m = metricsFromConfusion(runs[1].test!.confusion);
    const b = metricsFromConfusion(runs[0].test!.confusion);
    expect((await gradeKey('q2.4.metrics.accuracy', m.accuracy.toFixed(4), runs)).status).toBe('correct');
    expect((await gradeKey('q2.4.metrics.f1', m.macroF1.toFixed(4), runs)).status).toBe('correct');
    const base = await gradeKey('q2.4.metrics.accuracy', b.accuracy.toFixed(4), runs);
    expect(base.message).toMatch(/without augmentation/);
    const hw = await gradeKey('q2.4.metrics.f1', '0.7513', runs);
    expect(hw.message).toMatch(/homework reported/);
  });
});

describe('the q2.4 messages', () => {
  it("never state a gap, an accuracy or an F1 of the student's runs", async () => {
    const runs = pair(0.8, 0.72);
    const [b, a] = runs.map((r) => metricsFromConfusion(r.test!.confusion));
    const values = [finalGap(runs[0])!, finalGap(runs[1])!, a.accuracy, a.macroF1, b.accuracy, b.macroF1];
    for (const ex of Q2_4) {
      const messages = mistakeMessages(await ex.parts(HOMEWORK, { runs }));
      for (const msg of messages) for (const v of values) for (const s of printedForms(v)) expect(msg, `${ex.id}: ${s}`).not.toContain(s);
    }
  });
});

describe('q2.4.metrics.improved', () => {
  it('wants the class whose recall rose most between the two runs, naming the highest recall and the largest F1 rise', async () => {
    const [plain, aug] = pair(0.8, 0.72);
    const before = [
      [8, 2, 0],
      [5, 5, 0],
      [1, 1, 8],
    ];
    const after = [
      [9, 1, 0],
      [1, 9, 0],
      [0, 0, 10],
    ];
    const runs = [
      withConfusion({ ...plain, dataset: { ...plain.dataset, classes: ['a', 'b', 'c'] } }, before),
      withConfusion({ ...aug, dataset: { ...aug.dataset, classes: ['a', 'b', 'c'] } }, after),
    ];
    expect((await gradeKey('q2.4.metrics.improved', '1', runs)).status).toBe('correct');
    expect((await gradeKey('q2.4.metrics.improved', '2', runs)).mistake).toBe('highest');
    const sameRecall = [withConfusion(runs[0], before), withConfusion(runs[1], before)];
    const part = (await Q2_4.find((e) => e.id === 'q2.4.metrics')!.parts(HOMEWORK, { runs: sameRecall })).find(
      (p) => p.key === 'q2.4.metrics.improved',
    )!;
    expect(part.kind).toBe('text');
  });
});

describe("the grader grades q2.4 from the submission's runs, as the page does", () => {
  it('gives the auto marks for answers right for the two handed-in runs (a version-2 augmented record)', async () => {
    const runs = pair(0.8, 0.72);
    expect(runs[1].version).toBe(2);
    expect(runs.every((r) => validateRunRecord(JSON.parse(JSON.stringify(r))).ok)).toBe(true);
    const m = metricsFromConfusion(runs[1].test!.confusion);
    const rise = largestRecallRise(runs[0].test!.confusion, runs[1].test!.confusion)!;
    expect(rise.clear).toBe(true);
    const extra: Record<string, RawAnswer> = {
      'q2.4.bugs': ['crop', 'resize-second'],
      'q2.4.pipeline.geometric': ['RandomHorizontalFlip'],
      'q2.4.pipeline.versions': String(runs[1].epochs.length),
      'q2.4.pipeline.evaluation': ['none'],
      'q2.4.overfit.gap_without': finalGap(runs[0])!.toFixed(4),
      'q2.4.overfit.gap_with': `${(100 * finalGap(runs[1])!).toFixed(2)} pp`,
      'q2.4.overfit.verdict': 'down',
      'q2.4.metrics.accuracy': `${(100 * m.accuracy).toFixed(2)} %`,
      'q2.4.metrics.f1': m.macroF1.toFixed(4),
      'q2.4.metrics.improved': String(rise.cls),
    };
    const sub = await makeSubmission({ id: 's', course: DEFAULT_COURSE, skill: 1, seed: 3, runs, extra });
    const g = await gradeSubmission(sub, DEFAULT_COURSE);
    expect(g.items.find((i) => i.id === 'q2.4')).toMatchObject({ marks: 8, autoMax: 8, manualMax: 2 });
    const page = await Promise.all(Object.entries(extra).map(([k, raw]) => gradeKey(k, raw, runs)));
    expect(page.every((f) => f.status === 'correct')).toBe(true);
  });
});
