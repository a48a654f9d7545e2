/** The syntax tree of a parsed expression: plain data, evaluated by `evaluate`. */

export type BinaryOp = '+' | '-' | '*' | '/' | '^';

export type Expr =
  | { type: 'num'; value: number; name?: string }
  | { type: 'var'; name: string }
  | { type: 'neg'; arg: Expr }
  | { type: 'bin'; op: BinaryOp; left: Expr; right: Expr }
  | { type: 'call'; fn: string; args: Expr[] };

/** The variable names an expression uses (functions and constants excluded). */
export function freeVariables(expr: Expr, into: Set<string> = new Set()): Set<string> {
  switch (expr.type) {
    case 'var':
      into.add(expr.name);
      break;
    case 'neg':
      freeVariables(expr.arg, into);
      break;
    case 'bin':
      freeVariables(expr.left, into);
      freeVariables(expr.right, into);
      break;
    case 'call':
      for (const a of expr.args) freeVariables(a, into);
      break;
    case 'num':
      break;
  }
  return into;
}
