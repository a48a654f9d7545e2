/**
 * Recursive-descent parser from text to an `Expr`; safe (no eval), bounded in length and nesting depth. LaTeX and
 * typographic Unicode are read first (normalise.ts), a left-hand side before one `=` is dropped (left-side.ts).
 *
 * Implicit multiplication where it is unambiguous: `2x`, `2(y)`, `(a)(b)`, `y_k(d - y_j)` (a variable before `(` is
 * a factor, a function before `(` is a call), `y log(p)`, `(1-y) log(1-p)`. A function applies without parentheses to
 * one number or name: `log p`, `\log \hat y`, `log_2 10`; what follows must be an operator, so `log p q`, `log 2x` and
 * `log p^2` cannot be read (the message shows both readings). A number after a factor (`x 2`, `2 3`) and an implicit
 * product after `/` (`1/2x`, `y/p(1-p)`) are ambiguous too, and cannot be read.
 */
import type { BinaryOp, Expr } from './ast';
import { CONSTANTS, FUNCTIONS, lookupFunction } from './builtins';
import { afterLeftSide } from './left-side';
import { Names } from './names';
import { normaliseMath } from './normalise';
import { tokenize, type Token } from './tokenize';

/** The longest text the parser reads, in characters (LaTeX is wordy). */
export const MAX_EXPRESSION_LENGTH = 1000;
/** The deepest nesting (parentheses, unary signs, powers) the parser follows. */
export const MAX_EXPRESSION_DEPTH = 64;

export interface ExprOptions {
  /** Variable names the expression may use (case-sensitive). */
  variables?: readonly string[];
  /** Other spellings of variables, e.g. `{ 'ŷ': 'p', '\\delta_{kj}': 'd' }`; the target must be in `variables`. */
  aliases?: Readonly<Record<string, string>>;
  /** When given, only these built-in functions are allowed. */
  functions?: readonly string[];
}

/** An expression tree, or the human reason it could not be read (without the "Could not read" prefix). */
export type ExprResult = { ok: true; expr: Expr } | { ok: false; reason: string };

/** Answer text read as plain expression text (positions kept), or why it cannot be. */
export type Prepared = { ok: true; text: string; origin: number[] } | { ok: false; reason: string };

class ParseFailure {
  constructor(readonly reason: string) {}
}

const MATCHING: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

/** `text` bounded in length, NFC, without a left-hand side, LaTeX and Unicode read as plain expression text. */
export function prepareExpression(text: string): Prepared {
  if (typeof text !== 'string') return { ok: false, reason: 'it is not text' };
  if (text.length > MAX_EXPRESSION_LENGTH)
    return { ok: false, reason: `the answer is too long (more than ${MAX_EXPRESSION_LENGTH} characters)` };
  const nfc = text.normalize('NFC');
  const side = afterLeftSide(nfc);
  if (!side.ok) return side;
  return normaliseMath(nfc.slice(side.start), side.start);
}

/** Parses `text` into an expression tree. Never throws. */
export function parseExpression(text: string, options: ExprOptions = {}): ExprResult {
  const prepared = prepareExpression(text);
  return prepared.ok ? parsePrepared(prepared, options) : prepared;
}

/** Parses text already prepared by `prepareExpression` (perhaps trimmed of a unit). Never throws. */
export function parsePrepared(prepared: { text: string; origin: readonly number[] }, options: ExprOptions = {}): ExprResult {
  const tokenized = tokenize(prepared.text, prepared.origin);
  if (!tokenized.ok) return tokenized;
  if (tokenized.tokens.length === 0) return { ok: false, reason: 'it is empty' };
  try {
    return { ok: true, expr: new Parser(tokenized.tokens, options).parseAll() };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, reason: e.reason };
    if (e instanceof RangeError) return { ok: false, reason: 'the expression is too deeply nested' };
    throw e;
  }
}

const startsFactor = (t: Token | undefined): boolean => t !== undefined && (t.kind === 'num' || t.kind === 'name' || t.kind === 'open');

class Parser {
  private i = 0;
  private depth = 0;
  private readonly open: Token[] = [];
  private readonly names: Names;
  private readonly allowedFunctions: Set<string> | undefined;

  constructor(
    private readonly tokens: Token[],
    options: ExprOptions,
  ) {
    this.names = new Names(options.variables ?? [], options.aliases);
    this.allowedFunctions = options.functions ? new Set(options.functions.map((f) => lookupFunction(f) ?? f)) : undefined;
  }

  parseAll(): Expr {
    const expr = this.parseSum();
    const extra = this.peek();
    if (extra) {
      if (extra.kind === 'close')
        throw new ParseFailure(`unbalanced parenthesis: "${extra.text}" at position ${extra.pos} has no matching opening bracket`);
      if (extra.kind === 'comma') throw new ParseFailure(`unexpected "," at position ${extra.pos} (use "." as the decimal point)`);
      throw new ParseFailure(`unexpected "${extra.text}" at position ${extra.pos}`);
    }
    return expr;
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.i + offset];
  }

  private enter(): void {
    if (++this.depth > MAX_EXPRESSION_DEPTH)
      throw new ParseFailure(`the expression is too deeply nested (more than ${MAX_EXPRESSION_DEPTH} levels)`);
  }

  private parseSum(): Expr {
    let left = this.parseProduct();
    for (let t = this.peek(); t?.kind === 'op' && (t.text === '+' || t.text === '-'); t = this.peek()) {
      this.i++;
      left = { type: 'bin', op: t.text, left, right: this.parseProduct() };
    }
    return left;
  }

  private parseProduct(): Expr {
    let left = this.parseUnary();
    let divided = false;
    for (;;) {
      const t = this.peek();
      if (t?.kind === 'op' && (t.text === '*' || t.text === '/')) {
        this.i++;
        divided ||= t.text === '/';
        left = { type: 'bin', op: t.text as BinaryOp, left, right: this.parseUnary() };
      } else if (startsFactor(t) && t) {
        if (t.kind === 'num') throw new ParseFailure(`missing operator before "${t.text}" at position ${t.pos} (write * to multiply)`);
        if (divided) throw new ParseFailure(`"/" followed by a product is ambiguous at position ${t.pos}: write a/(b*c) or (a/b)*c`);
        this.enter();
        left = { type: 'bin', op: '*', left, right: this.parsePower() };
        this.depth--;
      } else {
        return left;
      }
    }
  }

  private parseUnary(): Expr {
    this.enter();
    const t = this.peek();
    let result: Expr;
    if (t?.kind === 'op' && (t.text === '-' || t.text === '+')) {
      this.i++;
      const arg = this.parseUnary();
      result = t.text === '-' ? { type: 'neg', arg } : arg;
    } else {
      result = this.parsePower();
    }
    this.depth--;
    return result;
  }

  private parsePower(): Expr {
    const base = this.parsePrimary();
    const t = this.peek();
    if (t?.kind === 'op' && t.text === '^') {
      this.i++;
      return { type: 'bin', op: '^', left: base, right: this.parseUnary() };
    }
    return base;
  }

  private parsePrimary(): Expr {
    const t = this.peek();
    if (!t) {
      const unclosed = this.open[this.open.length - 1];
      if (unclosed) throw new ParseFailure(`unbalanced parenthesis: "${unclosed.text}" at position ${unclosed.pos} is never closed`);
      throw new ParseFailure(this.i === 0 ? 'it is empty' : 'it ends too early (something is missing at the end)');
    }
    this.i++;
    switch (t.kind) {
      case 'num':
        return { type: 'num', value: t.value };
      case 'name':
        return this.parseName(t);
      case 'open':
        return this.parseGroup(t);
      case 'close':
        throw new ParseFailure(`unexpected "${t.text}" at position ${t.pos}`);
      case 'comma':
        throw new ParseFailure(`unexpected "," at position ${t.pos}`);
      case 'op':
        throw new ParseFailure(`unexpected "${t.text}" at position ${t.pos}`);
    }
  }

  private parseGroup(open: Token): Expr {
    this.enter();
    this.open.push(open);
    const inner = this.parseSum();
    this.expectClose(open);
    this.open.pop();
    this.depth--;
    return inner;
  }

  private expectClose(open: Token): void {
    const t = this.peek();
    if (!t) throw new ParseFailure(`unbalanced parenthesis: "${open.text}" at position ${open.pos} is never closed`);
    if (t.kind !== 'close') {
      if (t.kind === 'comma') throw new ParseFailure(`unexpected "," at position ${t.pos}`);
      throw new ParseFailure(`unexpected "${t.text}" at position ${t.pos}`);
    }
    if (MATCHING[open.text] !== t.text) {
      throw new ParseFailure(
        `unbalanced parenthesis: "${t.text}" at position ${t.pos} does not match "${open.text}" at position ${open.pos}`,
      );
    }
    this.i++;
  }

  private parseName(t: Token & { kind: 'name' }): Expr {
    const variable = this.names.variable(t.text);
    if (variable !== undefined) return { type: 'var', name: variable };
    const constant = CONSTANTS.get(t.text);
    if (constant !== undefined) return { type: 'num', value: constant, name: t.text };
    const fn = lookupFunction(t.text);
    const next = this.peek();
    if (fn !== undefined) {
      this.checkAllowed(fn, t.text);
      if (next?.kind === 'open') return this.parseCall(fn, next);
      if (next?.kind === 'num' || next?.kind === 'name') return this.parseBareCall(fn, t);
      throw new ParseFailure(`"${t.text}" needs an argument, as in ${fn}(x)`);
    }
    const glued = this.names.glued(t.text);
    if (glued) throw new ParseFailure(`"${t.text}" is not a name here: write ${glued.join('*')} to multiply`);
    if (next?.kind === 'open') throw new ParseFailure(`unknown function "${t.text}"${this.knownVariablesHint()}`);
    throw new ParseFailure(`unknown symbol "${t.text}"${this.knownVariablesHint()}`);
  }

  private knownVariablesHint(): string {
    if (this.names.variables.length === 0) return '';
    return ` (you can use ${this.names.variables.join(', ')})`;
  }

  private checkAllowed(fn: string, typed: string): void {
    if (this.allowedFunctions && !this.allowedFunctions.has(fn)) throw new ParseFailure(`the function "${typed}" is not allowed here`);
  }

  /** `log p`, `log_2 10`: the function of the one number or name that follows; anything glued after it is ambiguous. */
  private parseBareCall(fn: string, nameToken: Token & { kind: 'name' }): Expr {
    const argToken = this.peek() as Token & { kind: 'num' | 'name' };
    if (argToken.kind === 'name' && lookupFunction(argToken.text) !== undefined && this.names.variable(argToken.text) === undefined) {
      throw new ParseFailure(`"${nameToken.text} ${argToken.text}" needs parentheses, as in ${fn}(${argToken.text}(x))`);
    }
    this.enter();
    const arg = this.parsePrimary();
    this.depth--;
    const next = this.peek();
    const shown = `${nameToken.text} ${argToken.text}`;
    if (next?.kind === 'op' && next.text === '^') {
      throw new ParseFailure(`"${shown}^…" is ambiguous: write ${fn}(${argToken.text}^…) or (${fn} ${argToken.text})^…`);
    }
    if (startsFactor(next) && next) {
      throw new ParseFailure(
        `"${shown} ${next.text}" is ambiguous: write ${fn}(${argToken.text}*${next.text}) or ${fn}(${argToken.text})*${next.text}`,
      );
    }
    return { type: 'call', fn, args: [arg] };
  }

  private parseCall(fn: string, open: Token): Expr {
    this.i++;
    if (this.peek()?.kind === 'close') throw new ParseFailure(`${fn} needs an argument, as in ${fn}(x)`);
    this.enter();
    this.open.push(open);
    const args: Expr[] = [this.parseSum()];
    while (this.peek()?.kind === 'comma') {
      this.i++;
      args.push(this.parseSum());
    }
    this.expectClose(open);
    this.open.pop();
    this.depth--;
    const arity = FUNCTIONS.get(fn)?.arity;
    if (typeof arity === 'number' && args.length !== arity) {
      throw new ParseFailure(`${fn} takes ${arity} argument${arity === 1 ? '' : 's'}, got ${args.length}`);
    }
    return { type: 'call', fn, args };
  }
}
