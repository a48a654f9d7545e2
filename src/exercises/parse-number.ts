/**
 * Reads one number typed as an expression without variables: `3.3219`, `log2(10)`, `\log_2(10)`, `-log(0.1)/log(2)`,
 * `\frac{5.3808}{3}`, `2×10^-3`, `44.2%`, `L = 3.32`, and `3.3219 bits` where the part names its units.
 */
import { couldNotRead } from './could-not-read';
import { typedDecimals } from './decimals';
import type { Expr } from './expr/ast';
import { CONSTANTS, lookupFunction } from './expr/builtins';
import { evaluate } from './expr/evaluate';
import { parsePrepared, prepareExpression } from './expr/parse-expr';
import type { Parsed } from './types';

/** Options of reading a number: the unit words allowed after it (`['bits', 'bit']`). */
export interface NumberOptions {
  units?: readonly string[];
}

/** A number as read: its value (a `%` divides by 100), whether `%` was typed, its decimals if a plain literal, its tree. */
export interface NumberReading {
  value: number;
  percent: boolean;
  /** Decimals of the value as typed (`85.3 %` → 3), or undefined for an expression (exact). */
  decimals?: number;
  /** The unit word typed after the number, as typed. */
  unit?: string;
  expr: Expr;
}

/** A finite value, or the reason it could not be read (without the "Could not read" prefix). */
export type NumberResult = ({ ok: true } & NumberReading) | { ok: false; reason: string };

const PERCENT_WORDS = new Set(['percent', 'pct', 'pp']);
const isLetter = (c: string): boolean => /^\p{L}$/u.test(c);

/** The finite value of `text`; a trailing `%` divides by 100. Used by the vector and matrix parsers per cell. */
export function readNumber(text: string, options: NumberOptions = {}): NumberResult {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, reason: 'it is empty' };
  const prepared = prepareExpression(text);
  if (!prepared.ok) return prepared;
  const src = prepared.text;
  let end = trimEnd(src, src.length);
  let percent = false;
  const word = trailingWord(src, end);
  if (word !== undefined && PERCENT_WORDS.has(word.text.toLowerCase())) {
    percent = true;
    end = trimEnd(src, word.start);
  } else if (src[end - 1] === '%') {
    percent = true;
    end = trimEnd(src, end - 1);
  }
  const allowed = options.units ?? [];
  const unit = percent ? undefined : trailingUnit(src, end, allowed);
  if (unit !== undefined) {
    end = trimEnd(src, unit.start);
  } else if (word !== undefined && !percent) {
    return {
      ok: false,
      reason:
        allowed.length > 0
          ? `"${word.text}" is not a unit here (write the number alone, or with ${allowed.join(' or ')})`
          : `write the number alone, without "${word.text}"`,
    };
  }
  const grouped = thousandsGroups(prepared.text.slice(0, end));
  if (grouped === 'ambiguous') {
    return {
      ok: false,
      reason:
        'a comma inside a number is ambiguous: use "." as the decimal point (1.946), or write a whole number without the comma (1946)',
    };
  }
  const body = grouped ?? prepared.text.slice(0, end);
  const origin = grouped === undefined ? prepared.origin : prepared.origin.filter((_, k) => k < end && prepared.text[k] !== ',');
  const parsed = parsePrepared({ text: body, origin });
  if (!parsed.ok) return parsed;
  const value = evaluate(parsed.expr) / (percent ? 100 : 1);
  if (!Number.isFinite(value)) {
    return { ok: false, reason: 'its value is not a finite number (division by zero, log of 0, or overflow?)' };
  }
  const literal = typedDecimals(body);
  const decimals = literal === undefined ? undefined : literal + (percent ? 2 : 0);
  return { ok: true, value, percent, decimals, unit: unit?.text, expr: parsed.expr };
}

/**
 * A number written with thousands separators, as the book's tables print counts (`11,181,642`): the digits
 * without commas. One comma before three digits (`1,946`) is `ambiguous` (a decimal comma?); anything else: undefined.
 */
export function thousandsGroups(text: string): string | 'ambiguous' | undefined {
  const t = text.trim();
  let i = t[0] === '-' || t[0] === '+' ? 1 : 0;
  const lead = i;
  while (i < t.length && t[i] >= '0' && t[i] <= '9') i++;
  if (i === lead || i - lead > 3) return undefined;
  let groups = 0;
  while (t[i] === ',') {
    let j = i + 1;
    while (j < t.length && t[j] >= '0' && t[j] <= '9') j++;
    if (j - i - 1 !== 3) return undefined;
    groups++;
    i = j;
  }
  if (groups === 0) return undefined;
  if (t[i] === '.') {
    let j = i + 1;
    while (j < t.length && t[j] >= '0' && t[j] <= '9') j++;
    if (j === i + 1) return undefined;
    i = j;
  }
  if (i !== t.length) return undefined;
  return groups === 1 ? 'ambiguous' : t.split(',').join('');
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && text[e - 1] === ' ') e--;
  return e;
}

/** True when a number or a closing bracket ends the text before `start` (so a word at `start` follows a value). */
function followsValue(text: string, start: number): boolean {
  const before = text[trimEnd(text, start) - 1];
  return before !== undefined && /[0-9.)\]}%]/.test(before);
}

/** The word of letters ending at `end` after a value (`3.32 bits`, `log2(10)bits`); not a constant or function name. */
function trailingWord(text: string, end: number): { text: string; start: number } | undefined {
  let start = end;
  while (start > 0 && isLetter(text[start - 1])) start--;
  if (start === end) return undefined;
  const word = text.slice(start, end);
  if (CONSTANTS.has(word) || lookupFunction(word) !== undefined || !followsValue(text, start)) return undefined;
  return { text: word, start };
}

/** The unit of `units` (one word or several, any case) ending at `end` after a value; the longest that fits. */
function trailingUnit(text: string, end: number, units: readonly string[]): { text: string; start: number } | undefined {
  const lower = text.toLowerCase();
  for (const unit of [...units].sort((a, b) => b.length - a.length)) {
    const u = unit.trim().toLowerCase();
    const start = end - u.length;
    if (u === '' || start <= 0 || lower.slice(start, end) !== u || isLetter(text[start - 1])) continue;
    if (followsValue(text, start)) return { text: text.slice(start, end), start };
  }
  return undefined;
}

/** The finite value of `raw`, or a message beginning `Could not read`. */
export function parseNumber(raw: string): Parsed<number> {
  const r = readNumberAnswer(raw);
  return r.ok ? { ok: true, value: r.value.value } : r;
}

/** The reading of a one-number answer (value, `%`, decimals, unit), or a message beginning `Could not read`. */
export function readNumberAnswer(raw: string, options: NumberOptions = {}): Parsed<NumberReading> {
  if (typeof raw !== 'string') return { ok: false, error: 'Could not read the answer: expected one number' };
  if (raw.trim() === '') return { ok: false, error: 'Could not read the answer: it is empty' };
  const r = readNumber(raw, options);
  if (!r.ok) return { ok: false, error: couldNotRead(raw, r.reason) };
  return { ok: true, value: { value: r.value, percent: r.percent, decimals: r.decimals, unit: r.unit, expr: r.expr } };
}
