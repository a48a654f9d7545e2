/** Marks as the instructor page and the feedback files print them. */

/** Marks for display: rounded to 2 decimals, trailing zeros dropped (1/3 → "0.33", 2.5 → "2.5", 4 → "4"). */
export function fmtMarks(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const r = Math.round(x * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/** "marks / max" with both formatted (0.3333…, 0.3333… → "0.33 / 0.33"). */
export function marksOf(marks: number, max: number): string {
  return `${fmtMarks(marks)} / ${fmtMarks(max)}`;
}
