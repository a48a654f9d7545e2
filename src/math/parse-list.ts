/** Reads a typed list of numbers ("1, 2, 3" or "[1 2 3]") for the widgets, with a readable error. */
import { parseNumber } from '../exercises/parse-number';

/** The numbers, or why they cannot be read. */
export type ListResult = { ok: true; values: number[] } | { ok: false; error: string };

/** Parses `text` into between `min` and `max` finite numbers (expressions such as log2(10) allowed). */
export function parseNumberList(text: string, min = 1, max = 8): ListResult {
  const body = text.trim().replace(/^[[(]|[\])]$/g, '');
  const pieces = body
    .split(/[,;]/.test(body) ? /[,;]/ : /\s+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (pieces.length === 0) return { ok: false, error: 'Type some numbers, separated by commas.' };
  if (pieces.length < min || pieces.length > max)
    return { ok: false, error: `Type between ${min} and ${max} numbers (got ${pieces.length}).` };
  const values: number[] = [];
  for (const p of pieces) {
    const r = parseNumber(p);
    if (!r.ok) return { ok: false, error: `Cannot read "${p}" as a number.` };
    if (!Number.isFinite(r.value)) return { ok: false, error: `"${p}" is not a finite number.` };
    values.push(r.value);
  }
  return { ok: true, values };
}
