/** Manual marks (free text, items without an auto-grader) and overrides, kept in a versioned "grading file". */
import type { ExerciseDef } from '../exercises/exercise';
import type { RubricCriterion } from '../exercises/kinds/text';
import type { Parsed, PartSpec } from '../exercises/types';
import { EXERCISES } from '../homework/catalog';
import { handCriteria } from '../homework/rubric';
import { GRADED_ITEMS } from '../homework/structure';
import { round } from '../exercises/round';
import type { GradedSubmission, ItemGrade } from './types';

export const GRADING_FORMAT = 'dlcv-hw1-grading';
/** Version 2: `rubrics` holds only the instructor's own criteria; version 1 files (built-in rubrics) are still read. */
export const GRADING_VERSION = 2;
const MAX_COMMENT = 5000;
const MAX_STUDENTS = 20_000;
const MAX_RUBRIC = 50;

export type { RubricCriterion };

/** A grader's decision on one item of one student. */
export interface ManualEntry {
  /** Marks of the manual portion, or of the whole item when `override` is true. */
  marks: number;
  comment: string;
  /** Ids of the rubric criteria that were ticked. */
  rubric: string[];
  /** True: replaces the item's marks (auto ones included). False: fills the part left to manual grading. */
  override: boolean;
  updatedAt: string;
}

/** The grading file: the instructor's own rubrics per item (none by default) and entries per (normalised) student id and item id. */
export interface GradingFile {
  format: typeof GRADING_FORMAT;
  version: typeof GRADING_VERSION;
  rubrics: Record<string, RubricCriterion[]>;
  grades: Record<string, Record<string, ManualEntry>>;
}

/**
 * The tick-boxes of one student's items, from the parts the grader used for that student (by item id): for every
 * item with marks left to hand marking, `handCriteria` (text parts' rubrics, then HAND_MARKED), adding up to that share.
 */
export function defaultRubrics(
  partsByItem: ReadonlyMap<string, readonly PartSpec[]>,
  catalog: readonly ExerciseDef[] = EXERCISES,
): Record<string, RubricCriterion[]> {
  const out: Record<string, RubricCriterion[]> = {};
  for (const it of GRADED_ITEMS) {
    const criteria = handCriteria(it.id, partsByItem.get(it.id) ?? [], catalog);
    if (criteria.length > 0) put(out, it.id, criteria);
  }
  return out;
}

/** The criteria the gradebook shows for an item: the grading file's own rubric of the item when it has one, else the grader's (`ItemGrade.rubric`). */
export function rubricFor(file: GradingFile, item: Pick<ItemGrade, 'id' | 'rubric'>): RubricCriterion[] {
  return getOwn(file.rubrics, item.id) ?? item.rubric;
}

/**
 * The marks ticking rubric criteria suggests: their sum, capped at what the grader may enter (the
 * part left to manual grading, or the whole item when overriding). Default rubrics add up to the part left
 * to manual grading; an instructor's own rubric may add up to more, and then the note says why it is capped.
 */
export function rubricSuggestion(sum: number, max: number, itemId: string, override: boolean): { marks: number; note: string } {
  const marks = round(Math.min(sum, max));
  if (sum <= max) return { marks, note: '' };
  return {
    marks,
    note: override
      ? `The ticked criteria add up to ${round(sum)} marks, more than ${itemId}'s ${round(max)}: ${marks} is entered.`
      : `The ticked criteria add up to ${round(sum)} marks; ${round(max)} of ${itemId} are left to grade by hand (the rest was graded automatically from the answers), so ${marks} is entered.`,
  };
}

/** An empty grading file: no entries, and no rubrics of its own (the defaults come from the exercises). */
export function emptyGradingFile(): GradingFile {
  return { format: GRADING_FORMAT, version: GRADING_VERSION, rubrics: {}, grades: {} };
}

/** The key a student's entries are stored under (ids compare trimmed and case-insensitively). */
export function studentKey(id: string): string {
  return id.trim().toLowerCase();
}

/** A copy of `file` with `entry` set for (student, item); `null` removes it. */
export function withEntry(file: GradingFile, studentId: string, itemId: string, entry: ManualEntry | null): GradingFile {
  const key = studentKey(studentId);
  const grades = { ...file.grades };
  const mine = { ...(getOwn(grades, key) ?? {}) };
  if (entry) put(mine, itemId, entry);
  else delete mine[itemId];
  if (Object.keys(mine).length > 0) put(grades, key, mine);
  else delete grades[key];
  return { ...file, grades };
}

/** `graded` with the file's manual marks and overrides applied on top of the auto marks (a new object). */
export function applyManual(graded: GradedSubmission, file: GradingFile): GradedSubmission {
  const mine = getOwn(file.grades, studentKey(graded.studentId));
  if (!mine) return graded;
  const items = graded.items.map((it) => {
    const e = getOwn(mine, it.id);
    if (!e) return it;
    const manual = { marks: e.marks, comment: e.comment, rubric: e.rubric.slice(), override: e.override };
    if (e.override) return { ...it, marks: clamp(e.marks, it.maxMarks), pending: false, manual };
    const autoMarks = it.marks;
    return { ...it, marks: round(autoMarks + clamp(e.marks, it.manualMax)), pending: false, manual };
  });
  return { ...graded, items, total: round(items.reduce((s, g) => s + g.marks, 0)) };
}

/** Own property `k` of `o` (never one inherited, so `__proto__` and `constructor` are plain ids). */
function getOwn<T>(o: Record<string, T>, k: string): T | undefined {
  return Object.hasOwn(o, k) ? o[k] : undefined;
}

/** Defines own property `k` (assignment would set the prototype for `__proto__`); returns `v`. */
function put<T>(o: Record<string, T>, k: string, v: T): T {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return v;
}

function clamp(x: number, max: number): number {
  return round(Math.min(Math.max(x, 0), max));
}

/** The grading file as pretty JSON for download. */
export function exportGradingFile(file: GradingFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });
const ITEM_IDS = new Set(GRADED_ITEMS.map((i) => i.id));
const maxOf = (id: string): number => GRADED_ITEMS.find((i) => i.id === id)?.marks ?? 0;

/** Reads a grading file's text; never throws; rejects unknown items, marks out of range and oversized fields. */
export function importGradingFile(text: string): Parsed<GradingFile> {
  if (typeof text !== 'string' || text.length > 20 * 1024 * 1024) return fail('The grading file is missing or larger than 20 MiB.');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail(`The grading file is not valid JSON (${(e as Error).message}).`);
  }
  if (!isObj(data) || data.format !== GRADING_FORMAT) return fail(`This is not a grading file (format must be "${GRADING_FORMAT}").`);
  if (data.version !== GRADING_VERSION && data.version !== 1)
    return fail(`Unsupported grading file version ${JSON.stringify(data.version)}.`);
  const rubrics = data.version === 1 ? readRubrics(undefined) : readRubrics(data.rubrics);
  if (!rubrics.ok) return rubrics;
  if (!isObj(data.grades)) return fail('The grading file has no grades object.');
  const students = Object.keys(data.grades);
  if (students.length > MAX_STUDENTS) return fail('The grading file has too many students.');
  const grades: GradingFile['grades'] = {};
  for (const sid of students) {
    const entries = data.grades[sid];
    if (sid.length > 100 || sid.trim() === '' || !isObj(entries)) return fail(`Bad student entry "${sid.slice(0, 60)}".`);
    const out: Record<string, ManualEntry> = {};
    for (const itemId of Object.keys(entries)) {
      const e = readEntry(itemId, entries[itemId]);
      if (!e.ok) return fail(`Student "${sid.slice(0, 60)}": ${e.error}`);
      out[itemId] = e.value;
    }
    put(grades, studentKey(sid), { ...(getOwn(grades, studentKey(sid)) ?? {}), ...out });
  }
  return { ok: true, value: { format: GRADING_FORMAT, version: GRADING_VERSION, rubrics: rubrics.value, grades } };
}

function readRubrics(v: unknown): Parsed<Record<string, RubricCriterion[]>> {
  if (v === undefined) return { ok: true, value: {} };
  if (!isObj(v)) return fail('rubrics must be an object.');
  const out: Record<string, RubricCriterion[]> = {};
  for (const itemId of Object.keys(v)) {
    const list = v[itemId];
    if (!ITEM_IDS.has(itemId)) return fail(`Rubric of unknown item "${itemId.slice(0, 60)}".`);
    if (!Array.isArray(list) || list.length > MAX_RUBRIC)
      return fail(`The rubric of ${itemId} must be a list of at most ${MAX_RUBRIC} criteria.`);
    const crit: RubricCriterion[] = [];
    for (const c of list) {
      if (!isObj(c) || typeof c.id !== 'string' || c.id.length > 60 || typeof c.label !== 'string' || c.label.length > 500)
        return fail(`A criterion of ${itemId} is malformed.`);
      if (typeof c.marks !== 'number' || !Number.isFinite(c.marks) || c.marks < 0 || c.marks > maxOf(itemId))
        return fail(`A criterion of ${itemId} has marks out of range.`);
      crit.push({ id: c.id, label: c.label, marks: c.marks });
    }
    put(out, itemId, crit);
  }
  return { ok: true, value: out };
}

function readEntry(itemId: string, v: unknown): Parsed<ManualEntry> {
  if (!ITEM_IDS.has(itemId)) return fail(`unknown item "${itemId.slice(0, 60)}".`);
  if (!isObj(v)) return fail(`the entry of ${itemId} is not an object.`);
  const { marks, comment, rubric, override, updatedAt } = v;
  if (typeof marks !== 'number' || !Number.isFinite(marks) || marks < 0 || marks > maxOf(itemId))
    return fail(`the marks of ${itemId} must be between 0 and ${maxOf(itemId)}.`);
  if (typeof comment !== 'string' || comment.length > MAX_COMMENT)
    return fail(`the comment of ${itemId} must be text of at most ${MAX_COMMENT} characters.`);
  if (!Array.isArray(rubric) || rubric.length > MAX_RUBRIC || !rubric.every((r) => typeof r === 'string' && r.length <= 60))
    return fail(`the rubric ticks of ${itemId} are malformed.`);
  if (typeof override !== 'boolean') return fail(`override of ${itemId} must be true or false.`);
  if (typeof updatedAt !== 'string' || Number.isNaN(Date.parse(updatedAt))) return fail(`updatedAt of ${itemId} is not a time.`);
  return { ok: true, value: { marks, comment, rubric: rubric.slice(), override, updatedAt } };
}

/** Merges two grading files; for each (student, item) the entry updated last wins; `b`'s rubrics win. */
export function mergeGradingFiles(a: GradingFile, b: GradingFile): GradingFile {
  const grades: GradingFile['grades'] = structuredClone(a.grades);
  for (const sid of Object.keys(b.grades)) {
    const mine = getOwn(grades, sid) ?? put(grades, sid, {});
    const theirs = b.grades[sid];
    for (const itemId of Object.keys(theirs)) {
      const e = theirs[itemId];
      const old = getOwn(mine, itemId);
      if (!old || Date.parse(e.updatedAt) >= Date.parse(old.updatedAt)) put(mine, itemId, { ...e, rubric: e.rubric.slice() });
    }
  }
  return { format: GRADING_FORMAT, version: GRADING_VERSION, rubrics: { ...a.rubrics, ...b.rubrics }, grades };
}
