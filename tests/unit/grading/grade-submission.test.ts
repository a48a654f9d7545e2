import { describe, expect, it } from 'vitest';
import type { CourseSettings } from '../../../src/course/course';
import type { ExerciseDef } from '../../../src/exercises/exercise';
import { seedFor } from '../../../src/exercises/variant';
import { gradeSubmission, variantFlags } from '../../../src/grading/grade-submission';
import { EXERCISES } from '../../../src/homework/catalog';
import { GRADED_ITEMS, TOTAL_MARKS } from '../../../src/homework/structure';
import { makeRun, makeSubmission } from '../../helpers/submissions';

const HOMEWORK: CourseSettings = { name: 'C', perStudentVariants: false, salt: '' };
const PER_STUDENT: CourseSettings = { name: 'C', perStudentVariants: true, salt: 'pepper' };

/** A tiny catalog whose q1.1c answer is the variant's seed mod 100 (3.5 for the homework variant). */
const TINY: ExerciseDef[] = [
  {
    id: 'q1.1c',
    marks: 1,
    title: 'c',
    inputs: [{ key: 'q1.1c', kind: 'number', label: 'x' }],
    params: () => ({}),
    parts: async (v) => [{ kind: 'number', key: 'q1.1c', marks: 1, answer: v.kind === 'homework' ? 3.5 : v.seed % 100 }],
  },
  {
    id: 'q2.6',
    marks: 5,
    title: 't',
    inputs: [
      { key: 'q2.6.why', kind: 'text', label: 'x' },
      {
        key: 'q2.6.best',
        kind: 'choice',
        label: 'b',
        multiple: false,
        options: [
          { id: 'a', label: 'A' },
          { id: 'b', label: 'B' },
        ],
      },
    ],
    params: () => ({}),
    parts: async () => [
      { kind: 'text', key: 'q2.6.why', marks: 3 },
      {
        kind: 'choice',
        key: 'q2.6.best',
        marks: 2,
        options: [
          { id: 'a', label: 'A' },
          { id: 'b', label: 'B' },
        ],
        correct: ['b'],
        multiple: false,
      },
    ],
  },
];

describe('gradeSubmission', () => {
  it('recomputes marks from raw answers and ignores the stored results', async () => {
    const sub = await makeSubmission({ id: 's1', course: HOMEWORK, skill: 0, seed: 1, catalog: TINY });
    sub.results = { 'q1.1c': { status: 'correct', marks: 1, maxMarks: 1 } };
    const g = await gradeSubmission(sub, HOMEWORK, TINY);
    expect(g.items.find((i) => i.id === 'q1.1c')!.marks).toBe(0);
    sub.answers['q1.1c'] = '3.5';
    expect((await gradeSubmission(sub, HOMEWORK, TINY)).items.find((i) => i.id === 'q1.1c')!.marks).toBe(1);
  });
  it('has one item per gradebook column, 55 marks in all', async () => {
    const g = await gradeSubmission(await makeSubmission({ id: 's1', course: HOMEWORK, skill: 1, seed: 1, catalog: TINY }), HOMEWORK, TINY);
    expect(g.items.map((i) => i.id)).toEqual(GRADED_ITEMS.map((i) => i.id));
    expect(g.maxTotal).toBe(TOTAL_MARKS);
  });
  it('leaves items without an auto-grader and free-text parts to manual grading with 0 marks', async () => {
    const sub = await makeSubmission({
      id: 's1',
      course: HOMEWORK,
      skill: 1,
      seed: 1,
      catalog: TINY,
      extra: { 'q2.2.overfitting': 'yes' },
    });
    const g = await gradeSubmission(sub, HOMEWORK, TINY);
    const q22 = g.items.find((i) => i.id === 'q2.2')!;
    expect(q22).toMatchObject({ status: 'manual', marks: 0, autoMax: 0, manualMax: 10, pending: true });
    const q26 = g.items.find((i) => i.id === 'q2.6')!;
    expect(q26).toMatchObject({ status: 'mixed', marks: 2, autoMax: 2, manualMax: 3, pending: true });
    expect(g.answers.find((a) => a.key === 'q2.6.why')!.feedback.status).toBe('manual');
    expect(g.manualAnswers.map((m) => m.key).sort()).toEqual(['q2.2.overfitting', 'q2.6.why']);
    expect(g.flags).toEqual([]);
    expect(g.total).toBe(3);
  });
  it('flags an id that can only be a formula injection and grades it all the same', async () => {
    const sub = await makeSubmission({ id: '=1+1', course: HOMEWORK, skill: 1, seed: 1, catalog: TINY });
    const g = await gradeSubmission(sub, HOMEWORK, TINY);
    expect(g.flags).toEqual([expect.objectContaining({ kind: 'unsafe-id' })]);
    expect(g.total).toBe((await gradeSubmission({ ...sub, student: { id: 's1', name: '' } }, HOMEWORK, TINY)).total);
    for (const id of ['-12', 'ann@uni.edu']) {
      expect((await gradeSubmission({ ...sub, student: { id, name: '' } }, HOMEWORK, TINY)).flags).toEqual([]);
    }
  });
  it('grades with the variant recomputed from the id, not the declared seed', async () => {
    const sub = await makeSubmission({ id: 's1', course: PER_STUDENT, skill: 1, seed: 1, catalog: TINY });
    const friend = await makeSubmission({ id: 's2', course: PER_STUDENT, skill: 1, seed: 2, catalog: TINY });
    const copied = { ...sub, answers: friend.answers, variant: friend.variant };
    const g = await gradeSubmission(copied, PER_STUDENT, TINY);
    expect(g.variant.seed).toBe(seedFor('s1', 'pepper'));
    expect(g.items.find((i) => i.id === 'q1.1c')!.marks).toBe(seedFor('s1', 'pepper') % 100 === seedFor('s2', 'pepper') % 100 ? 1 : 0);
    expect(g.flags.map((f) => f.kind)).toContain('seed-mismatch');
  });
  it('flags answer keys that belong to no exercise', async () => {
    const sub = await makeSubmission({ id: 's1', course: HOMEWORK, skill: 1, seed: 1, catalog: TINY, extra: { 'q1.1c.extra': '1' } });
    const g = await gradeSubmission(sub, HOMEWORK, TINY);
    expect(g.flags).toEqual([expect.objectContaining({ kind: 'unknown-key', key: 'q1.1c.extra' })]);
  });
  it('flags a run whose stated accuracy disagrees with its confusion matrix, and not an honest one', async () => {
    const sub = await makeSubmission({
      id: 's1',
      course: HOMEWORK,
      skill: 1,
      seed: 1,
      catalog: TINY,
      runs: [makeRun(1), makeRun(2, 'q2.3', true)],
    });
    const g = await gradeSubmission(sub, HOMEWORK, TINY);
    expect(g.flags).toEqual([expect.objectContaining({ kind: 'run-metrics', key: 'run-2' })]);
  });
  it('turns an exercise whose parts cannot be built into a flag, not an exception', async () => {
    const broken: ExerciseDef[] = [
      {
        ...TINY[0],
        parts: async () => {
          throw new Error('no tfjs');
        },
      },
    ];
    const g = await gradeSubmission(
      await makeSubmission({ id: 's1', course: HOMEWORK, skill: 1, seed: 1, catalog: TINY }),
      HOMEWORK,
      broken,
    );
    expect(g.flags.map((f) => f.kind)).toContain('grader-error');
    expect(g.items.find((i) => i.id === 'q1.1c')!.status).toBe('manual');
  });
  it('gives full marks for correct answers to the real exercises, for both kinds of variant', async () => {
    for (const course of [HOMEWORK, PER_STUDENT]) {
      const g = await gradeSubmission(await makeSubmission({ id: 'ann', course, skill: 1, seed: 3 }), course, EXERCISES);
      for (const it of g.items) expect(it.marks).toBeCloseTo(it.autoMax, 9);
      expect(g.flags).toEqual([]);
    }
  });
});

describe('variantFlags', () => {
  it('accepts the right seed and flags a forged one', async () => {
    const sub = await makeSubmission({ id: 's1', course: PER_STUDENT, skill: 1, seed: 1, catalog: TINY });
    expect(variantFlags(sub, PER_STUDENT)).toEqual([]);
    expect(variantFlags({ ...sub, variant: { kind: 'student', seed: sub.variant.seed ^ 1 } }, PER_STUDENT).map((f) => f.kind)).toEqual([
      'seed-mismatch',
    ]);
  });
  it('flags a variant kind the course does not use', async () => {
    const sub = await makeSubmission({ id: 's1', course: HOMEWORK, skill: 1, seed: 1, catalog: TINY });
    expect(variantFlags(sub, HOMEWORK)).toEqual([]);
    expect(variantFlags(sub, PER_STUDENT).map((f) => f.kind)).toEqual(['variant-kind']);
    const per = await makeSubmission({ id: 's1', course: PER_STUDENT, skill: 1, seed: 1, catalog: TINY });
    expect(variantFlags(per, HOMEWORK).map((f) => f.kind)).toEqual(['variant-kind']);
    expect(variantFlags({ ...sub, variant: { kind: 'homework', seed: 7 } }, HOMEWORK).map((f) => f.kind)).toEqual(['seed-mismatch']);
  });
});
