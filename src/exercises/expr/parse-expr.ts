/** Recursive-descent parser from text to an `Expr`; safe (no eval), bounded in length and nesting depth. */
import type { BinaryOp, Expr } from './ast';
import { CONSTANTS, FUNCTIONS, lookupFunction } from './builtins';
import { tokenize, type Token } from './tokenize';

/** The longest text the parser reads, in characters. */
export const MAX_EXPRESSION_LENGTH = 500;
/** The deepest nesting (parentheses, unary signs, powers) the parser follows. */
export const MAX_EXPRESSION_DEPTH = 64;

export interface ExprOptions {
  /** Variable names the expression may use (case-sensitive). */
  variables?: readonly string[];
  /** Other spellings of variables, e.g. `{ 'ŷ': 'p' }`; the target must be in `variables`. */
  aliases?: Readonly<Record<string, string>>;
  /** When given, only these built-in functions are allowed. */
  functions?: readonly string[];
}

/** An expression tree, or the human reason it could not be read (without the "Could not read" prefix). */
export type ExprResult = { ok: true; expr: Expr } | { ok: false; reason: string };

class ParseFailure {
  constructor(readonly reason: string) {}
}

const MATCHING: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

/** Parses `text` into an expression tree; implicit multiplication (`2x`, `2(y)`) is rejected with a hint. Never throws. */
export function parseExpression(text: string, options: ExprOptions = {}): ExprResult {
  if (text.length > MAX_EXPRESSION_LENGTH) {
    return { ok: false, reason: `the answer is too long (more than ${MAX_EXPRESSION_LENGTH} characters)` };
  }
  const normalised = text.normalize('NFC');
  const tokenized = tokenize(normalised);
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

class Parser {
  private i = 0;
  private depth = 0;
  private readonly open: Token[] = [];
  private readonly variables: Set<string>;
  private readonly aliases: Map<string, string>;
  private readonly allowedFunctions: Set<string> | undefined;

  constructor(private readonly tokens: Token[], options: ExprOptions) {
    this.variables = new Set(options.variables ?? []);
    this.aliases = new Map(Object.entries(options.aliases ?? {}).filter(([, to]) => this.variables.has(to)));
    this.allowedFunctions = options.functions ? new Set(options.functions.map((f) => lookupFunction(f) ?? f)) : undefined;
  }

  parseAll(): Expr {
    const expr = this.parseSum();
    const extra = this.peek();
    if (extra) {
      if (extra.kind === 'close') throw new ParseFailure(`unbalanced parenthesis: "${extra.text}" at position ${extra.pos} has no matching opening bracket`);
      if (extra.kind === 'comma') throw new ParseFailure(`unexpected "," at position ${extra.pos} (use "." as the decimal point)`);
      throw new ParseFailure(`unexpected "${extra.text}" at position ${extra.pos}`);
    }
    return expr;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private enter(): void {
    if (++this.depth > MAX_EXPRESSION_DEPTH) throw new ParseFailure(`the expression is too deeply nested (more than ${MAX_EXPRESSION_DEPTH} levels)`);
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
    for (;;) {
      const t = this.peek();
      if (t?.kind === 'op' && (t.text === '*' || t.text === '/')) {
        this.i++;
        left = { type: 'bin', op: t.text as BinaryOp, left, right: this.parseUnary() };
      } else if (t && (t.kind === 'num' || t.kind === 'name' || t.kind === 'open')) {
        if (t.kind === 'name' && !this.isKnownName(t.text)) throw new ParseFailure(`unknown symbol "${t.text}"${this.knownVariablesHint()}`);
        throw new ParseFailure(`missing operator before "${t.text}" at position ${t.pos} (write * to multiply)`);
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
      case 'num': return { type: 'num', value: t.value };
      case 'name': return this.parseName(t);
      case 'open': return this.parseGroup(t);
      case 'close': throw new ParseFailure(`unexpected "${t.text}" at position ${t.pos}`);
      case 'comma': throw new ParseFailure(`unexpected "," at position ${t.pos}`);
      case 'op': throw new ParseFailure(`unexpected "${t.text}" at position ${t.pos}`);
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
      throw new ParseFailure(`unbalanced parenthesis: "${t.text}" at position ${t.pos} does not match "${open.text}" at position ${open.pos}`);
    }
    this.i++;
  }

  private parseName(t: Token & { kind: 'name' }): Expr {
    const next = this.peek();
    const variable = this.variables.has(t.text) ? t.text : this.aliases.get(t.text);
    if (next?.kind === 'open') {
      if (variable !== undefined || CONSTANTS.has(t.text)) {
        throw new ParseFailure(`missing operator before "${next.text}" at position ${next.pos} (write * to multiply)`);
      }
      return this.parseCall(t, next);
    }
    if (variable !== undefined) return { type: 'var', name: variable };
    const constant = CONSTANTS.get(t.text);
    if (constant !== undefined) return { type: 'num', value: constant };
    const fn = lookupFunction(t.text);
    if (fn !== undefined) throw new ParseFailure(`"${t.text}" needs parentheses, as in ${fn}(x)`);
    throw new ParseFailure(`unknown symbol "${t.text}"${this.knownVariablesHint()}`);
  }

  private isKnownName(name: string): boolean {
    return this.variables.has(name) || this.aliases.has(name) || CONSTANTS.has(name) || lookupFunction(name) !== undefined;
  }

  private knownVariablesHint(): string {
    if (this.variables.size === 0) return '';
    return ` (you can use ${[...this.variables].join(', ')})`;
  }

  private parseCall(nameToken: Token & { kind: 'name' }, open: Token): Expr {
    const fn = lookupFunction(nameToken.text);
    if (fn === undefined) throw new ParseFailure(`unknown function "${nameToken.text}"`);
    if (this.allowedFunctions && !this.allowedFunctions.has(fn)) {
      throw new ParseFailure(`the function "${nameToken.text}" is not allowed here`);
    }
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
