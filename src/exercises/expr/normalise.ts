/**
 * Rewrites LaTeX and typographic Unicode into the plain expression text the tokenizer reads (`\frac{a}{b}` → `((a)/(b))`,
 * `\hat{y}_{k}` → `ŷ_k`, `Dₐ` → `D_a`, `−` → `-`), keeping where each output character came from. A single pass
 * scanner: no regular expressions, nesting bounded, linear in the length of the text.
 */
import {
  COMBINING_HAT,
  FRACTION_COMMANDS,
  FUNCTION_COMMANDS,
  GREEK,
  HAT_COMMANDS,
  IGNORED_COMMANDS,
  isMathAlphanumeric,
  SPACE_COMMANDS,
  STYLE_COMMANDS,
  SUBSCRIPTS,
  SYMBOL_COMMANDS,
  UNICODE_SYMBOLS,
  VULGAR_FRACTIONS,
} from './latex-tables';

/** The deepest nesting of braces and command arguments the scanner follows. */
export const MAX_LATEX_DEPTH = 64;

/** Plain expression text with, for each UTF-16 unit, its 1-based position in the text given; or why it cannot be read. */
export type Normalised = { ok: true; text: string; origin: number[] } | { ok: false; reason: string };

class Failure {
  constructor(readonly reason: string) {}
}

const isAsciiLetter = (c: string | undefined): boolean => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
const SUBSCRIPT_CHAR = /^[\p{L}\p{M}\p{N}]$/u;

/** `text` (NFC) read as plain expression text; positions are counted from `offset` (the start of `text` in the answer). */
export function normaliseMath(text: string, offset = 0): Normalised {
  const scanner = new Scanner(text, offset);
  try {
    scanner.run(null);
    return { ok: true, ...scanner.result() };
  } catch (e) {
    if (e instanceof Failure) return { ok: false, reason: e.reason };
    if (e instanceof RangeError) return { ok: false, reason: 'the expression is too deeply nested' };
    throw e;
  }
}

class Scanner {
  private i = 0;
  private depth = 0;
  private readonly out: string[] = [];
  private readonly from: number[] = [];

  constructor(
    private readonly src: string,
    private readonly offset: number,
  ) {}

  result(): { text: string; origin: number[] } {
    const origin: number[] = [];
    this.out.forEach((piece, k) => {
      for (let u = 0; u < piece.length; u++) origin.push(this.from[k]);
    });
    return { text: this.out.join(''), origin };
  }

  /** Reads until `stop` (not consumed) or the end; a missing `stop` is an error. */
  run(stop: string | null): void {
    while (this.i < this.src.length) {
      if (this.src[this.i] === stop) return;
      this.step();
    }
    if (stop !== null) throw new Failure(stop === '}' ? 'a "{" is never closed' : `a "${stop}" is missing`);
  }

  private emit(piece: string, at: number): void {
    if (piece === ' ' && (this.out.length === 0 || this.out[this.out.length - 1] === ' ')) return;
    this.out.push(piece);
    this.from.push(at + 1 + this.offset);
  }

  private enter(): void {
    if (++this.depth > MAX_LATEX_DEPTH) throw new Failure(`the expression is too deeply nested (more than ${MAX_LATEX_DEPTH} levels)`);
  }

  private skipSpaces(): void {
    while (isSpace(this.src[this.i])) this.i++;
  }

  /** Reads one character, group or command. */
  private step(): void {
    const at = this.i;
    const c = this.src[at];
    if (c === '\\') {
      this.command();
      return;
    }
    if (c === '{') {
      this.group(true);
      return;
    }
    if (c === '_') {
      this.subscript();
      return;
    }
    this.i++;
    if (c === '$') return;
    if (c === '~' || isSpace(c)) {
      this.emit(' ', at);
      return;
    }
    const symbol = UNICODE_SYMBOLS.get(c) ?? VULGAR_FRACTIONS.get(c);
    if (symbol !== undefined) {
      if (symbol !== '') this.emit(symbol, at);
      return;
    }
    const sub = SUBSCRIPTS.get(c);
    if (sub !== undefined) {
      if (this.out[this.out.length - 1] !== '_') this.emit('_', at);
      this.emit(sub, at);
      return;
    }
    const code = this.src.codePointAt(at) ?? 0;
    if (code > 0xffff) {
      this.i++;
      const char = String.fromCodePoint(code);
      this.emit(isMathAlphanumeric(code) ? char.normalize('NFKC') : char, at);
      return;
    }
    this.emit(c, at);
  }

  /** A `{…}` group: kept as brackets (`bracket`) or read as its content (a command's argument). */
  private group(bracket: boolean): void {
    const at = this.i;
    this.i++;
    this.enter();
    if (bracket) this.emit('{', at);
    this.run('}');
    if (bracket) this.emit('}', this.i);
    this.i++;
    this.depth--;
  }

  /** One argument of a command: a group's content, one command, or one character. */
  private argument(command: string): void {
    this.skipSpaces();
    if (this.i >= this.src.length || this.src[this.i] === '}') throw new Failure(`"\\${command}" needs an argument, as in \\${command}{x}`);
    if (this.src[this.i] === '{') this.group(false);
    else this.step();
  }

  /** `_{kj}` → `_kj`; `_k`, `_2` are read by the tokenizer as part of the name. */
  private subscript(): void {
    const at = this.i;
    this.i++;
    this.emit('_', at);
    const next = this.src[this.i];
    if (next !== '{' && next !== '\\') return;
    const start = this.out.length;
    this.enter();
    this.argument('_');
    this.depth--;
    const pieces = this.out.splice(start);
    const from = this.from.splice(start);
    pieces.forEach((piece, k) => {
      if (piece === ' ' || piece === ',') return;
      if (!SUBSCRIPT_CHAR.test(piece))
        throw new Failure(`cannot read the subscript at position ${from[k]} (use letters and digits, as in x_{kj})`);
      this.out.push(piece);
      this.from.push(from[k]);
    });
    const after = this.src[this.i];
    if (after !== undefined && (SUBSCRIPT_CHAR.test(after) || after === '\\')) this.emit(' ', this.i);
  }

  private command(): void {
    const at = this.i;
    this.i++;
    let name = '';
    while (isAsciiLetter(this.src[this.i])) name += this.src[this.i++];
    if (name === '') {
      if (this.i >= this.src.length) throw new Failure(`a lone "\\" at position ${at + 1 + this.offset}`);
      name = this.src[this.i++];
    }
    if (SPACE_COMMANDS.has(name)) {
      this.emit(' ', at);
      return;
    }
    if (IGNORED_COMMANDS.has(name)) {
      this.skipSpaces();
      if (this.src[this.i] === '.' && /^(?:left|right|middle)$/.test(name)) this.i++;
      return;
    }
    const symbol = SYMBOL_COMMANDS.get(name);
    if (symbol !== undefined) {
      this.emit(symbol, at);
      this.afterWord(at);
      return;
    }
    const greek = GREEK.get(name);
    if (greek !== undefined) {
      this.emit(greek, at);
      this.afterWord(at);
      return;
    }
    const fn = FUNCTION_COMMANDS.get(name);
    if (fn !== undefined) {
      this.emit(' ', at);
      this.emit(fn, at);
      this.afterWord(at);
      return;
    }
    if (HAT_COMMANDS.has(name)) {
      this.hat(name, at);
      return;
    }
    if (FRACTION_COMMANDS.has(name)) {
      this.fraction(name, at);
      return;
    }
    if (name === 'sqrt') {
      this.root(at);
      return;
    }
    if (STYLE_COMMANDS.has(name)) {
      this.styled(name, at);
      return;
    }
    throw new Failure(`unknown LaTeX command "\\${name}" at position ${at + 1 + this.offset}`);
  }

  /** After a word-like command, a space keeps it apart from what follows (`\delta y`), except before `_` or `^`. */
  private afterWord(at: number): void {
    this.skipSpaces();
    const next = this.src[this.i];
    if (next !== undefined && next !== '_' && next !== '^') this.emit(' ', at);
  }

  private hat(name: string, at: number): void {
    const start = this.out.length;
    this.enter();
    this.argument(name);
    this.depth--;
    const k = this.out.findIndex((piece, j) => j >= start && /^\p{L}$/u.test(piece));
    if (k < 0) throw new Failure(`"\\${name}" at position ${at + 1 + this.offset} needs a letter, as in \\hat{y}`);
    this.out[k] = `${this.out[k]}${COMBINING_HAT}`.normalize('NFC');
    for (let j = this.out.length - 1; j >= start; j--) {
      if (this.out[j] === ' ') {
        this.out.splice(j, 1);
        this.from.splice(j, 1);
      }
    }
  }

  private fraction(name: string, at: number): void {
    this.enter();
    this.emit('((', at);
    this.argument(name);
    this.emit(')/(', at);
    this.argument(name);
    this.emit('))', at);
    this.depth--;
  }

  /** `\sqrt{x}` → `sqrt(x)`; `\sqrt[n]{x}` → `((x)^(1/(n)))`. */
  private root(at: number): void {
    this.enter();
    this.skipSpaces();
    if (this.src[this.i] === '[') {
      this.i++;
      const start = this.out.length;
      this.run(']');
      this.i++;
      const index = this.out.splice(start);
      const from = this.from.splice(start);
      this.emit('((', at);
      this.argument('sqrt');
      this.emit(')^(1/(', at);
      index.forEach((piece, k) => {
        this.out.push(piece);
        this.from.push(from[k]);
      });
      this.emit(')))', at);
    } else {
      this.emit(' sqrt(', at);
      this.argument('sqrt');
      this.emit(')', at);
    }
    this.depth--;
  }

  /** `\text{bits}`, `\mathrm{d}`, `\operatorname{log}`: the argument as written; `\mathbb{R}` is ℝ. */
  private styled(name: string, at: number): void {
    const last = this.out[this.out.length - 1];
    if (last !== undefined && /^[\p{L}\p{N}]$/u.test(last)) this.emit(' ', at);
    const start = this.out.length;
    this.enter();
    this.argument(name);
    this.depth--;
    if (name === 'mathbb' && this.out.length === start + 1 && this.out[start] === 'R') this.out[start] = 'ℝ';
    this.afterWord(at);
  }
}
