/** Finds where the answer starts when the student wrote a left-hand side (`L =`, `∂ŷ_k/∂z_j =`, `\frac{dL}{dp} \approx`). */

/** Index where the expression starts (0 when there is no `=`), or why it cannot be read. */
export type LeftSide = { ok: true; start: number } | { ok: false; reason: string };

const APPROX = '\\approx';

/**
 * The start of the text after the one top-level `=` (or `≈`, `\approx`); the left side is ignored, whatever it holds.
 * More than one such sign, or nothing after it, cannot be read. A single pass; brackets and braces are counted.
 */
export function afterLeftSide(text: string): LeftSide {
  let depth = 0;
  let count = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === '=' || c === '≈' || c === '＝' || (c === '\\' && text.startsWith(APPROX, i)))) {
      count++;
      start = c === '\\' ? i + APPROX.length : i + 1;
      if (c === '\\') i += APPROX.length - 1;
    }
  }
  if (count > 1) return { ok: false, reason: 'it has more than one "=" (write only the expression, or one left side and "=")' };
  if (count === 1 && text.slice(start).trim() === '') return { ok: false, reason: 'nothing follows "="' };
  return { ok: true, start };
}
