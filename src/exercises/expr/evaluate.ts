/** Evaluates an expression tree at given variable values; non-finite results are returned, not thrown. */
import type { Expr } from './ast';
import { FUNCTIONS } from './builtins';

/** The value of `expr` with `values` for its variables; a missing variable or function gives NaN. */
export function evaluate(expr: Expr, values: ReadonlyMap<string, number> = new Map()): number {
  switch (expr.type) {
    case 'num':
      return expr.value;
    case 'var':
      return values.get(expr.name) ?? Number.NaN;
    case 'neg':
      return -evaluate(expr.arg, values);
    case 'bin': {
      const a = evaluate(expr.left, values);
      const b = evaluate(expr.right, values);
      switch (expr.op) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case '/':
          return a / b;
        case '^':
          return a ** b;
      }
      return Number.NaN;
    }
    case 'call': {
      const fn = FUNCTIONS.get(expr.fn);
      if (!fn) return Number.NaN;
      return fn.apply(expr.args.map((a) => evaluate(a, values)));
    }
  }
}
