import type { Parsed, RawAnswer } from '../exercises/types';
import { LIMITS, ANSWER_KEY } from './limits';
import { readRuns } from './read-runs';
import { SUBMISSION_FORMAT, SUBMISSION_VERSION, type StoredResult, type Submission } from './types';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const own = (o: Obj, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);
const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

/** A read submission and the notes on what was dropped from its advisory fields (attempts, results, name), or why it was rejected. */
export type SubmissionRead = { ok: true; value: Submission; notes: string[] } | { ok: false; error: string };

export interface ReadOptions {
  /** The book's exercise ids: advisory `attempts`/`results` entries under any other id are dropped with a note. */
  exerciseIds?: ReadonlySet<string>;
}

/** At most this many notes are kept per file; the rest are counted in one last note. */
const MAX_NOTES = 20;

/**
 * Reads a submission file's text; never throws, and says why a file is not a valid submission.
 * Answers, id, variant, runs and timestamp are validated strictly; a malformed entry of the advisory
 * `attempts` or `results`, or a bad `student.name`, is dropped with a note instead of rejecting the file.
 */
export function readSubmission(text: string, opts: ReadOptions = {}): SubmissionRead {
  if (typeof text !== 'string') return fail('The file could not be read as text.');
  if (text.length > LIMITS.maxBytes) return fail(`The file is larger than ${LIMITS.maxBytes / 1024 / 1024} MiB.`);
  if (tooDeep(text)) return fail(`The file is nested more than ${LIMITS.maxDepth} levels deep.`);
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return fail(`The file is not valid JSON (${(e as Error).message}).`);
  }
  return validateSubmission(data, opts);
}

/** Validates parsed JSON as a submission, copying only known fields (no prototype keys survive). */
export function validateSubmission(data: unknown, opts: ReadOptions = {}): SubmissionRead {
  if (!isObj(data)) return fail('The file does not hold a JSON object.');
  if (own(data, 'format') !== SUBMISSION_FORMAT)
    return fail(`This is not a submission file of this book (format must be "${SUBMISSION_FORMAT}").`);
  const version = own(data, 'version');
  if (version !== SUBMISSION_VERSION)
    return fail(`Unsupported submission version ${JSON.stringify(version)}; this book reads version ${SUBMISSION_VERSION}.`);
  const student = own(data, 'student');
  if (!isObj(student)) return fail('The submission has no student.');
  const id = own(student, 'id');
  if (typeof id !== 'string' || id.trim() === '') return fail('The submission has no student id.');
  if (id.trim().length > LIMITS.maxIdChars) return fail(`The student id is longer than ${LIMITS.maxIdChars} characters.`);
  const notes: string[] = [];
  const name = readName(own(student, 'name'), notes);
  const variant = readVariant(own(data, 'variant'));
  if (!variant.ok) return variant;
  const answers = readAnswers(own(data, 'answers'));
  if (!answers.ok) return answers;
  const attempts = readCounts(own(data, 'attempts'), opts.exerciseIds, notes);
  const results = readResults(own(data, 'results'), opts.exerciseIds, notes);
  const runs = readRuns(own(data, 'runs') ?? []);
  if (!runs.ok) return runs;
  const createdAt = own(data, 'createdAt');
  if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt)))
    return fail('The submission has no valid timestamp (createdAt).');
  const app = own(data, 'app');
  const appName = isObj(app) && typeof own(app, 'name') === 'string' ? (own(app, 'name') as string).slice(0, 100) : 'unknown';
  const appVersion = isObj(app) && typeof own(app, 'version') === 'string' ? (own(app, 'version') as string).slice(0, 100) : 'unknown';
  return {
    ok: true,
    value: {
      format: SUBMISSION_FORMAT,
      version: SUBMISSION_VERSION,
      student: { id: id.trim(), name },
      variant: variant.value,
      answers: answers.value,
      attempts,
      results,
      runs: runs.value,
      createdAt,
      app: { name: appName, version: appVersion },
    },
    notes: capped(notes),
  };
}

function capped(notes: string[]): string[] {
  if (notes.length <= MAX_NOTES) return notes;
  return [...notes.slice(0, MAX_NOTES - 1), `${notes.length - MAX_NOTES + 1} more entries of attempts or results were dropped.`];
}

/** The optional name: absent or null is '' silently; not text is '' with a note; too long is cut with a note. */
function readName(v: unknown, notes: string[]): string {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') {
    notes.push(`student.name is not text (${describe(v)}); the name is left empty.`);
    return '';
  }
  const name = v.trim();
  if (name.length <= LIMITS.maxNameChars) return name;
  notes.push(`student.name is longer than ${LIMITS.maxNameChars} characters; it was cut to ${LIMITS.maxNameChars}.`);
  return name.slice(0, LIMITS.maxNameChars);
}

/** A short, safe description of a JSON value for a note. */
function describe(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : typeof v;
}

/** Quoted key for a note, cut to 60 characters. */
const quoted = (key: string): string => JSON.stringify(key.length > 60 ? `${key.slice(0, 60)}…` : key);

/** Why an advisory key cannot be kept, or null when it names an exercise. */
function badKey(key: string, exerciseIds: ReadonlySet<string> | undefined): string | null {
  if (key.trim() === '') return 'has no exercise id';
  if (!ANSWER_KEY.test(key)) return 'is not an exercise id';
  if (exerciseIds && !exerciseIds.has(key)) return 'names no exercise of the book';
  return null;
}

function tooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > LIMITS.maxDepth) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

function readVariant(v: unknown): Parsed<Submission['variant']> {
  if (!isObj(v)) return fail('The submission has no variant.');
  const kind = own(v, 'kind');
  const seed = own(v, 'seed');
  if (kind !== 'homework' && kind !== 'student') return fail('The variant kind must be "homework" or "student".');
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    return fail('The variant seed must be a 32-bit unsigned integer.');
  return { ok: true, value: { kind, seed } };
}

function isCell(x: unknown): x is string {
  return typeof x === 'string' && x.length <= LIMITS.maxAnswerChars;
}

/** One raw answer: a string, an array of strings, or an array of arrays of strings. */
export function readRawAnswer(v: unknown): RawAnswer | null {
  if (isCell(v)) return v;
  if (!Array.isArray(v) || v.length > LIMITS.maxCells) return null;
  if (v.every(isCell)) return v.slice();
  if (v.every((row) => Array.isArray(row) && row.length <= LIMITS.maxCells && row.every(isCell))) {
    const cells = v.reduce((n: number, row: unknown[]) => n + row.length, 0);
    return cells <= LIMITS.maxCells ? v.map((row: string[]) => row.slice()) : null;
  }
  return null;
}

function readAnswers(v: unknown): Parsed<Record<string, RawAnswer>> {
  if (!isObj(v)) return fail('The submission has no answers object.');
  const keys = Object.keys(v);
  if (keys.length > LIMITS.maxAnswers) return fail('The submission has too many answers.');
  const out: Record<string, RawAnswer> = {};
  for (const key of keys) {
    if (!ANSWER_KEY.test(key)) return fail(`Unknown answer key "${key.slice(0, 60)}".`);
    const raw = readRawAnswer(v[key]);
    if (raw === null) return fail(`The answer "${key}" is not text, a list of text or rows of text (or is too large).`);
    out[key] = raw;
  }
  return { ok: true, value: out };
}

/** The advisory attempts: each entry a non-negative integer under an exercise id; any other entry is dropped with a note. */
function readCounts(v: unknown, exerciseIds: ReadonlySet<string> | undefined, notes: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  if (v === undefined) return out;
  if (!isObj(v)) {
    notes.push(`attempts is ${describe(v)}, not an object; all attempts were dropped.`);
    return out;
  }
  for (const key of Object.keys(v)) {
    const n = v[key];
    const why = badKey(key, exerciseIds);
    if (why) notes.push(`attempts entry ${quoted(key)} ${why}; dropped.`);
    else if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 1e6)
      notes.push(`attempts of ${quoted(key)} is ${describe(n)}, not a whole number from 0 to 1,000,000; dropped.`);
    else out[key] = n;
  }
  return out;
}

const STATUSES: readonly StoredResult['status'][] = ['correct', 'partial', 'wrong', 'unreadable', 'manual'];

/** The advisory results: each entry `{status, marks, maxMarks}` under an exercise id; any other entry is dropped with a note. */
function readResults(v: unknown, exerciseIds: ReadonlySet<string> | undefined, notes: string[]): Record<string, StoredResult> {
  const out: Record<string, StoredResult> = {};
  if (v === undefined) return out;
  if (!isObj(v)) {
    notes.push(`results is ${describe(v)}, not an object; all results were dropped.`);
    return out;
  }
  for (const key of Object.keys(v)) {
    const why = badKey(key, exerciseIds);
    const r = why ? null : readResult(v[key]);
    if (why) notes.push(`results entry ${quoted(key)} ${why}; dropped.`);
    else if (typeof r === 'string') notes.push(`results of ${quoted(key)}: ${r}; dropped.`);
    else if (r) out[key] = r;
  }
  return out;
}

/** One advisory result, or why it is malformed. */
function readResult(r: unknown): StoredResult | string {
  if (!isObj(r)) return `${describe(r)} is not an object`;
  const status = own(r, 'status');
  const marks = own(r, 'marks');
  const maxMarks = own(r, 'maxMarks');
  if (typeof status !== 'string' || !(STATUSES as readonly string[]).includes(status))
    return `status ${describe(status)} is not one of ${STATUSES.join(', ')}`;
  if (typeof maxMarks !== 'number' || !Number.isFinite(maxMarks) || maxMarks < 0)
    return `maxMarks ${describe(maxMarks)} is not a number of 0 or more`;
  if (typeof marks !== 'number' || !Number.isFinite(marks) || marks < 0 || marks > maxMarks)
    return `marks ${describe(marks)} is not a number from 0 to maxMarks`;
  return { status: status as StoredResult['status'], marks, maxMarks };
}
