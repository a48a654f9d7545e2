/** Reads one number typed as an expression without variables: `3.3219`, `log2(10)`, `-log(0.1)/log(2)`, `44.2%`. */
import { couldNotRead } from './could-not-read';
import { evaluate } from './expr/evaluate';
import { parseExpression } from './expr/parse-expr';
import type { Parsed } from './types';

/** A finite value, or the reason it could not be read (without the "Could not read" prefix). */
export type NumberResult = { ok: true; value: number } | { ok: false; reason: string };

/** The finite value of `text`; a trailing `%` divides by 100. Used by the vector and matrix parsers per cell. */
export function readNumber(text: string): NumberResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'it is empty' };
  const percent = trimmed.endsWith('%');
  const parsed = parseExpression(percent ? trimmed.slice(0, -1) : trimmed);
  if (!parsed.ok) return parsed;
  const value = evaluate(parsed.expr) / (percent ? 100 : 1);
  if (!Number.isFinite(value)) {
    return { ok: false, reason: 'its value is not a finite number (division by zero, log of 0, or overflow?)' };
  }
  return { ok: true, value };
}

/** The finite value of `raw`, or a message beginning `Could not read`. */
export function parseNumber(raw: string): Parsed<number> {
  if (typeof raw !== 'string') return { ok: false, error: 'Could not read the answer: expected one number' };
  if (raw.trim() === '') return { ok: false, error: 'Could not read the answer: it is empty' };
  const r = readNumber(raw);
  return r.ok ? r : { ok: false, error: couldNotRead(raw, r.reason) };
}
