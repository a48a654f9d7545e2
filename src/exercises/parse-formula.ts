/**
 * Reads a formula answer in the allowed variables into a compiled expression tree: plain text, LaTeX or the book's
 * Unicode notation (`ŷ_k(δ_kj − ŷ_j)`), with or without a left-hand side (`L =`, `∂ŷ_k/∂z_j =`).
 */
import { couldNotRead } from './could-not-read';
import type { Expr } from './expr/ast';
import { nameOf } from './expr/names';
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
  const text = raw.trim();
  if (text === '') return { ok: false, error: 'Could not read the answer: it is empty' };
  const parsed = parseExpression(text, options);
  if (!parsed.ok) return { ok: false, error: couldNotRead(text, parsed.reason) };
  return { ok: true, value: { expr: parsed.expr, text } };
}

/**
 * Aliases from how the book shows the variables (`display`, TeX): the shown name (`\\delta_{kj}` → `δ_kj`, `\\hat y` → `ŷ`)
 * and the variable's name with the shown subscript (`d` shown as `δ_kj` gives `d_kj`).
 */
export function displayAliases(display: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const [variable, tex] of Object.entries(display ?? {})) {
    const shown = nameOf(tex);
    if (shown === undefined) continue;
    aliases[shown] = variable;
    const cut = shown.indexOf('_');
    if (cut > 0 && !variable.includes('_')) aliases[`${variable}${shown.slice(cut)}`] = variable;
  }
  return aliases;
}
