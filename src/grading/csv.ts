/**
 * RFC 4180 CSV of the gradebook (plain, Canvas and Moodle layouts) with formula-injection neutralisation.
 * Free-text cells beginning with =, +, -, @, tab or CR get a leading `'`; marks are written as numbers (a mark
 * of -1 stays -1); ids and e-mails are key cells, written verbatim so an LMS matches them (`-12` stays `-12`)
 * unless they can only be an injection (`src/grading/cell-safety.ts`).
 */
import { GRADED_ITEMS } from '../homework/structure';
import { keyText, neutraliseText } from './cell-safety';
import type { GradedSubmission } from './types';

/** A student id or e-mail address: the column an LMS matches rows on. */
export interface KeyCell {
  key: string;
}

export type Cell = string | number | null | KeyCell;

/** A key cell of `text`. */
export const keyCell = (text: string): KeyCell => ({ key: text });

/** One cell: numbers as plain decimals, text neutralised, keys as `keyText`, quoted when holding a comma, quote or line break. */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = typeof value === 'string' ? neutraliseText(value) : keyText(value.key);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as CSV text with CRLF line breaks (RFC 4180). */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The flags of one student as one cell: kinds, deduplicated. */
export function flagSummary(g: GradedSubmission): string {
  return [...new Set(g.flags.map((f) => f.kind))].join('; ');
}

const itemMarks = (g: GradedSubmission): number[] => GRADED_ITEMS.map((it) => g.items.find((x) => x.id === it.id)?.marks ?? 0);

/** The reader's notes on a file (what it dropped from attempts, results or the name) as one cell. */
export function readNotes(g: GradedSubmission): string {
  return g.flags
    .filter((f) => f.kind === 'read-note')
    .map((f) => f.message)
    .join(' ');
}

/** The gradebook: student id, name, one column per item, total, pending manual items, flags and the reader's notes. */
export function gradebookRows(graded: readonly GradedSubmission[]): Cell[][] {
  const header: Cell[] = ['Student ID', 'Name', ...GRADED_ITEMS.map((i) => `${i.id} (${i.marks})`), 'Total', 'Pending', 'Flags', 'Notes'];
  const rows = graded.map((g): Cell[] => [
    keyCell(g.studentId),
    g.name,
    ...itemMarks(g),
    g.total,
    g.items
      .filter((i) => i.pending)
      .map((i) => i.id)
      .join(' '),
    flagSummary(g),
    readNotes(g),
  ]);
  return [header, ...rows];
}

export interface LmsOptions {
  /** Assignment name as it should appear in the LMS. */
  assignment?: string;
  /** Canvas assignment id, appended to the header as Canvas exports do ("Homework 1 (12345)"). */
  assignmentId?: string;
  /** One column per item as well as the total (each becomes its own LMS grade item). */
  perItem?: boolean;
}

/**
 * Canvas gradebook import layout: Student, ID, SIS User ID, SIS Login ID, Section, then the assignment columns;
 * the second row is "Points Possible". The student id goes in SIS User ID; Canvas's own ID is left blank.
 */
export function canvasRows(graded: readonly GradedSubmission[], opts: LmsOptions = {}): Cell[][] {
  const name = opts.assignment ?? 'Homework 1';
  const title = opts.assignmentId ? `${name} (${opts.assignmentId})` : name;
  const itemCols = opts.perItem ? GRADED_ITEMS.map((i) => `${name} ${i.id}`) : [];
  const header: Cell[] = ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', ...itemCols, title];
  const points: Cell[] = [
    '    Points Possible',
    '',
    '',
    '',
    '',
    ...(opts.perItem ? GRADED_ITEMS.map((i) => i.marks) : []),
    GRADED_ITEMS.reduce((s, i) => s + i.marks, 0),
  ];
  const rows = graded.map((g): Cell[] => [g.name, '', keyCell(g.studentId), '', '', ...(opts.perItem ? itemMarks(g) : []), g.total]);
  return [header, points, ...rows];
}

/**
 * Moodle grade import layout: "ID number" (map to the user's ID number) and "Email address" (filled when the
 * id looks like an email; map to it instead), then the grade columns.
 */
export function moodleRows(graded: readonly GradedSubmission[], opts: LmsOptions = {}): Cell[][] {
  const name = opts.assignment ?? 'Homework 1';
  const itemCols = opts.perItem ? GRADED_ITEMS.map((i) => `${name} ${i.id}`) : [];
  const header: Cell[] = ['ID number', 'Email address', 'Full name', ...itemCols, name];
  const rows = graded.map((g): Cell[] => [
    keyCell(g.studentId),
    keyCell(g.studentId.includes('@') ? g.studentId : ''),
    g.name,
    ...(opts.perItem ? itemMarks(g) : []),
    g.total,
  ]);
  return [header, ...rows];
}

export type CsvFormat = 'plain' | 'canvas' | 'moodle';

/** The gradebook CSV text in `format`. */
export function gradebookCsv(graded: readonly GradedSubmission[], format: CsvFormat = 'plain', opts: LmsOptions = {}): string {
  const rows = format === 'canvas' ? canvasRows(graded, opts) : format === 'moodle' ? moodleRows(graded, opts) : gradebookRows(graded);
  return toCsv(rows);
}
