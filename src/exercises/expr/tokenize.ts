/** Splits expression text into tokens, mapping typographic symbols (×, ·, −, ÷, ², **) to ASCII operators. */

export type Token =
  | { kind: 'num'; value: number; text: string; pos: number }
  | { kind: 'name'; text: string; pos: number }
  | { kind: 'op'; text: '+' | '-' | '*' | '/' | '^'; pos: number }
  | { kind: 'open'; text: '(' | '[' | '{'; pos: number }
  | { kind: 'close'; text: ')' | ']' | '}'; pos: number }
  | { kind: 'comma'; text: ','; pos: number };

/** Tokens, or the reason the text cannot be split (positions are 1-based, in the NFC-normalised answer). */
export type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; reason: string };

const SYMBOL_MAP: ReadonlyMap<string, string> = new Map([
  ['×', '*'],
  ['·', '*'],
  ['⋅', '*'],
  ['∗', '*'],
  ['✕', '*'],
  ['−', '-'],
  ['–', '-'],
  ['‐', '-'],
  ['﹣', '-'],
  ['－', '-'],
  ['＋', '+'],
  ['÷', '/'],
  ['∕', '/'],
  ['（', '('],
  ['）', ')'],
]);

const SUPERSCRIPTS: ReadonlyMap<string, string> = new Map([
  ['⁰', '0'],
  ['¹', '1'],
  ['²', '2'],
  ['³', '3'],
  ['⁴', '4'],
  ['⁵', '5'],
  ['⁶', '6'],
  ['⁷', '7'],
  ['⁸', '8'],
  ['⁹', '9'],
  ['⁻', '-'],
]);

const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[\p{L}_][\p{L}\p{M}\p{Nd}_]*/uy;
const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}']);

/** Tokenizes `text` (already NFC-normalised); `origin[i]` is the position reported for `text[i]` (default i + 1). Never throws. */
export function tokenize(text: string, origin?: readonly number[]): TokenizeResult {
  const tokens: Token[] = [];
  const at = (i: number): number => origin?.[i] ?? i + 1;
  let i = 0;
  while (i < text.length) {
    const raw = text[i];
    const c = SYMBOL_MAP.get(raw) ?? raw;
    const pos = at(i);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (SUPERSCRIPTS.has(c)) {
      let j = i;
      let exponent = '';
      while (j < text.length && SUPERSCRIPTS.has(text[j])) {
        exponent += SUPERSCRIPTS.get(text[j]);
        j++;
      }
      const value = Number(exponent);
      if (!Number.isFinite(value)) return { ok: false, reason: `cannot read the exponent "${text.slice(i, j)}" at position ${pos}` };
      tokens.push({ kind: 'op', text: '^', pos });
      if (value < 0) tokens.push({ kind: 'op', text: '-', pos });
      tokens.push({ kind: 'num', value: Math.abs(value), text: text.slice(i, j), pos });
      i = j;
      continue;
    }
    if (/[0-9.]/.test(c)) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) return { ok: false, reason: `unexpected "${raw}" at position ${pos}` };
      const value = Number(m[0]);
      if (!Number.isFinite(value)) return { ok: false, reason: `the number "${m[0]}" at position ${pos} is too large` };
      tokens.push({ kind: 'num', value, text: m[0], pos });
      i += m[0].length;
      if (text[i] === '.') return { ok: false, reason: `unexpected "." at position ${at(i)}` };
      continue;
    }
    if (c === '*' && (SYMBOL_MAP.get(text[i + 1]) ?? text[i + 1]) === '*') {
      tokens.push({ kind: 'op', text: '^', pos });
      i += 2;
      continue;
    }
    if (c === '+' || c === '-' || c === '*' || c === '/' || c === '^') {
      tokens.push({ kind: 'op', text: c, pos });
      i++;
      continue;
    }
    if (OPENERS.has(c)) {
      tokens.push({ kind: 'open', text: c as '(' | '[' | '{', pos });
      i++;
      continue;
    }
    if (CLOSERS.has(c)) {
      tokens.push({ kind: 'close', text: c as ')' | ']' | '}', pos });
      i++;
      continue;
    }
    if (c === ',') {
      tokens.push({ kind: 'comma', text: ',', pos });
      i++;
      continue;
    }
    NAME.lastIndex = i;
    const name = NAME.exec(text);
    if (name) {
      tokens.push({ kind: 'name', text: name[0], pos });
      i += name[0].length;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i) ?? 0);
    return { ok: false, reason: `unexpected "${char}" at position ${pos}` };
  }
  return { ok: true, tokens };
}
