/** Turns a raw answer (pasted text, a list of boxes, or rows of boxes) into rows of cell strings. */
import { splitPasted } from './split-pasted';
import type { RawAnswer } from './types';

/** Rows of cells; text pasted whole into the first box of a grid is split as if pasted into the answer. */
export function rawToGrid(raw: RawAnswer): string[][] {
  const grid: string[][] =
    typeof raw === 'string'
      ? splitPasted(raw)
      : raw.length > 0 && raw.every((r) => Array.isArray(r))
        ? (raw as string[][]).map((row) => row.map(String))
        : [(raw as unknown[]).map((c) => (typeof c === 'string' ? c : ''))];
  const filled = grid.flat().filter((c) => c.trim() !== '');
  if (filled.length === 1 && grid[0]?.[0]?.trim() === filled[0]) {
    const pasted = splitPasted(filled[0]);
    if (pasted.flat().length > 1) return pasted;
  }
  return grid;
}
