/** How many decimals a typed number carries, and how many a tolerance needs: a right answer rounded too early and a common mistake can look the same. */
import type { Tolerance } from './types';

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * The decimals of a plain number literal (`1.95` → 2, `-3` → 0, `1.2e-3` → 4), read with a scanner; undefined for
 * anything else (an expression such as `log2(10)` is exact).
 */
export function typedDecimals(text: string): number | undefined {
  const s = text.trim();
  let i = 0;
  if (s[i] === '+' || s[i] === '-') i++;
  let digits = 0;
  while (isDigit(s[i])) {
    i++;
    digits++;
  }
  let fraction = 0;
  if (s[i] === '.') {
    i++;
    while (isDigit(s[i])) {
      i++;
      fraction++;
    }
  }
  if (digits + fraction === 0) return undefined;
  let exponent = 0;
  if (s[i] === 'e' || s[i] === 'E') {
    i++;
    const sign = s[i] === '-' ? -1 : 1;
    if (s[i] === '+' || s[i] === '-') i++;
    const start = i;
    while (isDigit(s[i])) i++;
    if (i === start || i - start > 4) return undefined;
    exponent = sign * Number(s.slice(start, i));
  }
  if (i !== s.length) return undefined;
  return Math.max(0, fraction - exponent);
}

/** The fewest decimals that pin a value down within `tol` of `expected` (0.0005 → 3); undefined when no finite count does. */
export function neededDecimals(expected: number, tol: Required<Tolerance>): number | undefined {
  const allowed = Math.max(tol.abs, tol.rel * Math.abs(expected));
  if (!(allowed > 0) || !Number.isFinite(expected)) return undefined;
  for (let n = 0; n <= 15; n++) {
    if (0.5 * 10 ** -n <= allowed * (1 + 1e-9)) return n;
  }
  return undefined;
}

/** True when `value` is `expected` correctly rounded to `decimals` places. */
export function roundsTo(value: number, expected: number, decimals: number): boolean {
  return Math.abs(value - expected) <= 0.5 * 10 ** -decimals * (1 + 1e-9);
}

/**
 * How many decimals to ask for when `value`, typed with `decimals` places, is `expected` rounded too early
 * (fewer places than the tolerance needs); undefined when the value is not such a rounding.
 */
export function tooFewDecimals(
  value: number,
  decimals: number | undefined,
  expected: number,
  tol: Required<Tolerance>,
): number | undefined {
  if (decimals === undefined) return undefined;
  const needed = neededDecimals(expected, tol);
  if (needed === undefined || decimals >= needed) return undefined;
  return roundsTo(value, expected, decimals) ? needed : undefined;
}

/** `n thing` or `n things`. */
export function plural(n: number, thing: string): string {
  return `${n} ${thing}${n === 1 ? '' : 's'}`;
}

/** Why more decimals are asked for: a common mistake rounds to the same value (`likeMistake`), or the precision is too low. */
export function whyMoreDecimals(decimals: number, likeMistake: boolean): string {
  const typed = decimals === 0 ? 'no decimals' : `${decimals}`;
  return likeMistake
    ? `with ${typed}, a right answer and a common mistake look the same`
    : `with ${typed}, the answer cannot be checked to the precision this question needs`;
}
