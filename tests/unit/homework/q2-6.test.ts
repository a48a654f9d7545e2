import { describe, expect, it } from 'vitest';
import { DEFAULT_COURSE } from '../../../src/course/course';
import { grade } from '../../../src/exercises/grade';
import type { RawAnswer } from '../../../src/exercises/types';
import { gradeSubmission } from '../../../src/grading/grade-submission';
import { EXERCISES } from '../../../src/homework/catalog';
import { GAIN_TOL, generalisationFacts, Q2_6 } from '../../../src/homework/q2-6';
import { itemOfKey, GRADED_ITEMS } from '../../../src/homework/structure';
import { metricsFromConfusion } from '../../../src/train/metrics';
import type { RunRecord } from '../../../src/record/run-record';
import { autoMarks, gradeFor } from '../../helpers/q2b-runs';
import { comparisonRun, homeworkRuns } from '../../helpers/run-records';
import { makeSubmission } from '../../helpers/submissions';
import { HOMEWORK } from './q1-helpers';

const acc = (r: RunRecord) => metricsFromConfusion(r.test!.confusion).accuracy;

const best = () => Q2_6.find((e) => e.id === 'q2.6.best')!;

async function gradeKey(key: string, raw: RawAnswer, runs: readonly RunRecord[]) {
  return gradeFor(Q2_6, key, raw, runs);
}

describe('Q2_6 structure', () => {
  it("keeps q2.6's 5 marks under item q2.6, registered in the catalog, each exercise's parts matching its inputs and marks", async () => {
    expect(GRADED_ITEMS.find((i) => i.id === 'q2.6')!.marks).toBe(5);
    expect(Q2_6.reduce((s, e) => s + e.marks, 0)).toBe(5);
    for (const runs of [[], homeworkRuns()]) {
      for (const ex of Q2_6) {
        expect(EXERCISES).toContain(ex);
        const parts = await ex.parts(HOMEWORK, { runs });
        expect(parts.map((p) => p.key)).toEqual(ex.inputs.map((i) => i.key));
        expect(parts.reduce((s, p) => s + p.marks, 0)).toBeCloseTo(ex.marks, 12);
        for (const p of parts) expect(itemOfKey(p.key)?.id).toBe('q2.6');
      }
    }
    expect(EXERCISES.filter((e) => itemOfKey(e.id)?.id === 'q2.6')).toEqual(Q2_6);
    // The discussion keeps the answer key q2.6, so answers typed before this chapter changed are kept.
    expect(Q2_6.find((e) => e.id === 'q2.6')!.inputs.map((i) => i.key)).toEqual(['q2.6']);
  });

  it("grades 4 of 5 marks automatically with the homework runs, 1 (the homework's conclusions) without a run", async () => {
    expect(await autoMarks(Q2_6, homeworkRuns())).toBe(4);
    expect(await autoMarks(Q2_6, [])).toBe(1);
  });
});

describe('q2.6.best', () => {
  const runs = homeworkRuns();
  const [cnn, , aug] = runs;
  it('the run with the smallest train–val gap is right; its test accuracy minus the CNN’s, within ±0.5 pp', async () => {
    const facts = generalisationFacts(runs);
    expect(facts.best).toBe('q2.4');
    const gain = acc(aug) - acc(cnn);
    expect(facts.gain).toBeCloseTo(gain, 12);
    expect((await gradeKey('q2.6.best.run', 'q2.4', runs)).status).toBe('correct');
    expect((await gradeKey('q2.6.best.gain', `${(100 * gain).toFixed(2)}%`, runs)).status).toBe('correct');
    expect((await gradeKey('q2.6.best.gain', gain.toFixed(3), runs)).status).toBe('correct');
    expect((await gradeKey('q2.6.best.gain', String(gain + 0.004), runs)).status).toBe('correct');
    expect((await gradeKey('q2.6.best.gain', String(gain + GAIN_TOL.abs + 0.002), runs)).status).toBe('wrong');
  });
  it('names the usual mistakes', async () => {
    const gain = acc(aug) - acc(cnn);
    expect((await gradeKey('q2.6.best.run', 'q2.3', runs)).mistake).toBe('larger-gap');
    expect((await gradeKey('q2.6.best.gain', (100 * gain).toFixed(2), runs)).status).toBe('correct');
    expect((await gradeKey('q2.6.best.gain', `${(100 * gain).toFixed(2)} pp`, runs)).status).toBe('correct');
    expect((await gradeKey('q2.6.best.gain', String(-gain), runs)).mistake).toBe('sign');
    const v = aug.epochs.at(-1)!.valAccuracy - cnn.epochs.at(-1)!.valAccuracy;
    expect((await gradeKey('q2.6.best.gain', String(v), runs)).mistake).toBe('validation');
    // The highest test accuracy is not the question when it is not the smallest gap.
    const overfitTop = comparisonRun({
      id: 'top',
      question: 'q2.3',
      seed: 40,
      skill: 60,
      finalTrain: 0.99,
      finalVal: 0.6,
      createdAt: '2026-12-01T00:00:00.000Z',
    });
    expect((await gradeKey('q2.6.best.run', 'q2.3', [...runs, overfitTop])).mistake).toBe('highest-accuracy');
  });
  it('reads the latest run with test results per question, so a newer q2.3 run with a small gap wins', async () => {
    const newer = comparisonRun({
      id: 'resnet-newer',
      question: 'q2.3',
      seed: 31,
      skill: 12,
      finalTrain: 0.7,
      finalVal: 0.66,
      createdAt: '2026-12-01T08:00:00.000Z',
    });
    const list = [...runs, newer];
    expect(generalisationFacts(list).best).toBe('q2.3');
    expect((await gradeKey('q2.6.best.run', 'q2.3', list)).status).toBe('correct');
    expect((await gradeKey('q2.6.best.gain', String(acc(newer) - acc(cnn)), list)).status).toBe('correct');
  });
  it('gives 0 when the CNN itself generalises best, and a missing run is a named mistake', async () => {
    const tight = comparisonRun({ id: 'cnn-tight', question: 'q2.2', seed: 50, skill: 8, finalTrain: 0.5, finalVal: 0.49 });
    const list = [tight, runs[1]];
    expect(generalisationFacts(list)).toMatchObject({ best: 'q2.2', gain: 0 });
    expect((await gradeKey('q2.6.best.gain', '0', list)).status).toBe('correct');
    // A negative gain typed as the table prints it, without a % sign: the CNN above a newer, worse q2.3 run.
    const worse = comparisonRun({
      id: 'resnet-worse',
      question: 'q2.3',
      seed: 51,
      skill: 4,
      finalTrain: 0.5,
      finalVal: 0.495,
      createdAt: '2026-12-02T00:00:00.000Z',
    });
    const f = generalisationFacts([cnn, worse]);
    expect(f.best).toBe('q2.3');
    expect(f.gain!).toBeLessThan(0);
    expect((await gradeKey('q2.6.best.gain', (100 * f.gain!).toFixed(1), [cnn, worse])).status).toBe('correct');
    expect((await gradeKey('q2.6.best.run', 'q2.4', list)).mistake).toBe('missing-q2.4');
  });
  it('leaves both parts to the instructor with fewer than two runs, on a tie, and the gain without a CNN run', async () => {
    const kinds = async (r: readonly RunRecord[]) => (await best().parts(HOMEWORK, { runs: r })).map((p) => p.kind);
    expect(await kinds([])).toEqual(['text', 'text']);
    expect(await kinds([cnn])).toEqual(['text', 'text']);
    expect(await kinds([runs[1], aug])).toEqual(['choice', 'text']);
    const twin = comparisonRun({
      id: 'twin',
      question: 'q2.3',
      seed: 60,
      skill: 10,
      finalTrain: 0.8,
      finalVal: 0.72,
      createdAt: '2026-12-01T00:00:00.000Z',
    });
    expect(await kinds([cnn, twin, aug])).toEqual(['text', 'text']);
    expect(await kinds([cnn, { ...runs[1], test: null }])).toEqual(['text', 'text']);
  });
});

describe('the grader on q2.6', () => {
  it("grades each submission's q2.6.best from its own run records, exactly as the page's parts do", async () => {
    const runsA = homeworkRuns();
    const newer = comparisonRun({
      id: 'resnet-newer',
      question: 'q2.3',
      seed: 31,
      skill: 12,
      finalTrain: 0.7,
      finalVal: 0.66,
      createdAt: '2026-12-01T08:00:00.000Z',
    });
    const runsB = [...homeworkRuns(), newer];
    const answerFor = (runs: RunRecord[]) => {
      const f = generalisationFacts(runs);
      return {
        'q2.6.best.run': f.best!,
        'q2.6.best.gain': `${(100 * f.gain!).toFixed(2)}%`,
        'q2.6': 'The augmented ResNet-18 generalises best.',
      };
    };
    const subA = await makeSubmission({ id: 'a', course: DEFAULT_COURSE, skill: 1, seed: 1, runs: runsA, extra: answerFor(runsA) });
    const subB = await makeSubmission({ id: 'b', course: DEFAULT_COURSE, skill: 1, seed: 1, runs: runsB, extra: answerFor(runsA) });
    const gA = await gradeSubmission(subA, DEFAULT_COURSE);
    const gB = await gradeSubmission(subB, DEFAULT_COURSE);
    const q26 = (g: typeof gA) => g.items.find((i) => i.id === 'q2.6')!;
    expect(q26(gA)).toMatchObject({ autoMax: 4, manualMax: 1, status: 'mixed', pending: true });
    expect(gA.answers.filter((a) => a.key.startsWith('q2.6.best') || a.key === 'q2.6').map((a) => [a.key, a.feedback.status])).toEqual([
      ['q2.6.best.run', 'correct'],
      ['q2.6.best.gain', 'correct'],
      ['q2.6', 'manual'],
    ]);
    expect(gA.manualAnswers.find((m) => m.key === 'q2.6')?.raw).toBe('The augmented ResNet-18 generalises best.');
    // B handed in a newer q2.3 run with the smallest gap: A's answers are wrong for B's runs.
    expect(gB.answers.filter((a) => a.key.startsWith('q2.6.best')).map((a) => a.feedback.marks)).toEqual([0, 0]);
    // The page's parts for B's runs give the same verdict on the same raw answers.
    const parts = await best().parts(HOMEWORK, { runs: runsB });
    const pageMarks = parts.map((p) => grade(p, answerFor(runsA)[p.key as 'q2.6.best.run']).marks);
    expect(pageMarks).toEqual(gB.answers.filter((a) => a.key.startsWith('q2.6.best')).map((a) => a.feedback.marks));
  });
  it('a submission without runs leaves q2.6 entirely to the instructor', async () => {
    const sub = await makeSubmission({ id: 'c', course: DEFAULT_COURSE, skill: 1, seed: 2, runs: [] });
    const g = await gradeSubmission(sub, DEFAULT_COURSE);
    expect(g.items.find((i) => i.id === 'q2.6')).toMatchObject({ autoMax: 1, manualMax: 4 });
  });
});
