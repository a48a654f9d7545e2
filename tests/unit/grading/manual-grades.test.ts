import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CourseSettings } from '../../../src/course/course';
import { gradeSubmission } from '../../../src/grading/grade-submission';
import {
  applyManual,
  defaultRubrics,
  emptyGradingFile,
  exportGradingFile,
  importGradingFile,
  mergeGradingFiles,
  rubricFor,
  rubricSuggestion,
  withEntry,
  type ManualEntry,
} from '../../../src/grading/manual-grades';
import { HAND_MARKED } from '../../../src/homework/hand-marked';
import { GRADED_ITEMS } from '../../../src/homework/structure';
import { gradedOf } from '../../helpers/graded';
import { homeworkRuns } from '../../helpers/run-records';
import { makeSubmission } from '../../helpers/submissions';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const entry = (marks: number, override = false, updatedAt = '2025-01-02T00:00:00.000Z'): ManualEntry => ({
  marks,
  comment: 'ok',
  rubric: ['arch'],
  override,
  updatedAt,
});

describe('applyManual', () => {
  it('adds manual marks to an item left to manual grading and clears pending', () => {
    const g = gradedOf('S1', { 'q1.1a': 1 });
    const file = withEntry(emptyGradingFile(), 's1', 'q2.2', entry(7));
    const out = applyManual(g, file);
    const it2 = out.items.find((i) => i.id === 'q2.2')!;
    expect(it2.marks).toBe(7);
    expect(it2.pending).toBe(false);
    expect(it2.manual).toEqual({ marks: 7, comment: 'ok', rubric: ['arch'], override: false });
    expect(out.total).toBe(8);
    expect(g.total).toBe(1);
  });
  it('overrides an auto-graded item and clamps marks to the item', () => {
    const g = gradedOf('s1', { 'q1.1d': 2 });
    const out = applyManual(g, withEntry(emptyGradingFile(), 's1', 'q1.1d', entry(1, true)));
    expect(out.items.find((i) => i.id === 'q1.1d')!.marks).toBe(1);
    const clamped = applyManual(g, { ...emptyGradingFile(), grades: { s1: { 'q1.1d': entry(99, true) } } });
    expect(clamped.items.find((i) => i.id === 'q1.1d')!.marks).toBe(2);
  });
  it('leaves other students alone', () => {
    const g = gradedOf('s2', {});
    expect(applyManual(g, withEntry(emptyGradingFile(), 's1', 'q2.2', entry(7)))).toBe(g);
  });
});

describe('withEntry', () => {
  it('removes an entry with null and drops an empty student', () => {
    const f = withEntry(withEntry(emptyGradingFile(), 's1', 'q2.2', entry(3)), 's1', 'q2.2', null);
    expect(f.grades).toEqual({});
  });
  it('stores a student id "__proto__" as plain data', () => {
    const f = withEntry(emptyGradingFile(), '__proto__', 'q2.2', entry(3));
    expect(Object.getPrototypeOf(f.grades)).toBe(Object.prototype);
    expect(Object.keys(f.grades)).toEqual(['__proto__']);
    const back = importGradingFile(exportGradingFile(f));
    expect(back.ok && Object.keys(back.value.grades)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).marks).toBeUndefined();
  });
});

describe('importGradingFile', () => {
  it('round-trips an exported file', () => {
    const f = withEntry(emptyGradingFile(), 's1', 'q2.6', entry(4));
    const back = importGradingFile(exportGradingFile(f));
    expect(back).toEqual({ ok: true, value: f });
  });
  it('rejects files that are not grading files or break the rules', () => {
    const good = JSON.parse(exportGradingFile(withEntry(emptyGradingFile(), 's1', 'q2.6', entry(4))));
    // biome-ignore lint/suspicious/noExplicitAny: the test breaks a copy of the file in ways its type forbids
    const bad = (mut: (x: any) => void): string => {
      const x = structuredClone(good);
      mut(x);
      return JSON.stringify(x);
    };
    expect(importGradingFile('{').ok).toBe(false);
    expect(importGradingFile('[]').ok).toBe(false);
    expect(
      importGradingFile(
        bad((x) => {
          x.version = 3;
        }),
      ).ok,
    ).toBe(false);
    expect(
      importGradingFile(
        bad((x) => {
          x.grades.s1['q9.9'] = x.grades.s1['q2.6'];
        }),
      ).ok,
    ).toBe(false);
    expect(
      importGradingFile(
        bad((x) => {
          x.grades.s1['q2.6'].marks = 6;
        }),
      ).ok,
    ).toBe(false);
    expect(
      importGradingFile(
        bad((x) => {
          x.grades.s1['q2.6'].marks = -1;
        }),
      ).ok,
    ).toBe(false);
    expect(
      importGradingFile(
        bad((x) => {
          x.grades.s1['q2.6'].comment = 'x'.repeat(5001);
        }),
      ).ok,
    ).toBe(false);
    expect(
      importGradingFile(
        bad((x) => {
          x.grades.s1['q2.6'].override = 'yes';
        }),
      ).ok,
    ).toBe(false);
    expect(
      importGradingFile(
        bad((x) => {
          x.rubrics['q2.2'] = [{ id: 'a', label: 'b', marks: 11 }];
        }),
      ).ok,
    ).toBe(false);
  });
  it('reads a version 1 file and drops its rubrics, which were the old built-in ones', () => {
    const v1 = JSON.stringify({
      format: 'dlcv-hw1-grading',
      version: 1,
      rubrics: { 'q2.2': [{ id: 'arch', label: 'Architecture', marks: 3 }] },
      grades: { s1: { 'q2.6': entry(1) } },
    });
    const r = importGradingFile(v1);
    expect(r.ok && r.value).toMatchObject({ version: 2, rubrics: {}, grades: { s1: { 'q2.6': { marks: 1 } } } });
  });
  it("keeps an instructor's own rubric of a version 2 file", () => {
    const own = { ...emptyGradingFile(), rubrics: { 'q2.2': [{ id: 'own', label: 'My criterion', marks: 2 }] } };
    const r = importGradingFile(exportGradingFile(own));
    expect(r.ok && r.value.rubrics).toEqual(own.rubrics);
  });
  it('merges entries of ids that differ only in case', () => {
    const text = JSON.stringify({ format: 'dlcv-hw1-grading', version: 1, grades: { S1: { 'q2.6': entry(1) }, s1: { 'q2.4': entry(2) } } });
    const r = importGradingFile(text);
    expect(r.ok && Object.keys(r.value.grades.s1).sort()).toEqual(['q2.4', 'q2.6']);
  });
});

describe('mergeGradingFiles', () => {
  it('keeps the entry updated last for each student and item', () => {
    const a = withEntry(emptyGradingFile(), 's1', 'q2.6', entry(1, false, '2025-01-03T00:00:00Z'));
    const b = withEntry(withEntry(emptyGradingFile(), 's1', 'q2.6', entry(5, false, '2025-01-01T00:00:00Z')), 's2', 'q2.6', entry(2));
    const m = mergeGradingFiles(a, b);
    expect(m.grades.s1['q2.6'].marks).toBe(1);
    expect(m.grades.s2['q2.6'].marks).toBe(2);
  });
});

describe('rubricSuggestion', () => {
  it('enters the ticked criteria up to the marks left to manual grading, and says why when it caps', () => {
    expect(rubricSuggestion(3, 4, 'q2.3', false)).toEqual({ marks: 3, note: '' });
    const capped = rubricSuggestion(10, 4.5, 'q2.3', false);
    expect(capped.marks).toBe(4.5);
    expect(capped.note).toMatch(/add up to 10 marks; 4\.5 of q2\.3 are left to grade by hand .*so 4\.5 is entered/);
    expect(rubricSuggestion(12, 10, 'q2.4', true)).toMatchObject({ marks: 10, note: expect.stringMatching(/more than q2\.4's 10/) });
  });
});

const COURSE: CourseSettings = { name: 'C', perStudentVariants: false, salt: '' };
const sum = (list: readonly { marks: number }[]) => list.reduce((t, c) => t + c.marks, 0);

describe('defaultRubrics', () => {
  for (const [name, runs] of [
    ['with the homework runs handed in', homeworkRuns()],
    ['with no run handed in', []],
  ] as const) {
    it(`gives every item criteria that add up to the marks the regrade leaves to hand marking, ${name}`, async () => {
      const sub = await makeSubmission({ id: 's1', course: COURSE, skill: 1, seed: 1, runs: [...runs] });
      const graded = await gradeSubmission(sub, COURSE);
      for (const it of graded.items) {
        expect(sum(it.rubric), it.id).toBeCloseTo(it.manualMax, 6);
        expect(new Set(it.rubric.map((c) => c.id)).size, it.id).toBe(it.rubric.length);
      }
    });
  }

  it("lists an item's HAND_MARKED criteria and nothing for an item graded automatically", () => {
    const rubrics = defaultRubrics(new Map());
    for (const it of GRADED_ITEMS) expect(rubrics[it.id] ?? [], it.id).toEqual(HAND_MARKED[it.id] ?? []);
    expect(rubrics['q1.1a']).toBeUndefined();
  });

  it("turns a text part's rubric into criteria named by its key", () => {
    const parts = new Map([
      ['q2.6', [{ kind: 'text' as const, key: 'q2.6', marks: 3, rubric: [{ id: 'metrics', label: 'Accuracy and F1', marks: 3 }] }]],
    ]);
    expect(defaultRubrics(parts)['q2.6']).toEqual([
      { id: 'q2.6.metrics', label: 'Accuracy and F1', marks: 3 },
      ...(HAND_MARKED['q2.6'] ?? []),
    ]);
  });
});

describe('rubricFor', () => {
  it("shows the grading file's own rubric of an item over the default", () => {
    const item = { id: 'q2.2', rubric: [{ id: 'd', label: 'Default', marks: 1 }] };
    const own = { ...emptyGradingFile(), rubrics: { 'q2.2': [{ id: 'o', label: 'Own', marks: 1 }] } };
    expect(rubricFor(emptyGradingFile(), item)).toEqual(item.rubric);
    expect(rubricFor(own, item)).toEqual(own.rubrics['q2.2']);
    expect(rubricFor(own, { id: 'q1.1a', rubric: [] })).toEqual([]);
  });
});
