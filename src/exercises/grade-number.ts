/** Grades a number answer: within tolerance of the answer, or of a named mistake, or built-in sign/rounding hints. */
import { correct, unreadable, wrong } from './feedback';
import { formatNumber } from './format-number';
import { parseNumber } from './parse-number';
import { singleText } from './raw-text';
import { isClose, NUMBER_TOLERANCE, withDefaults } from './tolerance';
import type { Feedback, PartSpec, RawAnswer } from './types';

type NumberSpec = Extract<PartSpec, { kind: 'number' }>;

/** Built-in mistake ids: `sign` (the negated answer), `rounding` (within 5× the tolerance but not within it). */
export function gradeNumber(spec: NumberSpec, raw: RawAnswer): Feedback {
  const text = singleText(raw);
  if (text === undefined) return unreadable(spec, 'Could not read the answer: expected one number');
  const parsed = parseNumber(text);
  if (!parsed.ok) return unreadable(spec, parsed.error);
  const value = parsed.value;
  const tol = withDefaults(spec.tol, NUMBER_TOLERANCE);
  if (isClose(value, spec.answer, tol)) return correct(spec, `: ${formatNumber(value)}.`);
  const mistake = spec.mistakes?.find((m) => isClose(value, m.value, tol));
  if (mistake) return wrong(spec, mistake.message, { mistake: mistake.id });
  if (spec.answer !== 0 && isClose(-value, spec.answer, tol)) {
    return wrong(spec, `Not right: ${formatNumber(value)} has the wrong sign.`, { mistake: 'sign' });
  }
  if (isClose(value, spec.answer, { rel: 5 * tol.rel, abs: 5 * tol.abs })) {
    return wrong(spec, `Close, but ${formatNumber(value)} is not ${describe(tol)}: keep more digits (4 decimals).`, { mistake: 'rounding' });
  }
  return wrong(spec, `Not right: ${formatNumber(value)} is not the expected value.`);
}

function describe(tol: { rel: number; abs: number }): string {
  return tol.rel > 0 ? `within ${formatNumber(tol.rel * 100)}% of the expected value` : `within ${formatNumber(tol.abs)} of the expected value`;
}
