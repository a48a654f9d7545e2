import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_COURSE } from '../../src/course/course';
import { gradeSubmission } from '../../src/grading/grade-submission';
import { GRADED_ITEMS } from '../../src/homework/structure';
import type { Submission } from '../../src/submission/types';
import { decodePacked } from '../../src/data/packed-format';
import { stratifiedSplit } from '../../src/data/split';
import { metricsFromConfusion } from '../../src/train/metrics';
import { pickMisclassified } from '../../src/charts-data/misclassified-picks';
import type { RunRecord } from '../../src/record/run-record';
import { fileBytes, makeRun, makeSubmission } from '../helpers/submissions';

const asFile = (name: string, data: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof data === 'string' ? data : JSON.stringify(data)),
});

test.describe('instructor grading page', () => {
  test('loads a mixed batch, lists rejects, flags a forged seed, grades free text by hand and exports the CSV', async ({ page }) => {
    const course = { ...DEFAULT_COURSE, perStudentVariants: false };
    const good = await makeSubmission({
      id: 's1',
      name: 'Ada Lovelace',
      course,
      skill: 1,
      seed: 1,
      extra: { 'q2.6': 'ResNet with augmentation generalises best.' },
      runs: [makeRun(3)],
    });
    const weak = await makeSubmission({ id: 's2', name: '=HYPERLINK("x")', course, skill: 0, seed: 2 });
    const forged = await makeSubmission({ id: 's3', name: 'Forger', course, skill: 1, seed: 3 });
    forged.variant = { kind: 'homework', seed: 12345 };
    forged.results = { 'q2.6': { status: 'correct', marks: 5, maxMarks: 5 } };

    await page.goto('instructor/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Instructor grading');
    await page
      .getByLabel('Submission files (.json or .zip)')
      .setInputFiles([
        asFile('good.json', good),
        asFile('weak.json', weak),
        asFile('broken.json', '{"format": "dlcv-hw1-submission"'),
        asFile('forged.json', forged),
      ]);
    await expect(page.getByRole('status').filter({ hasText: 'Graded' })).toContainText('Graded 3 submission(s)');

    const rejected = page.getByRole('region', { name: 'Rejected files' });
    await expect(rejected).toContainText('broken.json');
    await expect(rejected).toContainText('not valid JSON');

    const table = page.getByRole('region', { name: 'Gradebook' }).getByRole('table');
    const rowOf = (id: string) => table.getByRole('row').filter({ has: page.getByRole('button', { name: `Details of ${id}` }) });
    await expect(rowOf('s3')).toContainText('seed-mismatch');
    await expect(rowOf('s2')).toContainText('=HYPERLINK("x")');

    const totalHeader = table.getByRole('columnheader', { name: 'Total' });
    await totalHeader.getByRole('button').click();
    await expect(totalHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(table.getByRole('row').nth(1)).toContainText('s2');
    await totalHeader.getByRole('button').click();
    await expect(totalHeader).toHaveAttribute('aria-sort', 'descending');

    await page.getByLabel('Filter students').fill('ada');
    await expect(table.getByRole('row')).toHaveCount(2);
    await page.getByLabel('Filter students').fill('');
    await expect(table.getByRole('row')).toHaveCount(4);

    await page.getByRole('button', { name: 'Details of s1' }).click();
    const detail = page.getByRole('region', { name: 'Student' });
    await expect(detail.getByRole('heading', { level: 3 })).toContainText('Ada Lovelace');
    await expect(detail).toContainText('ResNet with augmentation generalises best.');
    await expect(detail.getByRole('img', { name: /Confusion matrix of run-3/ })).toBeVisible();
    const before = Number((await rowOf('s1').getByRole('cell').nth(-2).textContent())!.trim());
    const q26Cell = GRADED_ITEMS.findIndex((it) => it.id === 'q2.6') + 1;
    const q26Of = async (id: string) => parseFloat((await rowOf(id).getByRole('cell').nth(q26Cell).textContent())!);
    const [s1Auto, s3Auto] = [await q26Of('s1'), await q26Of('s3')];
    await detail.getByLabel('Marks for q2.6').fill('4');
    await detail.getByLabel('Comment for q2.6').fill('Good comparison; cost missing.');
    await detail.getByRole('button', { name: 'Save grade for q2.6' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved the grade' })).toBeVisible();
    await expect(rowOf('s1').getByRole('cell').nth(-2)).toHaveText(String(before + 4));

    await expect(page.getByRole('region', { name: 'Statistics' })).toContainText('3 students');

    const downloadPromise = page.waitForEvent('download');
    await page.getByLabel('CSV layout').selectOption('plain');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const download = await downloadPromise;
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split('\r\n');
    const header = lines[0].split(',');
    expect(header[0]).toBe('Student ID');
    const s1 = lines.find((l) => l.startsWith('s1,'))!.split(',');
    expect(s1[header.indexOf('q2.6 (5)')]).toBe(String(s1Auto + 4));
    expect(Number(s1[header.indexOf('Total')])).toBe(before + 4);
    const s3 = lines.find((l) => l.startsWith('s3,'))!;
    expect(s3).toContain('seed-mismatch');
    expect(s3.split(',')[header.indexOf('q2.6 (5)')]).toBe(String(s3Auto));
    expect(lines.find((l) => l.startsWith('s2,'))).toContain(`"'=HYPERLINK(""x"")"`);

    const dir = mkdtempSync(join(tmpdir(), 'hw1-grade-'));
    for (const [name, data] of [
      ['good.json', good],
      ['weak.json', weak],
      ['forged.json', forged],
    ] as const)
      writeFileSync(join(dir, name), JSON.stringify(data));
    writeFileSync(join(dir, 'broken.json'), '{"format": "dlcv-hw1-submission"');
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'cli/grade.ts', dir, '--out', join(dir, 'grades.csv')], {
      encoding: 'utf8',
    });
    expect(cli.status, cli.stderr).toBe(1);
    expect(cli.stderr).toContain('broken.json');
    const cliLines = readFileSync(join(dir, 'grades.csv'), 'utf8').trim().split('\r\n');
    expect(cliLines[0]).toBe(lines[0]);
    for (const id of ['s2', 's3']) expect(cliLines.find((l) => l.startsWith(`${id},`))).toBe(lines.find((l) => l.startsWith(`${id},`)));
  });

  test('grades files with malformed advisory entries or no name, shows the notes, and exports -12 verbatim to Canvas, as the CLI does', async ({
    page,
  }) => {
    const course = { ...DEFAULT_COURSE, perStudentVariants: false };
    const messy = {
      ...(await makeSubmission({ id: '-12', name: 'Grace Hopper', course, skill: 1, seed: 5 })),
      attempts: { 'q1.1c': 2.5 },
      results: { 'q1.1c': { status: 'Correct', marks: 1, maxMarks: 1 }, '': { status: 'correct', marks: 1, maxMarks: 1 } },
    };
    const nameless = { ...(await makeSubmission({ id: 'nn7', course, skill: 1, seed: 6 })), student: { id: 'nn7' } };

    await page.goto('instructor/');
    await page
      .getByLabel('Submission files (.json or .zip)')
      .setInputFiles([asFile('messy.json', messy), asFile('nameless.json', nameless)]);
    const status = page.getByRole('status').filter({ hasText: 'Graded' });
    await expect(status).toContainText('Graded 2 submission(s)');
    await expect(status).toContainText('0 file(s) rejected');
    await expect(status).toContainText('1 graded file(s) had malformed advisory entries');
    await expect(page.getByRole('region', { name: 'Rejected files' })).toContainText('No rejected files.');

    const table = page.getByRole('region', { name: 'Gradebook' }).getByRole('table');
    const rowOf = (id: string) => table.getByRole('row').filter({ has: page.getByRole('button', { name: `Details of ${id}` }) });
    await expect(rowOf('-12')).toContainText('read-note');
    await expect(rowOf('nn7').getByRole('cell').first()).toHaveText('');
    const total = async (id: string) => Number((await rowOf(id).getByRole('cell').nth(-2).textContent())!.trim());
    expect(await total('-12')).toBeGreaterThan(0);
    expect(await total('-12')).toBe(await total('nn7'));

    await page.getByRole('button', { name: 'Details of -12' }).click();
    const notes = page.getByRole('region', { name: 'Student' }).getByRole('list', { name: 'Notes on the file' });
    await expect(notes.getByRole('listitem')).toHaveCount(3);
    await expect(notes).toContainText('attempts of "q1.1c" is 2.5');
    await expect(notes).toContainText('status "Correct" is not one of');
    await expect(notes).toContainText('results entry "" has no exercise id');
    const axe = await new AxeBuilder({ page }).include('main').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.getByRole('button', { name: 'Details of nn7' }).click();
    await expect(page.getByRole('region', { name: 'Student' }).getByRole('heading', { level: 3 })).toHaveText('(no name) — nn7');

    const download = async (layout: string): Promise<string[]> => {
      const downloadPromise = page.waitForEvent('download');
      await page.getByLabel('CSV layout').selectOption(layout);
      await page.getByRole('button', { name: 'Download CSV' }).click();
      return readFileSync((await (await downloadPromise).path())!, 'utf8')
        .trim()
        .split('\r\n');
    };
    const canvas = await download('canvas');
    expect(canvas[0].split(',').slice(0, 3)).toEqual(['Student', 'ID', 'SIS User ID']);
    expect(canvas.find((l) => l.startsWith('Grace Hopper,'))!.split(',')[2]).toBe('-12');
    expect(canvas.find((l) => l.startsWith(',,nn7,'))).toBeTruthy();
    const moodle = await download('moodle');
    const moodleRow = moodle.find((l) => l.startsWith('-12,'))!.split(',');
    expect(moodleRow.slice(0, 3)).toEqual(['-12', '', 'Grace Hopper']);
    expect(Number(moodleRow[3])).toBeCloseTo(await total('-12'), 2);
    const plain = await download('plain');
    const header = plain[0].split(',');
    expect(header.slice(-2)).toEqual(['Flags', 'Notes']);
    expect(plain.find((l) => l.startsWith('-12,'))).toContain('read-note');
    expect(plain.find((l) => l.startsWith('-12,'))).toContain('attempts of ""q1.1c"" is 2.5');

    const dir = mkdtempSync(join(tmpdir(), 'hw1-grade-'));
    const outDir = mkdtempSync(join(tmpdir(), 'hw1-grades-'));
    writeFileSync(join(dir, 'messy.json'), JSON.stringify(messy));
    writeFileSync(join(dir, 'nameless.json'), JSON.stringify(nameless));
    for (const [format, lines] of [
      ['plain', plain],
      ['canvas', canvas],
    ] as const) {
      const out = join(outDir, `${format}.csv`);
      const cli = spawnSync(process.execPath, ['--import', 'tsx', 'cli/grade.ts', dir, '--out', out, '--format', format], {
        encoding: 'utf8',
      });
      expect(cli.status, cli.stderr).toBe(0);
      expect(cli.stdout).toContain('messy.json: note: attempts of "q1.1c" is 2.5');
      expect(readFileSync(out, 'utf8').trim().split('\r\n').sort()).toEqual(lines.slice().sort());
    }
  });

  test('unpacks a zip, shows a student with runs and statistics, and has no accessibility violations', async ({ page }) => {
    const course = { ...DEFAULT_COURSE, perStudentVariants: false };
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 4; i++) {
      files[`hw/s${i}.json`] = fileBytes(
        await makeSubmission({ id: `z${i}`, course, skill: i / 3, seed: i, runs: i === 0 ? [makeRun(1, 'q2.2', true)] : [] }),
      );
    }
    await page.goto('instructor/');
    await page
      .getByLabel('Submission files (.json or .zip)')
      .setInputFiles([{ name: 'batch.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync(files)) }]);
    await expect(page.getByRole('status').filter({ hasText: 'Graded' })).toContainText('Graded 4 submission(s)');
    await page.getByRole('button', { name: 'Details of z0' }).click();
    await expect(page.getByRole('region', { name: 'Student' })).toContainText('run-metrics');
    await expect(page.getByRole('region', { name: 'Statistics' }).getByRole('img', { name: 'Histogram of total marks' })).toBeVisible();
    const results = await new AxeBuilder({ page }).include('main').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test('grades files dropped on the drop zone', async ({ page }) => {
    const course = { ...DEFAULT_COURSE, perStudentVariants: false };
    const files = [];
    for (let i = 0; i < 2; i++)
      files.push({
        name: `d${i}.json`,
        bytes: Array.from(fileBytes(await makeSubmission({ id: `drop${i}`, course, skill: 0.5, seed: 10 + i }))),
      });
    await page.goto('instructor/');
    const dataTransfer = await page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: 'application/json' }));
      return dt;
    }, files);
    const zone = page.getByText('Or drop files, folders or zips here.');
    await zone.dispatchEvent('dragover', { dataTransfer });
    await zone.dispatchEvent('drop', { dataTransfer });
    await expect(page.getByRole('status').filter({ hasText: 'Graded' })).toContainText('Graded 2 submission(s)');
    await expect(page.getByRole('button', { name: 'Details of drop1' })).toBeVisible();
  });
});

/** A student's own file, all answered wrong, and the reference answers its regrade knows but must not hand out (none typed by the student or quoted by a feedback message). */
async function ownFile(): Promise<{ sub: Submission; references: string[]; bits: string }> {
  const course = { ...DEFAULT_COURSE, perStudentVariants: false };
  const sub = await makeSubmission({ id: 'stu1', name: 'Sam Student', course, skill: 0, seed: 21 });
  sub.answers['q1.1d.losses'] = ['0', '0', '0'];
  const graded = await gradeSubmission(sub, course);
  const said = [JSON.stringify(sub.answers), ...graded.answers.map((a) => a.feedback.message)];
  const references = graded.answers
    .filter((a) => a.feedback.status === 'wrong' && a.reference.length >= 4 && !said.some((t) => t.includes(a.reference)))
    .map((a) => a.reference);
  const bits = graded.answers.find((a) => a.key === 'q1.1c')!.reference;
  return { sub, references, bits };
}

/** The text of the only file in the feedback zip the page downloads. */
async function feedbackZipText(page: Page): Promise<string> {
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download feedback files (zip)' }).click();
  const files = Object.values(unzipSync(new Uint8Array(readFileSync((await (await downloadPromise).path())!))));
  expect(files).toHaveLength(1);
  return strFromU8(files[0]);
}

/** Loads `sub` into the instructor page at `url` and opens its detail. */
async function gradeOwnFile(page: Page, url: string, sub: Submission): Promise<Locator> {
  await page.goto(url);
  await page.getByLabel('Submission files (.json or .zip)').setInputFiles(asFile('hw1-stu1.json', sub));
  await expect(page.getByRole('status').filter({ hasText: 'Graded' })).toContainText('Graded 1 submission(s)');
  await page.getByRole('button', { name: 'Details of stu1' }).click();
  const detail = page.getByRole('region', { name: 'Student' });
  await expect(detail.getByRole('heading', { level: 3 })).toHaveText('Sam Student — stu1');
  return detail;
}

test.describe('what each edition of the instructor page hands out', () => {
  test("the student edition grades a student's own file with marks and feedback, and shows or downloads no reference answer", async ({
    page,
  }) => {
    const { sub, references, bits } = await ownFile();
    expect(references).toContain(bits);
    const detail = await gradeOwnFile(page, 'instructor/', sub);
    await expect(page.getByText('reference answers are shown only in the instructor edition')).toBeVisible();
    await expect(page.getByRole('row').filter({ has: page.getByRole('button', { name: 'Details of stu1' }) })).toBeVisible();
    await expect(detail.getByRole('heading', { name: /^q1\.1c .*: 0 \/ 1$/ })).toBeVisible();
    const answers = detail.getByRole('table', { name: 'Answers of q1.1c' });
    await expect(answers.getByRole('columnheader', { name: 'Feedback' })).toBeVisible();
    await expect(answers).toContainText('is not the expected value');
    await expect(page.getByRole('columnheader', { name: 'Reference' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: /Reference/ })).toHaveCount(0);
    const shown = await page.getByRole('main').innerText();
    for (const ref of references) expect(shown, ref).not.toContain(ref);

    const feedback = await feedbackZipText(page);
    expect(feedback).toContain('Feedback:');
    expect(feedback).not.toContain('Reference:');
    for (const ref of references) expect(feedback, ref).not.toContain(ref);
  });

  test('the instructor edition shows the Reference column and writes references into the feedback files', async ({ page }) => {
    const out = `${process.env.BOOK_OUT ?? 'dist-e2e'}-instructor`;
    const port = Number(process.env.E2E_PORT ?? 4399) + 1;
    const server = spawn(process.execPath, ['scripts/serve-dist.mjs', out, String(port), '/hw1/'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        server.stdout.on('data', (d: Buffer) => {
          if (d.toString().includes('serving')) resolve();
        });
        server.on('exit', (code) => reject(new Error(`serve-dist exited with ${code}`)));
      });
      const { sub, bits } = await ownFile();
      const detail = await gradeOwnFile(page, `http://127.0.0.1:${port}/hw1/instructor/`, sub);
      await expect(page.getByText('reference answers are shown only in the instructor edition')).toHaveCount(0);
      const answers = detail.getByRole('table', { name: 'Answers of q1.1c' });
      await expect(answers.getByRole('columnheader', { name: 'Reference' })).toBeVisible();
      await expect(answers.getByRole('row').filter({ hasText: 'q1.1c' }).getByRole('cell').nth(1)).toHaveText(bits);
      expect(await feedbackZipText(page)).toContain(`Reference:   ${bits}`);
    } finally {
      server.kill();
    }
  });
});

/** A run on the book's default data set (public/data/default), with its true test split and `wrong` misclassified test images; `shown`: how many the gallery draws. */
async function defaultDataRun(wrong: number): Promise<{ run: RunRecord; shown: number }> {
  const dataset = await decodePacked(
    readFileSync('public/data/default.json', 'utf8'),
    new Uint8Array(readFileSync('public/data/default.bin')),
  );
  const m = dataset.manifest;
  const seed = 5;
  const split = stratifiedSplit(dataset.labels, m.classes.length, seed);
  const truth = split.test.map((i) => dataset.labels[i]);
  const predicted = truth.map((y, i) => (i < wrong ? (y + 1) % m.classes.length : y));
  const confusion = m.classes.map(() => m.classes.map(() => 0));
  truth.forEach((y, i) => confusion[y][predicted[i]]++);
  const run = makeRun(seed);
  const misclassified = truth.flatMap((y, i) => (y === predicted[i] ? [] : [{ index: i, trueLabel: y, predicted: predicted[i] }]));
  const shown = pickMisclassified(misclassified, split.test, m.classes.length, 3).flat().length;
  return {
    shown,
    run: {
      ...run,
      id: 'run-default',
      config: { ...run.config, seed, imageSize: 32 },
      dataset: {
        name: m.name,
        hash: m.hash,
        classes: [...m.classes],
        counts: { train: split.train.length, val: split.val.length, test: split.test.length },
      },
      test: { ...metricsFromConfusion(confusion), confusion, misclassified },
    },
  };
}

test.describe('the gradebook as a working page', () => {
  test("uses the page's width, keeps id, Total and Flags in view while it scrolls, and keeps the files after a reload until they are removed", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const course = { ...DEFAULT_COURSE, perStudentVariants: false };
    const a = await makeSubmission({ id: 'w1', name: 'Wide One', course, skill: 0.7, seed: 31 });
    const b = {
      ...(await makeSubmission({ id: 'w2', name: 'Wide Two', course, skill: 0.3, seed: 32 })),
      variant: { kind: 'homework' as const, seed: 99 },
    };
    await page.goto('instructor/');
    await expect(page.getByRole('complementary', { name: 'On this page' })).toHaveCount(0);
    await page.getByLabel('Submission files (.json or .zip)').setInputFiles([asFile('w1.json', a), asFile('w2.json', b)]);
    await expect(page.getByRole('status').filter({ hasText: 'Graded' })).toContainText('Graded 2 submission(s)');

    const table = page.getByRole('region', { name: 'Gradebook' }).getByRole('table');
    const inView = async (cell: Locator) => {
      const [t, c] = [(await table.boundingBox())!, (await cell.boundingBox())!];
      return c.x >= t.x - 1 && c.x + c.width <= t.x + t.width + 1;
    };
    const total = table.getByRole('columnheader', { name: 'Total' });
    const flags = table.getByRole('columnheader', { name: 'Flags' });
    const id = page.getByRole('button', { name: 'Details of w2' });
    const scroll = (to: 'start' | 'end') =>
      table.evaluate((t, end) => {
        t.scrollLeft = end ? t.scrollWidth : 0;
      }, to === 'end');
    expect(await table.evaluate((t) => t.scrollWidth > t.clientWidth), 'the table is wider than the page').toBe(true);
    for (const side of ['start', 'end'] as const) {
      await scroll(side);
      for (const cell of [total, flags, id, table.getByRole('row').filter({ has: id }).getByRole('cell').last()])
        expect(await inView(cell), `${side}: ${await cell.textContent()}`).toBe(true);
    }
    const [totalBox, flagsBox] = [(await total.boundingBox())!, (await flags.boundingBox())!];
    expect(totalBox.x + totalBox.width).toBeLessThanOrEqual(flagsBox.x + 1);
    await expect(table.getByRole('row').filter({ has: id })).toContainText('seed-mismatch');

    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toContainText(
      'Restored 2 file(s) kept in this browser. Graded 2 submission(s)',
    );
    await expect(page.getByRole('button', { name: 'Details of w1' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Details of w2' })).toBeVisible();

    await page.getByRole('button', { name: 'Remove all loaded files' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove all loaded files?' });
    await expect(dialog).toBeVisible();
    const axe = await new AxeBuilder({ page }).include('[data-clear-dialog]').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('button', { name: 'Details of w1' })).toBeVisible();
    await page.getByRole('button', { name: 'Remove all loaded files' }).click();
    await dialog.getByRole('button', { name: 'Remove the files' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Removed' })).toContainText('Graded 0 submission(s)');
    await expect(table.getByRole('row')).toHaveCount(1);
    const kept = await page.evaluate(
      () =>
        new Promise<unknown>((resolve) => {
          const req = indexedDB.open('dlcv-hw1-instructor', 1);
          req.onsuccess = () => {
            const g = req.result.transaction('submissions').objectStore('submissions').get('batch');
            g.onsuccess = () => resolve(g.result ?? null);
          };
        }),
    );
    expect(kept).toBeNull();
  });

  test("the student detail draws a run's misclassified test images from this browser's data set, or says plainly why it cannot", async ({
    page,
  }) => {
    const course = { ...DEFAULT_COURSE, perStudentVariants: false };
    const { run, shown } = await defaultDataRun(4);
    const sub = await makeSubmission({ id: 'g1', name: 'Gallery', course, skill: 0.5, seed: 41, runs: [run, makeRun(3)] });
    await page.goto('instructor/');
    await page.getByLabel('Submission files (.json or .zip)').setInputFiles(asFile('g1.json', sub));
    await page.getByRole('button', { name: 'Details of g1' }).click();
    const detail = page.getByRole('region', { name: 'Student' });
    const own = detail.getByRole('region', { name: 'Misclassified test images of run-default' });
    await expect(own).toContainText('The run misclassified 4 of');
    expect(shown).toBeGreaterThan(0);
    await expect(own.getByRole('img', { name: /^Test image \d+: true .+, predicted .+$/ })).toHaveCount(shown);
    const other = detail.getByRole('region', { name: 'Misclassified test images of run-3' });
    await expect(other).toContainText(
      "does not hold the images, and this browser's data set is not the one the run used; load russian-wildlife-64",
    );
    const axe = await new AxeBuilder({ page }).include('main').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
