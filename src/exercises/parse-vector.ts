/** Reads a vector answer (boxes, or pasted `1, 2, 3` / `[1 2 3]` / a column) into numbers. */
import { clip } from './could-not-read';
import { readNumber } from './parse-number';
import { rawToGrid } from './raw-grid';
import type { Parsed, RawAnswer } from './types';

/** The numbers of a one-row or one-column answer; names the first entry that cannot be read. */
export function parseVector(raw: RawAnswer): Parsed<number[]> {
  const cells = parseVectorCells(raw);
  return cells.ok ? { ok: true, value: cells.value.values } : cells;
}

/** The numbers of a one-row or one-column answer with the decimals each was typed with (undefined for an expression). */
export function parseVectorCells(raw: RawAnswer): Parsed<{ values: number[]; decimals: (number | undefined)[] }> {
  const grid = rawToGrid(raw);
  let cells: string[];
  if (grid.length === 1) cells = grid[0];
  else if (grid.every((row) => row.length === 1)) cells = grid.map((row) => row[0]);
  else return { ok: false, error: `Could not read the answer: expected a list of numbers, not a table of ${grid.length} rows` };
  if (cells.length === 0) return { ok: false, error: 'Could not read the answer: it is empty' };
  const values: number[] = [];
  const decimals: (number | undefined)[] = [];
  for (let i = 0; i < cells.length; i++) {
    const r = readNumber(cells[i]);
    if (!r.ok) return { ok: false, error: cellError(`entry ${i + 1}`, cells[i], r.reason) };
    values.push(r.value);
    decimals.push(r.decimals);
  }
  return { ok: true, value: { values, decimals } };
}

/** `Could not read <where> ("<text>"): <reason>`, or `Could not read <where>: it is empty`. */
export function cellError(where: string, text: string, reason: string): string {
  if (text.trim() === '') return `Could not read ${where}: it is empty`;
  return `Could not read ${where} ("${clip(text)}"): ${reason}`;
}
