/**
 * Grades a number answer: within tolerance of the answer; a right answer rounded too early to tell from a common mistake
 * cannot be read (no attempt); then named mistakes, and the built-in sign and rounding hints. Messages never state
 * the expected value.
 */
import { neededDecimals, plural, roundsTo, tooFewDecimals, whyMoreDecimals } from './decimals';
import { correct, unreadable, wrong } from './feedback';
import { formatNumber } from './format-number';
import { readNumberAnswer } from './parse-number';
import { singleText } from './raw-text';
import { isClose, NUMBER_TOLERANCE, withDefaults } from './tolerance';
import type { Feedback, PartSpec, RawAnswer } from './types';

type NumberSpec = Extract<PartSpec, { kind: 'number' }>;

/** One way of reading the typed value: as typed, or (for a `percent` part) as a percentage typed without `%`. */
interface Reading {
  value: number;
  decimals?: number;
  asPercent: boolean;
}

/** Built-in mistake ids: `sign` (the negated answer), `rounding` (within 5× the tolerance but not within it). */
export function gradeNumber(spec: NumberSpec, raw: RawAnswer): Feedback {
  const text = singleText(raw);
  if (text === undefined) return unreadable(spec, 'Could not read the answer: expected one number');
  const parsed = readNumberAnswer(text, { units: spec.units });
  if (!parsed.ok) return unreadable(spec, parsed.error);
  const typed = parsed.value;
  const readings: Reading[] = [{ value: typed.value, decimals: typed.decimals, asPercent: typed.percent }];
  if (spec.percent && !typed.percent) {
    readings.push({ value: typed.value / 100, decimals: typed.decimals === undefined ? undefined : typed.decimals + 2, asPercent: true });
  }
  const tol = withDefaults(spec.tol, NUMBER_TOLERANCE);
  const right = readings.find((r) => isClose(r.value, spec.answer, tol));
  if (right) return correct(spec, `: ${describeReading(right, typed.value)}.`);
  for (const r of readings) {
    const needed = tooFewDecimals(r.value, r.decimals, spec.answer, tol);
    if (needed !== undefined && r.decimals !== undefined) return unreadable(spec, tooFewMessage(spec, text, r, needed));
  }
  const value = typed.value;
  const mistake = spec.mistakes?.find((m) => readings.some((r) => isClose(r.value, m.value, tol)));
  if (mistake) return wrong(spec, mistake.message, { mistake: mistake.id });
  if (spec.answer !== 0 && readings.some((r) => isClose(-r.value, spec.answer, tol))) {
    return wrong(spec, `Not right: ${formatNumber(value)} has the wrong sign.`, { mistake: 'sign' });
  }
  const close = readings.find((r) => isClose(r.value, spec.answer, { rel: 5 * tol.rel, abs: 5 * tol.abs }));
  if (close)
    return wrong(spec, `Close, but ${formatNumber(value)} is not ${describe(tol)}: ${roundingAdvice(spec, close, tol)}.`, {
      mistake: 'rounding',
    });
  return wrong(spec, `Not right: ${formatNumber(value)} is not the expected value.`);
}

function describeReading(r: Reading, typed: number): string {
  if (r.asPercent && r.value !== typed) return `${formatNumber(typed)} % = ${formatNumber(r.value)}`;
  return formatNumber(r.value);
}

function tooFewMessage(spec: NumberSpec, text: string, r: Reading, needed: number): string {
  const decimals = r.decimals ?? 0;
  const shown = text.trim().length <= 40 ? text.trim() : `${text.trim().slice(0, 39)}…`;
  const ask =
    r.asPercent && needed >= 2
      ? `give the percentage with at least ${plural(needed - 2, 'decimal')} (or the fraction with ${needed})`
      : `give at least ${plural(needed, 'decimal')}`;
  const likeMistake = (spec.mistakes ?? []).some((m) => roundsTo(r.value, m.value, decimals));
  return `Could not read "${shown}" precisely enough: ${ask}; ${whyMoreDecimals(decimals, likeMistake)}.`;
}

function roundingAdvice(spec: NumberSpec, r: Reading, tol: Required<{ rel: number; abs: number }>): string {
  const needed = neededDecimals(spec.answer, tol);
  if (Number.isInteger(spec.answer) || needed === undefined || needed === 0) return 'check the arithmetic';
  if (r.decimals !== undefined && r.decimals < needed) return `keep more digits (at least ${plural(needed, 'decimal')})`;
  return 'check the arithmetic, and round only at the end';
}

function describe(tol: { rel: number; abs: number }): string {
  return tol.rel > 0
    ? `within ${formatNumber(tol.rel * 100)}% of the expected value`
    : `within ${formatNumber(tol.abs)} of the expected value`;
}
