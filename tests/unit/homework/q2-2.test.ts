import { describe, expect, it } from 'vitest';
import { DEFAULT_COURSE } from '../../../src/course/course';
import { grade } from '../../../src/exercises/grade';
import type { RawAnswer } from '../../../src/exercises/types';
import { gradeSubmission } from '../../../src/grading/grade-submission';
import { EXERCISES } from '../../../src/homework/catalog';
import { FLATTEN_SIZES, flattenFeatures, flattenSize, HAND_MARKED_Q2_2, Q2_2 } from '../../../src/homework/q2-2';
import { homeworkRuns } from '../../helpers/run-records';
import { bestEpoch, OVERFIT_CURVES } from '../../../src/homework/q2-2-curves';
import type { RunRecord } from '../../../src/record/run-record';
import { itemOfKey } from '../../../src/homework/structure';
import { shapeTable } from '../../../src/train/shape-table';
import { IMAGE_SIZES } from '../../../src/runs/train-settings';
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
  it("uses q2.2.<name> ids and keys, parts matching the inputs, adding up to q2.2's 10 marks with HAND_MARKED_Q2_2", async () => {
    let total = 0;
    for (const ex of Q2_2) {
      expect(ex.id).toMatch(/^q2\.2\.[a-z0-9_]+$/);
      const parts = await ex.parts(HOMEWORK, { runs: homeworkRuns() });
      expect(parts.map((p) => p.key)).toEqual(ex.inputs.map((i) => i.key));
      for (const p of parts) {
        expect(p.key).toMatch(/^q2\.2(\.[A-Za-z0-9_]{1,40}){1,2}$/);
        expect(itemOfKey(p.key)?.id).toBe('q2.2');
      }
      expect(parts.reduce((s, p) => s + p.marks, 0)).toBeCloseTo(ex.marks, 12);
      expect(EXERCISES).toContain(ex);
      total += ex.marks;
    }
    expect(total + HAND_MARKED_Q2_2.reduce((s, c) => s + c.marks, 0)).toBeCloseTo(10, 12);
  });

  it("grades at least 8 of the 10 marks automatically with the homework's runs handed in, and 3 without", async () => {
    const auto = async (runs: readonly RunRecord[]) =>
      (await Promise.all(Q2_2.map((e) => e.parts(HOMEWORK, { runs }))))
        .flat()
        .filter((p) => p.kind !== 'text')
        .reduce((s, p) => s + p.marks, 0);
    expect(await auto(homeworkRuns())).toBeGreaterThanOrEqual(8);
    expect(await auto([])).toBeCloseTo(3, 12);
  });

  it('gives every free answer a rubric adding up to its marks', async () => {
    for (const ex of Q2_2) {
      for (const p of await ex.parts(HOMEWORK, { runs: homeworkRuns() })) {
        if (p.kind === 'text')
          expect(
            p.rubric?.reduce((s, c) => s + c.marks, 0),
            p.key,
          ).toBeCloseTo(p.marks, 12);
      }
    }
  });
});

describe('q2.2.flatten', () => {
  it('homework variant: 96×96 gives 128·6·6 features, as the shape table says; a size no widget shows', async () => {
    expect(Q2_2[0].params(HOMEWORK)).toEqual({ size: 96 });
    expect(IMAGE_SIZES).not.toContain(96);
    const features = shapeTable(96).find((r) => r.layer === 'flatten')!.output[0];
    expect((await gradeKey('q2.2.flatten', String(features))).status).toBe('correct');
    expect((await gradeKey('q2.2.flatten', '128*6*6')).status).toBe('correct');
    const f = await gradeKey('q2.2.flatten', '36');
    expect(f).toMatchObject({ status: 'wrong', mistake: 'no-channels' });
    expect(f.message).not.toContain(String(features));
    expect((await gradeKey('q2.2.flatten', String(features + 1))).message).not.toMatch(/decimal|digits/);
    expect((await gradeKey('q2.2.flatten', String(128 * 12 * 12))).mistake).toBe('pools-of-2');
    expect((await gradeKey('q2.2.flatten', '32768')).mistake).toBe('hard-coded');
  });
  it('student variants pick a multiple of 16 and agree with the shape table', async () => {
    const seen = new Set<number>();
    for (let seed = 1; seed < 60; seed++) {
      const s = flattenSize(student(seed));
      expect(FLATTEN_SIZES).toContain(s);
      expect(IMAGE_SIZES).not.toContain(s);
      seen.add(s);
      expect(flattenFeatures(s)).toBe(shapeTable(s).find((r) => r.layer === 'flatten')!.output[0]);
      const part = (await Q2_2[0].parts(student(seed)))[0];
      if (part.kind === 'number') expect(part.mistakes?.every((m) => m.value !== part.answer)).toBe(true);
    }
    expect(seen.size).toBeGreaterThan(4);
  });
});

describe('q2.2.view_bug', () => {
  it('32×32 gives 512 features; 128·16·16 needs a 256×256 input; no message hands out either number', async () => {
    expect(flattenFeatures(32)).toBe(512);
    expect(flattenFeatures(256)).toBe(128 * 16 * 16);
    expect((await gradeKey('q2.2.view_bug.features32', '512')).status).toBe('correct');
    expect((await gradeKey('q2.2.view_bug.features32', '128*(32/16)^2')).status).toBe('correct');
    expect((await gradeKey('q2.2.view_bug.size', '256')).status).toBe('correct');
    expect((await gradeKey('q2.2.view_bug.size', '16*16')).status).toBe('correct');
    const named = [
      ['q2.2.view_bug.features32', '32768', 'comment'],
      ['q2.2.view_bug.features32', '2048', 'pools-of-2'],
      ['q2.2.view_bug.size', '32', 'comment'],
      ['q2.2.view_bug.size', '128', 'pools-of-2'],
      ['q2.2.view_bug.size', '16', 'side-16'],
    ] as const;
    for (const [key, raw, id] of named) {
      const fb = await gradeKey(key, raw);
      expect(fb.mistake, `${key} ${raw}`).toBe(id);
      expect(fb.message).not.toMatch(/512|256|128·2·2|32 ?\/ ?16/);
    }
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
    const bestAcc = await gradeKey('q2.2.overfit.best_epoch', '4');
    expect(bestAcc.mistake).toBe('best-acc');
    expect(bestAcc.message).not.toMatch(/epoch 3|rises from/);
    expect((await gradeKey('q2.2.overfit.verdict', 'val-flat')).message).not.toMatch(/epoch \d/);
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
    expect((await gradeKey('q2.2.metrics.accuracy', (100 * acc).toFixed(2), HOMEWORK, runs)).status).toBe('correct');
    expect((await gradeKey('q2.2.metrics.f1', `${(100 * f1).toFixed(2)} %`, HOMEWORK, runs)).status).toBe('correct');
    const wrong = await gradeKey('q2.2.metrics.accuracy', String(run.epochs.at(-1)!.trainAccuracy), HOMEWORK, runs);
    expect(wrong.mistake).toBe('train-acc');
    expect(wrong.message).not.toContain(acc.toFixed(3));
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
    const subA = await makeSubmission({
      id: 'a',
      course: HOMEWORK_COURSE,
      skill: 1,
      seed: 1,
      runs: [a],
      extra: { 'q2.2.metrics.accuracy': a.test!.accuracy.toFixed(4), 'q2.2.metrics.f1': a.test!.macroF1.toFixed(4) },
    });
    const subB = await makeSubmission({
      id: 'b',
      course: HOMEWORK_COURSE,
      skill: 1,
      seed: 1,
      runs: [b],
      extra: { 'q2.2.metrics.accuracy': a.test!.accuracy.toFixed(4), 'q2.2.metrics.f1': a.test!.macroF1.toFixed(4) },
    });
    const gA = await gradeSubmission(subA, HOMEWORK_COURSE);
    const gB = await gradeSubmission(subB, HOMEWORK_COURSE);
    expect(gA.answers.find((x) => x.key === 'q2.2.metrics.accuracy')!.feedback.status).toBe('correct');
    expect(gB.answers.find((x) => x.key === 'q2.2.metrics.accuracy')!.feedback.status).toBe('wrong');
    const none = await gradeSubmission(
      await makeSubmission({ id: 'c', course: HOMEWORK_COURSE, skill: 1, seed: 1, extra: { 'q2.2.metrics.accuracy': '0.5' } }),
      HOMEWORK_COURSE,
    );
    expect(none.answers.find((x) => x.key === 'q2.2.metrics.accuracy')!.feedback.status).toBe('manual');
    expect(none.flags).toEqual([]);
  });
});
