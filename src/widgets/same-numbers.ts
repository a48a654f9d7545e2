/** Comparing lists of numbers as the Question 1 widgets' rules do: within a tolerance, in any order. */

/** The exercises accept numbers within ±0.0005; anything closer than twice that counts as the same. */
export const TOL = 1e-3;

/** True when two lists hold the same numbers within `tol` in some order (sorted pairing is the closest one). */
export function sameNumbers(a: readonly number[], b: readonly number[], tol = TOL): boolean {
  if (a.length !== b.length) return false;
  const sa = [...a].sort((x, y) => x - y);
  const sb = [...b].sort((x, y) => x - y);
  return sa.every((x, i) => Math.abs(x - sb[i]) <= tol || x === sb[i]);
}

/**
 * True when `shown` holds every number of `wanted` within `tol`, each matched to its own entry, in any order
 * (greedy over sorted lists: with equal-width intervals the first free entry in reach is never a worse choice).
 */
export function containsNumbers(shown: readonly number[], wanted: readonly number[], tol = TOL): boolean {
  if (wanted.length > shown.length || [...shown, ...wanted].some(Number.isNaN)) return false;
  const ss = [...shown].sort((x, y) => x - y);
  let next = 0;
  for (const w of [...wanted].sort((x, y) => x - y)) {
    while (next < ss.length && ss[next] < w - tol) next++;
    if (next === ss.length || ss[next] > w + tol) return false;
    next++;
  }
  return true;
}
