import { describe, expect, it } from 'vitest';
import { DEFAULT_COURSE } from '../../../src/course/course';
import { grade } from '../../../src/exercises/grade';
import type { RawAnswer } from '../../../src/exercises/types';
import { gradeSubmission } from '../../../src/grading/grade-submission';
import { EXERCISES } from '../../../src/homework/catalog';
import { FLATTEN_SIZES, flattenFeatures, flattenSize, Q2_2 } from '../../../src/homework/q2-2';
import { bestEpoch, OVERFIT_CURVES } from '../../../src/homework/q2-2-curves';
import type { RunRecord } from '../../../src/train/run-record';
import { itemOfKey } from '../../../src/homework/structure';
import { shapeTable } from '../../../src/train/shape-table';
import { makeRun, makeSubmission } from '../../helpers/submissions';
import { HOMEWORK, student } from './q1-helpers';

const HOMEWORK_COURSE = DEFAULT_COURSE;

async function gradeKey(key: string, raw: RawAnswer, variant = HOMEWORK, runs: readonly RunRecord[] = []) {
  const ex = Q2_2.find((e) => key === e.id || key.startsWith(`${e.id}.`))!;
  const part = (await ex.parts(variant, { runs })).find((p) => p.key === key);
  if (!part) throw new Error(`no part ${key}`);
  return grade(part, raw);
}

describe('Q2_2 structure', () => {
  it('uses q2.2.<name> ids and keys, parts matching the inputs, at most 10 auto-graded marks', async () => {
    const runs = [makeRun(1)];
    let auto = 0;
    for (const ex of Q2_2) {
      expect(ex.id).toMatch(/^q2\.2\.[a-z0-9_]+$/);
      const parts = await ex.parts(HOMEWORK, { runs });
      expect(parts.map((p) => p.key)).toEqual(ex.inputs.map((i) => i.key));
      for (const p of parts) {
        expect(p.key).toMatch(/^q2\.2(\.[A-Za-z0-9_]{1,40}){1,2}$/);
        expect(itemOfKey(p.key)?.id).toBe('q2.2');
        if (p.kind !== 'text') auto += p.marks;
      }
      expect(parts.reduce((s, p) => s + p.marks, 0)).toBeCloseTo(ex.marks, 12);
      expect(EXERCISES).toContain(ex);
    }
    expect(auto).toBe(5);
    expect(auto).toBeLessThanOrEqual(10);
  });
});

describe('q2.2.flatten', () => {
  it('homework variant: 64×64 gives 128·4·4 = 2048, as the shape table says', async () => {
    expect(Q2_2[0].params(HOMEWORK)).toEqual({ size: 64 });
    expect(shapeTable(64).find((r) => r.layer === 'flatten')!.output).toEqual([2048]);
    expect((await gradeKey('q2.2.flatten', '2048')).status).toBe('correct');
    expect((await gradeKey('q2.2.flatten', '128*4*4')).status).toBe('correct');
    const f = await gradeKey('q2.2.flatten', '16');
    expect(f).toMatchObject({ status: 'wrong', mistake: 'no-channels' });
    expect((await gradeKey('q2.2.flatten', '8192')).mistake).toBe('pools-of-2');
    expect((await gradeKey('q2.2.flatten', '32768')).mistake).toBe('hard-coded');
  });
  it('student variants pick a multiple of 16 and agree with the shape table', async () => {
    const seen = new Set<number>();
    for (let seed = 1; seed < 60; seed++) {
      const s = flattenSize(student(seed));
      expect(FLATTEN_SIZES).toContain(s);
      seen.add(s);
      expect(flattenFeatures(s)).toBe(shapeTable(s).find((r) => r.layer === 'flatten')!.output[0]);
      const part = (await Q2_2[0].parts(student(seed)))[0];
      if (part.kind === 'number') expect(part.mistakes?.every((m) => m.value !== part.answer)).toBe(true);
    }
    expect(seen.size).toBeGreaterThan(4);
  });
});

describe('q2.2.view_bug', () => {
  it('32×32 gives 512 features; 128·16·16 needs a 256×256 input', async () => {
    expect((await gradeKey('q2.2.view_bug.features32', '512')).status).toBe('correct');
    expect((await gradeKey('q2.2.view_bug.features32', '32768')).mistake).toBe('comment');
    expect((await gradeKey('q2.2.view_bug.size', '256')).status).toBe('correct');
    expect((await gradeKey('q2.2.view_bug.size', '16*16')).status).toBe('correct');
    expect((await gradeKey('q2.2.view_bug.size', '32')).mistake).toBe('comment');
    expect((await gradeKey('q2.2.view_bug.size', '128')).mistake).toBe('pools-of-2');
  });
});

describe('q2.2.overfit', () => {
  it('the curves overfit from epoch 3 on; verdict and early-stopping epoch are graded, the reason is manual', async () => {
    expect(bestEpoch(OVERFIT_CURVES)).toBe(3);
    expect(OVERFIT_CURVES.at(-1)!.trainAccuracy).toBe(0.9594);
    expect((await gradeKey('q2.2.overfit.verdict', 'overfit')).status).toBe('correct');
    expect((await gradeKey('q2.2.overfit.verdict', 'val-flat')).status).toBe('wrong');
    expect((await gradeKey('q2.2.overfit.best_epoch', '3')).status).toBe('correct');
    expect((await gradeKey('q2.2.overfit.best_epoch', '10')).mistake).toBe('last');
    expect((await gradeKey('q2.2.overfit.best_epoch', '4')).mistake).toBe('best-acc');
    expect((await gradeKey('q2.2.overfit.why', 'It overfits after epoch 3.')).status).toBe('manual');
    expect(() => bestEpoch([])).toThrow();
  });
});

describe('q2.2.metrics', () => {
  it('checks accuracy and macro F1 against the latest handed-in q2.2 run, recomputed from its confusion matrix', async () => {
    const run = makeRun(7);
    const older = { ...makeRun(8), createdAt: '2024-01-01T00:00:00.000Z' };
    const tampered = { ...makeRun(9, 'q2.2', true), createdAt: '2026-01-01T00:00:00.000Z' };
    const runs = [older, run, makeRun(10, 'q2.3')];
    const acc = run.test!.accuracy;
    const f1 = run.test!.macroF1;
    expect((await gradeKey('q2.2.metrics.accuracy', acc.toFixed(4), HOMEWORK, runs)).status).toBe('correct');
    expect((await gradeKey('q2.2.metrics.accuracy', `${(100 * acc).toFixed(2)}%`, HOMEWORK, runs)).status).toBe('correct');
    expect((await gradeKey('q2.2.metrics.accuracy', (100 * acc).toFixed(2), HOMEWORK, runs)).mistake).toBe('percent');
    expect((await gradeKey('q2.2.metrics.accuracy', older.test!.accuracy.toFixed(4), HOMEWORK, runs)).status).toBe('wrong');
    expect((await gradeKey('q2.2.metrics.f1', f1.toFixed(3), HOMEWORK, runs)).status).toBe('correct');
    // A record whose stated accuracy was edited: the matrix decides.
    expect((await gradeKey('q2.2.metrics.accuracy', tampered.test!.accuracy.toFixed(4), HOMEWORK, [run, tampered])).status).toBe('wrong');
  });
  it('leaves the numbers to the instructor when no q2.2 run with test metrics was handed in', async () => {
    const runs = [makeRun(3, 'q2.3'), { ...makeRun(4), test: null }];
    const parts = await Q2_2.find((e) => e.id === 'q2.2.metrics')!.parts(HOMEWORK, { runs });
    expect(parts.map((p) => p.kind)).toEqual(['text', 'text']);
  });
  it('the grader checks each submission against its own runs, not a cached other one', async () => {
    const a = makeRun(21);
    const b = makeRun(22);
    const subA = await makeSubmission({ id: 'a', course: HOMEWORK_COURSE, skill: 1, seed: 1, runs: [a], extra: { 'q2.2.metrics.accuracy': a.test!.accuracy.toFixed(4), 'q2.2.metrics.f1': a.test!.macroF1.toFixed(4) } });
    const subB = await makeSubmission({ id: 'b', course: HOMEWORK_COURSE, skill: 1, seed: 1, runs: [b], extra: { 'q2.2.metrics.accuracy': a.test!.accuracy.toFixed(4), 'q2.2.metrics.f1': a.test!.macroF1.toFixed(4) } });
    const gA = await gradeSubmission(subA, HOMEWORK_COURSE);
    const gB = await gradeSubmission(subB, HOMEWORK_COURSE);
    expect(gA.answers.find((x) => x.key === 'q2.2.metrics.accuracy')!.feedback.status).toBe('correct');
    expect(gB.answers.find((x) => x.key === 'q2.2.metrics.accuracy')!.feedback.status).toBe('wrong');
    const none = await gradeSubmission(await makeSubmission({ id: 'c', course: HOMEWORK_COURSE, skill: 1, seed: 1, extra: { 'q2.2.metrics.accuracy': '0.5' } }), HOMEWORK_COURSE);
    expect(none.answers.find((x) => x.key === 'q2.2.metrics.accuracy')!.feedback.status).toBe('manual');
    expect(none.flags).toEqual([]);
  });
});
