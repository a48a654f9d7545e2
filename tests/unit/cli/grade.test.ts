import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { CourseSettings } from '../../../src/course/course';
import { gradebookCsv } from '../../../src/grading/csv';
import { finalGradebook } from '../../../src/grading/gradebook';
import { loadBatch } from '../../../src/grading/load-batch';
import { fileBytes, makeRun, makeSubmission } from '../../helpers/submissions';

const COURSE: CourseSettings = { name: 'Deep Learning for Computer Vision', perStudentVariants: true, salt: 's3cret' };
let dir: string;

function runCli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/grade.ts', ...args], {
    cwd: process.cwd(),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The rows of an RFC 4180 CSV (quoted commas, quotes and line breaks included). */
function rowsOf(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'grade-cli-'));
  mkdirSync(join(dir, 'subs/nested'), { recursive: true });
  writeFileSync(join(dir, 'course.json'), JSON.stringify(COURSE));
  for (let i = 0; i < 6; i++) {
    const sub = await makeSubmission({
      id: `s${i}`,
      course: COURSE,
      skill: i / 5,
      seed: i,
      runs: i === 2 ? [makeRun(i, 'q2.2', true)] : [],
    });
    writeFileSync(join(dir, i < 3 ? 'subs' : 'subs/nested', `s${i}.json`), fileBytes(sub));
  }
  const zipped = await makeSubmission({ id: 'z1', course: COURSE, skill: 0.7, seed: 9 });
  writeFileSync(join(dir, 'more.zip'), zipSync({ 'z/z1.json': fileBytes(zipped) }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cli/grade.ts', () => {
  it('grades folders and zips, exits 0, and agrees with the pure grader mark for mark', async () => {
    const out = join(dir, 'grades.csv');
    const r = runCli([
      join(dir, 'subs'),
      join(dir, 'more.zip'),
      '--out',
      out,
      '--course',
      join(dir, 'course.json'),
      '--feedback-dir',
      join(dir, 'fb'),
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const csv = rowsOf(readFileSync(out, 'utf8'));
    expect(csv).toHaveLength(8);
    const names = ['subs/s0.json', 'subs/s1.json', 'subs/s2.json', 'subs/nested/s3.json', 'subs/nested/s4.json', 'subs/nested/s5.json'];
    const files = names.map((n) => ({ name: n, bytes: new Uint8Array(readFileSync(join(dir, n))) }));
    files.push({ name: 'more.zip', bytes: new Uint8Array(readFileSync(join(dir, 'more.zip'))) });
    const batch = await loadBatch(files, COURSE);
    const expected = rowsOf(gradebookCsv(finalGradebook(batch.graded, null)));
    const sort = (rows: string[][]) => rows.slice(1).sort((a, b) => a[0].localeCompare(b[0]));
    expect(sort(csv)).toEqual(sort(expected));
    expect(csv.find((row) => row[0] === 's2')!.at(-2)).toContain('run-metrics');
    expect(readdirSync(join(dir, 'fb')).sort()).toEqual([
      'feedback-s0.txt',
      'feedback-s1.txt',
      'feedback-s2.txt',
      'feedback-s3.txt',
      'feedback-s4.txt',
      'feedback-s5.txt',
      'feedback-z1.txt',
    ]);
  });
  it('reports each unreadable file on stderr, still writes the others, and exits 1', () => {
    writeFileSync(join(dir, 'broken.json'), '{"format":"dlcv-hw1-submission"');
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    const out = join(dir, 'canvas.csv');
    const r = runCli([
      join(dir, 'subs/s0.json'),
      join(dir, 'broken.json'),
      join(dir, 'notes.txt'),
      join(dir, 'missing.json'),
      '--out',
      out,
      '--format',
      'canvas',
      '--course',
      join(dir, 'course.json'),
    ]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes('broken.json'))).toMatch(/not valid JSON/);
    expect(lines.find((l) => l.includes('notes.txt'))).toMatch(/Not a \.json/);
    expect(lines.find((l) => l.includes('missing.json'))).toMatch(/ENOENT/);
    const csv = rowsOf(readFileSync(out, 'utf8'));
    expect(csv[0].slice(0, 5)).toEqual(['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section']);
    expect(csv).toHaveLength(3);
  });
  it('grades a file with malformed advisory entries and one without a name, prints the notes, and keeps -12 as the Canvas id', async () => {
    const messy = {
      ...(await makeSubmission({ id: '-12', course: COURSE, skill: 0.8, seed: 21 })),
      attempts: { 'q1.1c': 2.5 },
      results: { 'q1.1c': { status: 'Correct', marks: 1, maxMarks: 1 } },
    };
    const noName = { ...(await makeSubmission({ id: 'nn', course: COURSE, skill: 0.4, seed: 22 })), student: { id: 'nn' } };
    mkdirSync(join(dir, 'advisory'), { recursive: true });
    writeFileSync(join(dir, 'advisory/messy.json'), JSON.stringify(messy));
    writeFileSync(join(dir, 'advisory/noname.json'), JSON.stringify(noName));
    const out = join(dir, 'advisory.csv');
    const r = runCli([join(dir, 'advisory'), '--out', out, '--course', join(dir, 'course.json')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/advisory\/messy\.json: note: attempts of "q1\.1c" is 2\.5/);
    expect(r.stdout).toMatch(/advisory\/messy\.json: note: results of "q1\.1c": status "Correct"/);
    expect(r.stdout).toContain('Graded 2 submission(s), 0 file(s) not read');
    const files = ['messy.json', 'noname.json'].map((n) => ({
      name: `advisory/${n}`,
      bytes: new Uint8Array(readFileSync(join(dir, 'advisory', n))),
    }));
    const graded = finalGradebook((await loadBatch(files, COURSE)).graded, null);
    const csv = rowsOf(readFileSync(out, 'utf8'));
    expect(csv).toEqual(rowsOf(gradebookCsv(graded)));
    const header = csv[0];
    const row = csv.find((x) => x[0] === '-12')!;
    expect(row[header.indexOf('Flags')]).toBe('read-note');
    expect(row[header.indexOf('Notes')]).toMatch(/2\.5.*Correct/);
    expect(Number(row[header.indexOf('Total')])).toBe(graded.find((g) => g.studentId === '-12')!.total);
    expect(Number(row[header.indexOf('Total')])).toBeGreaterThan(0);
    expect(csv.find((x) => x[0] === 'nn')![1]).toBe('');
    const canvasOut = join(dir, 'advisory-canvas.csv');
    expect(runCli([join(dir, 'advisory'), '--out', canvasOut, '--format', 'canvas', '--course', join(dir, 'course.json')]).code).toBe(0);
    const canvas = rowsOf(readFileSync(canvasOut, 'utf8'));
    expect(
      canvas
        .map((x) => x[2])
        .slice(2)
        .sort(),
    ).toEqual(['-12', 'nn']);
    const moodleOut = join(dir, 'advisory-moodle.csv');
    expect(runCli([join(dir, 'advisory'), '--out', moodleOut, '--format', 'moodle', '--course', join(dir, 'course.json')]).code).toBe(0);
    expect(
      rowsOf(readFileSync(moodleOut, 'utf8'))
        .map((x) => x[0])
        .slice(1)
        .sort(),
    ).toEqual(['-12', 'nn']);
  });
  it('exits 2 on usage errors', () => {
    expect(runCli([]).code).toBe(2);
    expect(runCli([join(dir, 'subs')]).code).toBe(2);
    expect(runCli([join(dir, 'subs'), '--out', join(dir, 'x.csv'), '--format', 'excel']).code).toBe(2);
    expect(runCli([join(dir, 'subs'), '--out', join(dir, 'x.csv'), '--bogus', '1']).code).toBe(2);
    const bad = runCli([join(dir, 'subs'), '--out', join(dir, 'x.csv'), '--course', join(dir, 'nope.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/nope\.json/);
  });
});
