import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import type { CourseSettings } from '../../../src/course/course';
import { dedupe, loadBatch, readBatch } from '../../../src/grading/load-batch';
import { fileBytes, makeSubmission } from '../../helpers/submissions';

const COURSE: CourseSettings = { name: 'C', perStudentVariants: true, salt: 'salt' };

describe('loadBatch', () => {
  it('grades good files from folders and zips and rejects the rest with reasons', async () => {
    const a = await makeSubmission({ id: 'a', course: COURSE, skill: 1, seed: 1 });
    const b = await makeSubmission({ id: 'b', course: COURSE, skill: 0, seed: 2 });
    const forged = await makeSubmission({ id: 'c', course: COURSE, skill: 1, seed: 3 });
    forged.variant = { kind: 'student', seed: 1 };
    const zip = zipSync({ 'sub/b.json': fileBytes(b), 'sub/bad.json': strToU8('{"format":') });
    const batch = await loadBatch(
      [
        { name: 'a.json', bytes: fileBytes(a) },
        { name: 'all.zip', bytes: zip },
        { name: 'c.json', bytes: fileBytes(forged) },
        { name: 'latin1.json', bytes: new Uint8Array([0x7b, 0xe9, 0x7d]) },
      ],
      COURSE,
    );
    expect(batch.graded.map((g) => g.studentId)).toEqual(['a', 'b', 'c']);
    expect(batch.graded[0].total).toBeGreaterThan(batch.graded[1].total);
    expect(batch.graded[2].flags.map((f) => f.kind)).toContain('seed-mismatch');
    expect(batch.rejected.map((r) => r.name).sort()).toEqual(['all.zip/sub/bad.json', 'latin1.json']);
    expect(batch.rejected.find((r) => r.name === 'latin1.json')!.reason).toMatch(/UTF-8/);
  });
  it('keeps the latest file of a student and flags it', async () => {
    const old = await makeSubmission({ id: 'a', course: COURSE, skill: 1, seed: 1, createdAt: '2025-01-01T00:00:00Z' });
    const latest = await makeSubmission({ id: 'A ', course: COURSE, skill: 0, seed: 1, createdAt: '2025-01-02T00:00:00Z' });
    const batch = await loadBatch(
      [
        { name: 'new.json', bytes: fileBytes(latest) },
        { name: 'old.json', bytes: fileBytes(old) },
      ],
      COURSE,
    );
    expect(batch.graded).toHaveLength(1);
    expect(batch.graded[0].source).toBe('new.json');
    expect(batch.graded[0].flags.map((f) => f.kind)).toContain('duplicate');
    expect(batch.superseded).toEqual([{ name: 'old.json', studentId: 'a', createdAt: '2025-01-01T00:00:00Z', keptName: 'new.json' }]);
  });
});

describe('loadBatch with malformed advisory fields', () => {
  it('grades every answer of a file whose attempts or results are malformed, with a read-note per dropped entry', async () => {
    const clean = await makeSubmission({ id: 'a', course: COURSE, skill: 0.6, seed: 4 });
    const messy = {
      ...clean,
      student: { id: 'a' },
      attempts: { 'q1.1c': 2.5, 'q1.1d': 3, '': 1, 'q1.9z': 1 },
      results: { 'q1.1c': { status: 'Correct', marks: 1, maxMarks: 1 }, 'q1.1d': { status: 'correct', marks: 'NaN', maxMarks: 2 } },
    };
    const [good, bad] = await Promise.all([
      loadBatch([{ name: 'clean.json', bytes: fileBytes(clean) }], COURSE),
      loadBatch([{ name: 'messy.json', bytes: fileBytes(messy) }], COURSE),
    ]);
    expect(bad.rejected).toEqual([]);
    const g = bad.graded[0];
    expect(g.name).toBe('');
    expect(g.items).toEqual(good.graded[0].items);
    expect(g.total).toBe(good.graded[0].total);
    expect(g.total).toBeGreaterThan(0);
    const notes = g.flags.filter((f) => f.kind === 'read-note').map((f) => f.message);
    expect(notes).toHaveLength(5);
    expect(notes.join('\n')).toMatch(/attempts of "q1\.1c" is 2\.5/);
    expect(notes.join('\n')).toMatch(/attempts entry "" has no exercise id/);
    expect(notes.join('\n')).toMatch(/attempts entry "q1\.9z" names no exercise of the book/);
    expect(notes.join('\n')).toMatch(/status "Correct"/);
    expect(notes.join('\n')).toMatch(/marks "NaN"/);
    expect(good.graded[0].flags).toEqual([]);
  });
});

describe('dedupe', () => {
  it('breaks ties of createdAt by taking the file given last', async () => {
    const s = await makeSubmission({ id: 'a', course: COURSE, skill: 1, seed: 1 });
    const r = dedupe([
      { name: 'one', sub: s },
      { name: 'two', sub: s },
    ]);
    expect(r.kept.map((k) => k.name)).toEqual(['two']);
    expect(r.superseded.map((k) => k.name)).toEqual(['one']);
  });
});

describe('readBatch', () => {
  it('says why a file is not a submission', () => {
    const r = readBatch([{ name: 'x.json', bytes: strToU8('{"format":"other"}') }]);
    expect(r.submissions).toEqual([]);
    expect(r.rejected[0].reason).toMatch(/not a submission file/);
  });
});
