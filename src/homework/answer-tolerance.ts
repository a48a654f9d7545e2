/** Tolerances of Question 2's answers (counts, epochs and class numbers are exact; numbers read off a run are not), and which named mistakes they leave apart. */

/** A whole-number answer (a count, an epoch, a class number): exact, up to the floating-point noise of a typed expression such as `128*(64/16)^2`. */
export const WHOLE = { abs: 1e-9, rel: 0 };

/** Counts, epochs and class numbers where an answer within half of one is taken as that whole number. */
export const EXACT = { abs: 0.5, rel: 0 };

/** A metric read off a run, printed with four decimals or as a percentage with two: ±0.005 (half a percentage point), as the grader's run check. */
export const METRIC_TOL = { abs: 0.005, rel: 0 };

/** The mistakes worth naming: finite, farther than `tol` from the answer, and not the same value as an earlier one (a later mistake within `tol` of an earlier one still names what is closer to it). */
export function distinctMistakes<M extends { value: number }>(mistakes: readonly M[], answer: number, tol: number): M[] {
  return mistakes.filter(
    (m, i) =>
      Number.isFinite(m.value) && Math.abs(m.value - answer) > tol && mistakes.findIndex((o) => Math.abs(o.value - m.value) < 1e-12) === i,
  );
}
