/** The functions and constants an expression may use, in Maps so `constructor` or `__proto__` are never found. */

export interface BuiltinFunction {
  /** Number of arguments; `min` and `max` take one or more (`variadic`). */
  arity: number | 'variadic';
  apply: (args: number[]) => number;
}

const unary = (f: (x: number) => number): BuiltinFunction => ({ arity: 1, apply: (a) => f(a[0]) });

/** Built-in functions by canonical (lower-case) name; `log` is the natural logarithm. */
export const FUNCTIONS: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([
  ['log', unary(Math.log)],
  ['ln', unary(Math.log)],
  ['log2', unary(Math.log2)],
  ['log10', unary(Math.log10)],
  ['exp', unary(Math.exp)],
  ['sqrt', unary(Math.sqrt)],
  ['abs', unary(Math.abs)],
  ['sin', unary(Math.sin)],
  ['cos', unary(Math.cos)],
  ['tan', unary(Math.tan)],
  ['min', { arity: 'variadic', apply: (a) => Math.min(...a) }],
  ['max', { arity: 'variadic', apply: (a) => Math.max(...a) }],
]);

/** Other spellings of built-in functions (`log_2(x)`, `Log(x)` is handled by lower-casing). */
export const FUNCTION_ALIASES: ReadonlyMap<string, string> = new Map([
  ['log_2', 'log2'],
  ['log_10', 'log10'],
  ['log_e', 'log'],
]);

/** Named constants; a caller's variable of the same name takes precedence. */
export const CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['pi', Math.PI],
  ['Pi', Math.PI],
  ['PI', Math.PI],
  ['π', Math.PI],
  ['e', Math.E],
]);

/** The canonical name of a function spelled `name`, or undefined when there is no such function. */
export function lookupFunction(name: string): string | undefined {
  const lower = name.toLowerCase();
  const canonical = FUNCTION_ALIASES.get(lower) ?? lower;
  return FUNCTIONS.has(canonical) ? canonical : undefined;
}
