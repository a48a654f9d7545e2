/** Grades vector and matrix answers: all-or-nothing marks with per-cell feedback, named and transposed mistakes. */
import { correct, unreadable, wrong } from './feedback';
import { formatVector } from './format-number';
import { plural, roundsTo, tooFewDecimals, whyMoreDecimals } from './decimals';
import { parseMatrixCells } from './parse-matrix';
import { parseVectorCells } from './parse-vector';
import { allClose, isClose, NUMBER_TOLERANCE, withDefaults } from './tolerance';
import type { ArrayMistake, Feedback, PartSpec, RawAnswer, Tolerance } from './types';

type VectorSpec = Extract<PartSpec, { kind: 'vector' }>;
type MatrixSpec = Extract<PartSpec, { kind: 'matrix' }>;

/** Built-in mistake id `sign`: every entry negated. */
export function gradeVector(spec: VectorSpec, raw: RawAnswer): Feedback {
  const parsed = parseVectorCells(raw);
  if (!parsed.ok) return unreadable(spec, parsed.error);
  const value = parsed.value.values;
  const tol = withDefaults(spec.tol, NUMBER_TOLERANCE);
  const n = spec.answer.length;
  const mistake = namedMistake(spec.mistakes, [value], tol);
  if (value.length !== n) {
    if (mistake) return wrong(spec, mistake.message, { mistake: mistake.id });
    return wrong(spec, `Not right: expected ${n} number${n === 1 ? '' : 's'}, got ${value.length}.`);
  }
  const cells = value.map((v, i) => isClose(v, spec.answer[i], tol));
  if (cells.every(Boolean)) return correct(spec, `: ${formatVector(value)}.`);
  const imprecise = impreciseCells([value], [parsed.value.decimals], [spec.answer], tol, spec.mistakes, (_i, j) => `${j + 1}`);
  if (imprecise) return unreadable(spec, imprecise);
  if (mistake) return wrong(spec, mistake.message, { mistake: mistake.id, cells });
  if (
    allClose(
      value.map((v) => -v),
      spec.answer,
      tol,
    )
  )
    return wrong(spec, 'Not right: every entry has the wrong sign.', { mistake: 'sign', cells });
  const some = mistakeInWrongCells(spec.mistakes, [value], [cells], tol);
  if (some) return wrong(spec, `${countMessage(cells)} ${some.message}`, { mistake: some.id, cells });
  return wrong(spec, countMessage(cells), { cells });
}

/** Built-in mistake ids: `transposed` (rows and columns swapped), `sign` (every entry negated). */
export function gradeMatrix(spec: MatrixSpec, raw: RawAnswer): Feedback {
  const parsed = parseMatrixCells(raw);
  if (!parsed.ok) return unreadable(spec, parsed.error);
  const value = parsed.value.values;
  const tol = withDefaults(spec.tol, NUMBER_TOLERANCE);
  const rows = spec.answer.length;
  const cols = spec.answer[0]?.length ?? 0;
  const mistake = namedMistake(spec.mistakes, value, tol);
  const transposed = matrixClose(transpose(value), spec.answer, tol);
  const sameShape = value.length === rows && value[0].length === cols;
  if (!sameShape) {
    if (mistake) return wrong(spec, mistake.message, { mistake: mistake.id });
    if (transposed) return wrong(spec, transposedMessage, { mistake: 'transposed' });
    return wrong(
      spec,
      `Not right: expected a ${rows}×${cols} matrix (${rows} rows, ${cols} columns), got ${value.length}×${value[0].length}.`,
    );
  }
  const cells = value.map((row, i) => row.map((v, j) => isClose(v, spec.answer[i][j], tol)));
  if (cells.every((row) => row.every(Boolean))) return correct(spec, '.');
  const imprecise = impreciseCells(
    value,
    parsed.value.decimals,
    spec.answer,
    tol,
    spec.mistakes,
    (i, j) => `row ${i + 1}, column ${j + 1}`,
  );
  if (imprecise) return unreadable(spec, imprecise);
  if (mistake) return wrong(spec, mistake.message, { mistake: mistake.id, cells });
  if (transposed) return wrong(spec, transposedMessage, { mistake: 'transposed', cells });
  if (
    matrixClose(
      value.map((row) => row.map((v) => -v)),
      spec.answer,
      tol,
    )
  ) {
    return wrong(spec, 'Not right: every entry has the wrong sign.', { mistake: 'sign', cells });
  }
  const some = mistakeInWrongCells(spec.mistakes, value, cells, tol);
  if (some) return wrong(spec, `${countMessage(cells.flat())} ${some.message}`, { mistake: some.id, cells });
  return wrong(spec, countMessage(cells.flat()), { cells });
}

/**
 * "Could not read … precisely enough" when wrong cells are their right value rounded to fewer decimals than the
 * tolerance needs (before named mistakes: such a rounding can equal a mistake's); undefined otherwise.
 */
function impreciseCells(
  value: readonly number[][],
  decimals: readonly (number | undefined)[][],
  answer: readonly number[][],
  tol: Required<Tolerance>,
  mistakes: ArrayMistake[] | undefined,
  name: (i: number, j: number) => string,
): string | undefined {
  const flagged: { where: string; needed: number; decimals: number; likeMistake: boolean }[] = [];
  value.forEach((row, i) =>
    row.forEach((v, j) => {
      const expected = answer[i]?.[j];
      const d = decimals[i]?.[j];
      if (expected === undefined || d === undefined || isClose(v, expected, tol)) return;
      const needed = tooFewDecimals(v, d, expected, tol);
      if (needed === undefined) return;
      const likeMistake = (mistakes ?? []).some((m) => {
        const rows = m.value.length > 0 && Array.isArray(m.value[0]) ? (m.value as number[][]) : [m.value as number[]];
        const other = rows[i]?.[j];
        return other !== undefined && roundsTo(v, other, d);
      });
      flagged.push({ where: name(i, j), needed, decimals: d, likeMistake });
    }),
  );
  if (flagged.length === 0) return undefined;
  const needed = Math.max(...flagged.map((f) => f.needed));
  const fewest = Math.min(...flagged.map((f) => f.decimals));
  const isVector = answer.length === 1;
  const where = isVector
    ? `${flagged.length === 1 ? 'entry' : 'entries'} ${listed(flagged.map((f) => f.where))}`
    : listed(flagged.map((f) => f.where));
  return `Could not read ${where} precisely enough: give at least ${plural(needed, 'decimal')}; ${whyMoreDecimals(
    fewest,
    flagged.some((f) => f.likeMistake),
  )}.`;
}

function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const transposedMessage = 'Not right: this looks transposed (your rows are the expected columns).';

/** The rows of `m` as columns. */
export function transpose(m: readonly (readonly number[])[]): number[][] {
  const cols = m[0]?.length ?? 0;
  return Array.from({ length: cols }, (_, j) => m.map((row) => row[j]));
}

function matrixClose(a: readonly number[][], b: readonly number[][], tol: Required<Tolerance>): boolean {
  return a.length === b.length && a.every((row, i) => allClose(row, b[i], tol));
}

function namedMistake(mistakes: ArrayMistake[] | undefined, value: number[][], tol: Required<Tolerance>): ArrayMistake | undefined {
  return mistakes?.find((m) => {
    const expected = m.value.length > 0 && Array.isArray(m.value[0]) ? (m.value as number[][]) : [m.value as number[]];
    return matrixClose(value, expected, tol);
  });
}

/** A named mistake that explains every wrong cell (e.g. one loss in nats among losses in bits). */
function mistakeInWrongCells(
  mistakes: ArrayMistake[] | undefined,
  value: number[][],
  cells: boolean[][],
  tol: Required<Tolerance>,
): ArrayMistake | undefined {
  return mistakes?.find((m) => {
    const expected = m.value.length > 0 && Array.isArray(m.value[0]) ? (m.value as number[][]) : [m.value as number[]];
    if (expected.length !== value.length) return false;
    let explained = 0;
    for (let i = 0; i < value.length; i++) {
      if (expected[i]?.length !== value[i].length) return false;
      for (let j = 0; j < value[i].length; j++) {
        if (cells[i][j]) continue;
        if (!isClose(value[i][j], expected[i][j], tol)) return false;
        explained++;
      }
    }
    return explained > 0;
  });
}

function countMessage(cells: boolean[]): string {
  const right = cells.filter(Boolean).length;
  if (right === 0) return 'Not right: none of the entries is right.';
  return `Not right: ${right} of ${cells.length} entries are right; the wrong ones are marked.`;
}
