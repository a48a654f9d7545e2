/** Marks arithmetic: rounding so that thirds and halves add up cleanly in the gradebook. */

/** `x` rounded to 4 decimals. */
export function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
