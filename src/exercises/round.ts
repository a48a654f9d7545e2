/** Marks arithmetic: rounding so that thirds and halves add up cleanly in the gradebook. */

/** `x` rounded to `decimals` decimals (4 by default: marks in the gradebook). */
export function round(x: number, decimals = 4): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}
