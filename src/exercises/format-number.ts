/** Formats numbers for feedback: 4 decimals with trailing zeros dropped (3.3219, 1.946, 31), scientific when tiny or huge. */

/**
 * `x` as feedback text: `decimals` places (trailing zeros trimmed) for |x| in [1e-4, 1e6), with at least
 * `decimals` significant digits below 1 (0.09003); e-notation with `decimals` significant digits outside.
 */
export function formatNumber(x: number, decimals = 4): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e6 || abs < 1e-4) {
    const [mantissa, exponent] = x.toExponential(decimals - 1).split('e');
    return `${trimZeros(mantissa)}e${exponent.replace('+', '')}`;
  }
  const places = abs < 1 ? Math.max(decimals, decimals - 1 - Math.floor(Math.log10(abs))) : decimals;
  const fixed = trimZeros(x.toFixed(Math.min(places, 100)));
  return fixed === '-0' ? '0' : fixed;
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** A list of numbers as `[a, b, c]` for feedback. */
export function formatVector(xs: readonly number[], decimals = 4): string {
  return `[${xs.map((x) => formatNumber(x, decimals)).join(', ')}]`;
}
