import type { Parsed, RawAnswer } from '../exercises/types';
import { LIMITS, ANSWER_KEY } from './limits';
import { readRuns } from './read-runs';
import { SUBMISSION_FORMAT, SUBMISSION_VERSION, type StoredResult, type Submission } from './types';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const own = (o: Obj, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);
const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

/** Reads a submission file's text; never throws, and says why a file is not a valid submission. */
export function readSubmission(text: string): Parsed<Submission> {
  if (typeof text !== 'string') return fail('The file could not be read as text.');
  if (text.length > LIMITS.maxBytes) return fail(`The file is larger than ${LIMITS.maxBytes / 1024 / 1024} MB.`);
  if (tooDeep(text)) return fail(`The file is nested more than ${LIMITS.maxDepth} levels deep.`);
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return fail(`The file is not valid JSON (${(e as Error).message}).`);
  }
  return validateSubmission(data);
}

/** Validates parsed JSON as a submission, copying only known fields (no prototype keys survive). */
export function validateSubmission(data: unknown): Parsed<Submission> {
  if (!isObj(data)) return fail('The file does not hold a JSON object.');
  if (own(data, 'format') !== SUBMISSION_FORMAT) return fail(`This is not a submission file of this book (format must be "${SUBMISSION_FORMAT}").`);
  const version = own(data, 'version');
  if (version !== SUBMISSION_VERSION) return fail(`Unsupported submission version ${JSON.stringify(version)}; this book reads version ${SUBMISSION_VERSION}.`);
  const student = own(data, 'student');
  if (!isObj(student)) return fail('The submission has no student.');
  const id = own(student, 'id');
  const name = own(student, 'name');
  if (typeof id !== 'string' || id.trim() === '') return fail('The submission has no student id.');
  if (id.length > LIMITS.maxIdChars) return fail('The student id is too long.');
  if (typeof name !== 'string' || name.length > LIMITS.maxNameChars) return fail('The student name is missing or too long.');
  const variant = readVariant(own(data, 'variant'));
  if (!variant.ok) return variant;
  const answers = readAnswers(own(data, 'answers'));
  if (!answers.ok) return answers;
  const attempts = readCounts(own(data, 'attempts'));
  if (!attempts.ok) return attempts;
  const results = readResults(own(data, 'results'));
  if (!results.ok) return results;
  const runs = readRuns(own(data, 'runs') ?? []);
  if (!runs.ok) return runs;
  const createdAt = own(data, 'createdAt');
  if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) return fail('The submission has no valid timestamp (createdAt).');
  const app = own(data, 'app');
  const appName = isObj(app) && typeof own(app, 'name') === 'string' ? (own(app, 'name') as string).slice(0, 100) : 'unknown';
  const appVersion = isObj(app) && typeof own(app, 'version') === 'string' ? (own(app, 'version') as string).slice(0, 100) : 'unknown';
  return {
    ok: true,
    value: {
      format: SUBMISSION_FORMAT,
      version: SUBMISSION_VERSION,
      student: { id: id.trim(), name: name.trim() },
      variant: variant.value,
      answers: answers.value,
      attempts: attempts.value,
      results: results.value,
      runs: runs.value,
      createdAt,
      app: { name: appName, version: appVersion },
    },
  };
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
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) return fail('The variant seed must be a 32-bit unsigned integer.');
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

function readCounts(v: unknown): Parsed<Record<string, number>> {
  if (v === undefined) return { ok: true, value: {} };
  if (!isObj(v)) return fail('attempts must be an object.');
  const out: Record<string, number> = {};
  for (const key of Object.keys(v)) {
    const n = v[key];
    if (!ANSWER_KEY.test(key)) return fail(`Unknown key "${key.slice(0, 60)}" in attempts.`);
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 1e6) return fail(`attempts of "${key}" must be a non-negative integer.`);
    out[key] = n;
  }
  return { ok: true, value: out };
}

const STATUSES = new Set(['correct', 'partial', 'wrong', 'unreadable', 'manual']);

function readResults(v: unknown): Parsed<Record<string, StoredResult>> {
  if (v === undefined) return { ok: true, value: {} };
  if (!isObj(v)) return fail('results must be an object.');
  const out: Record<string, StoredResult> = {};
  for (const key of Object.keys(v)) {
    const r = v[key];
    if (!ANSWER_KEY.test(key)) return fail(`Unknown key "${key.slice(0, 60)}" in results.`);
    if (!isObj(r)) return fail(`results of "${key}" must be an object.`);
    const status = own(r, 'status');
    const marks = own(r, 'marks');
    const maxMarks = own(r, 'maxMarks');
    if (typeof status !== 'string' || !STATUSES.has(status) || typeof marks !== 'number' || typeof maxMarks !== 'number' || !Number.isFinite(marks) || !Number.isFinite(maxMarks)) {
      return fail(`results of "${key}" are malformed.`);
    }
    out[key] = { status: status as StoredResult['status'], marks, maxMarks };
  }
  return { ok: true, value: out };
}
