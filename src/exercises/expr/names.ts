/** Resolves the names a student types to the variables of an expression: exact names, aliases, loose spellings, hats. */
import { CONSTANTS, FUNCTION_ALIASES, FUNCTIONS } from './builtins';
import { COMBINING_HAT, GREEK } from './latex-tables';
import { normaliseMath } from './normalise';

/** The longest name checked for being glued from known names (`yp` = `y`·`p`). */
const MAX_GLUED_LENGTH = 32;
const NAME = /^[\p{L}_][\p{L}\p{M}\p{Nd}_]*$/u;
const GREEK_BY_LENGTH = [...GREEK.entries()].sort((a, b) => b[0].length - a[0].length);

/**
 * A spelling-insensitive key of a name: underscores dropped, a Greek letter's Latin name as the letter (`delta_kj` ≡ `δ_kj`),
 * `hat` as the combining hat (`yhat_k` ≡ `ŷ_k`). Case is kept.
 */
export function looseKey(name: string): string {
  const out: string[] = [];
  for (const part of name.normalize('NFC').split('_')) {
    if (part === '') continue;
    if (part === 'hat' && out.length > 0) {
      out[out.length - 1] = withHat(out[out.length - 1]);
      continue;
    }
    let piece = greekPrefix(part);
    if (piece.length > 3 && piece.endsWith('hat')) piece = withHat(piece.slice(0, -3));
    out.push(piece);
  }
  return out.join('');
}

function withHat(text: string): string {
  return `${text.slice(0, 1)}${COMBINING_HAT}`.normalize('NFC') + text.slice(1);
}

function greekPrefix(part: string): string {
  const exact = GREEK.get(part);
  if (exact !== undefined) return exact;
  for (const [latin, letter] of GREEK_BY_LENGTH) {
    if (part.length > latin.length && part.length <= latin.length + 3 && part.startsWith(latin)) return letter + part.slice(latin.length);
  }
  return part;
}

function withoutHat(text: string): string {
  return text.normalize('NFD').split(COMBINING_HAT).join('').normalize('NFC');
}

/** An alias key as the tokenizer will see it (`\delta_{kj}` → `δ_kj`), or undefined when it is not one name. */
export function nameOf(text: string): string | undefined {
  const normalised = normaliseMath(text.normalize('NFC'));
  if (!normalised.ok) return undefined;
  const name = normalised.text.trim();
  return NAME.test(name) ? name : undefined;
}

/** The names an expression may use, and how other spellings of them resolve. */
export class Names {
  private readonly exact = new Map<string, string>();
  private readonly loose = new Map<string, string | null>();
  private readonly hatted: boolean;

  constructor(
    readonly variables: readonly string[],
    aliases: Readonly<Record<string, string>> = {},
  ) {
    const known = new Set(variables);
    for (const v of variables) this.exact.set(v, v);
    for (const [spelling, target] of Object.entries(aliases)) {
      if (!known.has(target)) continue;
      for (const key of new Set([spelling, nameOf(spelling)])) {
        if (key !== undefined && !this.exact.has(key)) this.exact.set(key, target);
      }
    }
    for (const [key, target] of this.exact) {
      const k = looseKey(key);
      const seen = this.loose.get(k);
      this.loose.set(k, seen === undefined || seen === target ? target : null);
    }
    this.hatted = [...this.loose.keys()].some((k) => k.normalize('NFD').includes(COMBINING_HAT));
  }

  /** The variable `name` stands for: exactly, by alias, by a loose spelling, or (when no name carries a hat) without its hat. */
  variable(name: string): string | undefined {
    const exact = this.exact.get(name);
    if (exact !== undefined) return exact;
    const key = looseKey(name);
    const loose = this.loose.get(key);
    if (loose) return loose;
    if (!this.hatted && key !== withoutHat(key)) return this.loose.get(withoutHat(key)) ?? undefined;
    return undefined;
  }

  /** `name` as two or more known names glued together (`yp` → `['y', 'p']`, `ylog` → `['y', 'log']`), or undefined. */
  glued(name: string): string[] | undefined {
    if (name.length > MAX_GLUED_LENGTH) return undefined;
    const pieces = [...this.exact.keys(), ...CONSTANTS.keys(), ...FUNCTIONS.keys(), ...FUNCTION_ALIASES.keys()];
    const best: (string[] | undefined)[] = [[]];
    for (let i = 0; i < name.length; i++) {
      const before = best[i];
      if (before === undefined) continue;
      for (const piece of pieces) {
        if (piece !== '' && name.startsWith(piece, i) && best[i + piece.length] === undefined) best[i + piece.length] = [...before, piece];
      }
    }
    const split = best[name.length];
    return split !== undefined && split.length > 1 ? split : undefined;
  }
}
