/** Reads a matrix answer (rows of boxes, row texts, or pasted `[[1,2],[3,4]]` / tab-separated) into rows of numbers. */
import { readNumber } from './parse-number';
import { cellError } from './parse-vector';
import { rawToGrid } from './raw-grid';
import { splitPasted } from './split-pasted';
import type { Parsed, RawAnswer } from './types';

/** Rows of numbers, all the same length; names the first cell that cannot be read. */
export function parseMatrix(raw: RawAnswer): Parsed<number[][]> {
  const cells = parseMatrixCells(raw);
  return cells.ok ? { ok: true, value: cells.value.values } : cells;
}

/** Rows of numbers with the decimals each cell was typed with (undefined for an expression). */
export function parseMatrixCells(raw: RawAnswer): Parsed<{ values: number[][]; decimals: (number | undefined)[][] }> {
  const grid =
    Array.isArray(raw) && raw.every((r) => typeof r === 'string') && raw.length > 1
      ? (raw as string[]).map((row) => splitPasted(row).flat())
      : rawToGrid(raw);
  const rows = grid;
  if (rows.flat().every((c) => c.trim() === '')) return { ok: false, error: 'Could not read the answer: it is empty' };
  const width = rows[0].length;
  const ragged = rows.findIndex((row) => row.length !== width);
  if (ragged >= 0) {
    return {
      ok: false,
      error: `Could not read the answer: row ${ragged + 1} has ${rows[ragged].length} entries but row 1 has ${width}`,
    };
  }
  const values: number[][] = [];
  const decimals: (number | undefined)[][] = [];
  for (let i = 0; i < rows.length; i++) {
    const row: number[] = [];
    const places: (number | undefined)[] = [];
    for (let j = 0; j < width; j++) {
      const r = readNumber(rows[i][j]);
      if (!r.ok) return { ok: false, error: cellError(`row ${i + 1}, column ${j + 1}`, rows[i][j], r.reason) };
      row.push(r.value);
      places.push(r.decimals);
    }
    values.push(row);
    decimals.push(places);
  }
  return { ok: true, value: { values, decimals } };
}
