/**
 * Regrades submission files: `npm run grade -- <files|folders|zips…> --out grades.csv [--course course.json]
 * [--format plain|canvas|moodle] [--feedback-dir dir] [--grading grading.json]`.
 * Exit 0: every file graded; 1: some files could not be read (one stderr line each; the rest is written); 2: usage.
 * What the reader dropped from a graded file's advisory fields is printed on stdout (`<file>: note: …`) and in the plain CSV's Notes column.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_COURSE, readCourse, type CourseSettings } from '../src/course/course';
import { gradebookCsv, type CsvFormat } from '../src/grading/csv';
import { feedbackFiles } from '../src/grading/feedback-text';
import { finalGradebook } from '../src/grading/gradebook';
import { loadBatch, type InputFile, type Rejected } from '../src/grading/load-batch';
import { importGradingFile, type GradingFile } from '../src/grading/manual-grades';
import { BATCH_LIMITS, isIgnored } from '../src/grading/unpack-files';

const USAGE =
  'Usage: npm run grade -- <files|folders|zips…> --out grades.csv [--course course.json] [--format plain|canvas|moodle] [--feedback-dir dir] [--grading grading.json]';

interface Args {
  inputs: string[];
  out: string;
  course?: string;
  format: CsvFormat;
  feedbackDir?: string;
  grading?: string;
}

class UsageError extends Error {}

const FLAGS = ['out', 'course', 'format', 'feedback-dir', 'grading'] as const;

/** The grader's arguments (`node:util` parseArgs, lenient so that each mistake gets this tool's own message). */
function readArgs(argv: string[]): Args {
  const { tokens } = parseArgs({
    args: argv,
    strict: false,
    allowPositionals: true,
    tokens: true,
    options: { ...Object.fromEntries(FLAGS.map((f) => [f, { type: 'string' as const }])), help: { type: 'boolean', short: 'h' } },
  });
  const inputs: string[] = [];
  const opts: Record<string, string> = {};
  for (const t of tokens) {
    if (t.kind === 'positional') inputs.push(t.value);
    if (t.kind !== 'option') continue;
    if (t.name === 'help') throw new UsageError(USAGE);
    if (!(FLAGS as readonly string[]).includes(t.name)) throw new UsageError(`Unknown option ${t.rawName}.`);
    if (t.value === undefined || t.value === '') throw new UsageError(`${t.rawName} needs a value.`);
    opts[t.name] = t.value;
  }
  if (inputs.length === 0) throw new UsageError('Give at least one file, folder or zip to grade.');
  if (!opts.out) throw new UsageError('--out <file.csv> is required.');
  const format = (opts.format ?? 'plain') as CsvFormat;
  if (!['plain', 'canvas', 'moodle'].includes(format)) throw new UsageError(`--format must be plain, canvas or moodle, not "${format}".`);
  return { inputs, out: opts.out, course: opts.course, format, feedbackDir: opts['feedback-dir'], grading: opts.grading };
}

/** Reads every file under the inputs (folders recursively, hidden files skipped); unreadable paths become rejects. */
async function collect(inputs: string[]): Promise<{ files: InputFile[]; rejected: Rejected[] }> {
  const files: InputFile[] = [];
  const rejected: Rejected[] = [];
  const visit = async (path: string, shown: string): Promise<void> => {
    try {
      const s = await stat(path);
      if (s.isDirectory()) {
        for (const entry of (await readdir(path)).sort()) {
          if (!isIgnored(`${entry}`)) await visit(join(path, entry), join(shown, entry));
        }
      } else if (!s.isFile()) rejected.push({ name: shown, reason: 'Not a regular file.' });
      else if (s.size > (/\.zip$/i.test(path) ? BATCH_LIMITS.maxArchiveBytes : BATCH_LIMITS.maxFileBytes)) {
        rejected.push({
          name: shown,
          reason: `The file is larger than ${(/\.zip$/i.test(path) ? BATCH_LIMITS.maxArchiveBytes : BATCH_LIMITS.maxFileBytes) / 1024 / 1024} MiB.`,
        });
      } else files.push({ name: shown, bytes: new Uint8Array(await readFile(path)) });
    } catch (e) {
      rejected.push({ name: shown, reason: `Cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).` });
    }
  };
  for (const input of inputs) await visit(input, relative(process.cwd(), input) || input);
  return { files, rejected };
}

async function readJsonSetting<T>(path: string, read: (text: string) => { ok: true; value: T } | { ok: false; error: string }): Promise<T> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new UsageError(`Cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
  }
  const r = read(text);
  if (!r.ok) throw new UsageError(`${path}: ${r.error}`);
  return r.value;
}

/** Runs the grader; returns the exit code. */
async function main(argv: string[]): Promise<number> {
  let args: Args;
  let course: CourseSettings = DEFAULT_COURSE;
  let grading: GradingFile | null = null;
  try {
    args = readArgs(argv);
    if (args.course) course = await readJsonSetting(args.course, readCourse);
    if (args.grading) grading = await readJsonSetting(args.grading, importGradingFile);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${e.message}\n${e.message === USAGE ? '' : `${USAGE}\n`}`);
    return 2;
  }
  const t0 = performance.now();
  (await import('@tensorflow/tfjs')).enableProdMode();
  const collected = await collect(args.inputs);
  const batch = await loadBatch(collected.files, course);
  const rejected = [...collected.rejected, ...batch.rejected];
  const graded = finalGradebook(batch.graded, grading);
  for (const r of rejected) process.stderr.write(`${r.name}: ${r.reason.replace(/\s+/g, ' ')}\n`);
  await mkdir(dirname(args.out), { recursive: true });
  await writeFile(
    args.out,
    gradebookCsv(graded, args.format, { assignment: course.name === DEFAULT_COURSE.name ? 'Homework 1' : `${course.name} Homework 1` }),
  );
  if (args.feedbackDir) {
    await mkdir(args.feedbackDir, { recursive: true });
    for (const f of feedbackFiles(graded, course.name)) await writeFile(join(args.feedbackDir, f.name), f.text);
  }
  for (const s of batch.superseded) process.stdout.write(`${s.name}: older file of ${s.studentId}; graded ${s.keptName} instead.\n`);
  for (const g of graded) {
    for (const f of g.flags) if (f.kind === 'read-note') process.stdout.write(`${g.source}: note: ${f.message.replace(/\s+/g, ' ')}\n`);
  }
  const flagged = graded.filter((g) => g.flags.length > 0).length;
  process.stdout.write(
    `Graded ${graded.length} submission(s), ${rejected.length} file(s) not read, ${flagged} flagged, in ${((performance.now() - t0) / 1000).toFixed(2)} s → ${args.out}\n`,
  );
  return rejected.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`grade: ${(e as Error)?.stack ?? e}\n`);
    process.exitCode = 1;
  },
);
