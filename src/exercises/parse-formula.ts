/** Reads a formula answer in the allowed variables into a compiled expression tree. */
import { couldNotRead } from './could-not-read';
import type { Expr } from './expr/ast';
import { parseExpression } from './expr/parse-expr';
import type { Parsed } from './types';

export interface FormulaOptions {
  /** Variable names the formula may use. */
  variables: readonly string[];
  /** Other spellings of variables, e.g. `{ 'ŷ': 'p' }`. */
  aliases?: Readonly<Record<string, string>>;
  /** When given, only these functions are allowed. */
  functions?: readonly string[];
}

/** A compiled formula: its tree and the source text it came from. */
export interface Formula {
  expr: Expr;
  text: string;
}

/** The formula's tree; an unknown variable or function cannot be read and is named in the message. */
export function parseFormula(raw: string, options: FormulaOptions): Parsed<Formula> {
  if (typeof raw !== 'string') return { ok: false, error: 'Could not read the answer: expected a formula' };
  const text = raw.trim().replace(/^[\p{L}_]+\s*\([^()=]*\)\s*=(?!=)|^[\p{L}_]+\s*=(?!=)/u, '').trim();
  if (text === '') return { ok: false, error: 'Could not read the answer: it is empty' };
  const parsed = parseExpression(text, options);
  if (!parsed.ok) return { ok: false, error: couldNotRead(text, parsed.reason) };
  return { ok: true, value: { expr: parsed.expr, text } };
}
