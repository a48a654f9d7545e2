import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CourseSettings } from '../../../src/course/course';
import { gradeSubmission } from '../../../src/grading/grade-submission';
import { loadBatch } from '../../../src/grading/load-batch';
import { readSubmission } from '../../../src/submission/read-submission';
import { makeRun, makeSubmission } from '../../helpers/submissions';

const COURSE: CourseSettings = { name: 'C', perStudentVariants: true, salt: 'salt' };

/** Reads `text`; when it is a submission, grades it. Must never throw; returns what happened. */
async function readAndGrade(text: string): Promise<'rejected' | 'graded'> {
  const r = readSubmission(text);
  if (!r.ok) {
    expect(typeof r.error).toBe('string');
    return 'rejected';
  }
  const g = await gradeSubmission(r.value, COURSE);
  expect(Number.isFinite(g.total)).toBe(true);
  expect(g.total).toBeGreaterThanOrEqual(0);
  expect(g.total).toBeLessThanOrEqual(g.maxTotal);
  return 'graded';
}

/** Replaces a value deep inside `obj` at a path chosen by `picks`. */
function mutate(obj: unknown, picks: number[], value: unknown): unknown {
  const root = structuredClone(obj) as Record<string, unknown>;
  let node: Record<string, unknown> = root;
  for (const p of picks) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const k = keys[p % keys.length];
    const child = node[k];
    if (typeof child !== 'object' || child === null) {
      node[k] = value;
      return root;
    }
    node = child as Record<string, unknown>;
  }
  const keys = Object.keys(node);
  if (keys.length > 0) node[keys[picks[0] % keys.length]] = value;
  return root;
}

const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constant('x'.repeat(30_000)),
  fc.constant(Array.from({ length: 5000 }, () => '1')),
  fc.constant(JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}')),
  fc.constant(-1),
  fc.constant(1e308),
  fc.constant(null),
  fc.constant([[['deep']]]),
);

describe('readSubmission + gradeSubmission under fuzzing', () => {
  it('rejects or grades random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        await readAndGrade(new TextDecoder().decode(bytes));
      }),
      { seed: 1, numRuns: 300 },
    );
  });
  it('rejects or grades every truncation of a valid file', async () => {
    const text = JSON.stringify(await makeSubmission({ id: 'a', course: COURSE, skill: 0.5, seed: 1, runs: [makeRun(1)] }));
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: text.length }), async (n) => {
        expect(await readAndGrade(text.slice(0, n))).toBe(n === text.length ? 'graded' : 'rejected');
      }),
      { seed: 2, numRuns: 200 },
    );
  });
  it('rejects deep nesting quickly', async () => {
    for (const depth of [41, 10_000, 1_000_000]) {
      const t0 = performance.now();
      expect(await readAndGrade(`${'['.repeat(depth)}${']'.repeat(depth)}`)).toBe('rejected');
      expect(await readAndGrade(`{"format":"dlcv-hw1-submission","answers":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`)).toBe(
        'rejected',
      );
      expect(performance.now() - t0).toBeLessThan(2000);
    }
  });
  it('rejects or grades a valid file with any field replaced by hostile values, without polluting prototypes', async () => {
    const base = await makeSubmission({ id: 'a', course: COURSE, skill: 0.5, seed: 1, runs: [makeRun(1)] });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), hostileValue, async (picks, value) => {
        await readAndGrade(JSON.stringify(mutate(base, picks, value)));
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { seed: 3, numRuns: 300 },
    );
  });
  it('grades hostile answers under valid keys: huge strings, huge arrays, prototype-looking text', async () => {
    const base = await makeSubmission({ id: 'a', course: COURSE, skill: 0.5, seed: 1 });
    const keys = Object.keys(base.answers);
    const raw = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.array(fc.string({ maxLength: 20 }), { maxLength: 50 }),
      fc.array(fc.array(fc.string({ maxLength: 10 }), { maxLength: 10 }), { maxLength: 10 }),
      fc.constantFrom('__proto__', 'constructor', '1e999', 'NaN', '-Infinity', '('.repeat(5000), 'x'.repeat(20_000)),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...keys), raw, async (key, value) => {
        const sub = { ...base, answers: { ...base.answers, [key]: value } };
        expect(await readAndGrade(JSON.stringify(sub))).toBe('graded');
      }),
      { seed: 4, numRuns: 300 },
    );
  });
  it('loadBatch never throws on random archives and files', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ name: fc.constantFrom('a.json', 'b.zip', 'c.txt', 'd/e.json'), bytes: fc.uint8Array({ maxLength: 300 }) }), {
          maxLength: 5,
        }),
        async (files) => {
          const b = await loadBatch(files, COURSE);
          expect(b.graded.length + b.rejected.length).toBeLessThanOrEqual(files.length);
        },
      ),
      { seed: 5, numRuns: 200 },
    );
  });
});
