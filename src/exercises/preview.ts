/**
 * How the book reads an answer before grading it, as LaTeX (for KaTeX) and as plain text (for screen readers and
 * tests). It shows what the student typed, read; never the expected answer or anything computed from it.
 */
import { isBlank } from './could-not-read';
import { toTex, toText } from './expr/to-tex';
import { formatNumber } from './format-number';
import { formulaOptions } from './grade-formula';
import { parseShapeAnswer } from './grade-shape';
import { parseFormula } from './parse-formula';
import { parseMatrix } from './parse-matrix';
import { readNumberAnswer } from './parse-number';
import { parseVector } from './parse-vector';
import { singleText } from './raw-text';
import type { PartSpec, RawAnswer } from './types';

/** How an answer reads: as LaTeX and plain text, or why it cannot be read; null for kinds without a preview or a blank answer. */
export type AnswerPreview = { ok: true; tex: string; text: string } | { ok: false; error: string } | null;

type Spec<K extends PartSpec['kind']> = Extract<PartSpec, { kind: K }>;

/** The preview of `raw` for `spec`; never throws, and costs no more than grading it. */
export function previewAnswer(spec: PartSpec, raw: RawAnswer): AnswerPreview {
  try {
    if (raw === undefined || raw === null || isBlank(raw)) return null;
    switch (spec.kind) {
      case 'number':
        return previewNumber(spec, raw);
      case 'formula':
        return previewFormula(spec, raw);
      case 'shape':
        return previewShape(spec, raw);
      case 'vector':
        return previewVector(raw);
      case 'matrix':
        return previewMatrix(raw);
      default:
        return null;
    }
  } catch {
    return null;
  }
}

/**
 * `\log_2(10) = 3.3219`, `85.3\,\% = 0.853`, `3.3219\ \text{bits}`. On a `percent` part a value typed without `%`
 * beyond ±1 is shown as the percentage it will be read as (the preview never depends on the answer).
 */
function previewNumber(spec: Spec<'number'>, raw: RawAnswer): AnswerPreview {
  const text = singleText(raw);
  if (text === undefined) return { ok: false, error: 'Could not read the answer: expected one number' };
  const read = readNumberAnswer(text, { units: spec.units });
  if (!read.ok) return { ok: false, error: read.error };
  const { expr, percent, decimals, unit } = read.value;
  const typed = percent ? read.value.value * 100 : read.value.value;
  const asPercent = percent || (spec.percent === true && Math.abs(typed) > 1);
  const literal = decimals !== undefined;
  let tex = toTex(expr);
  let plain = literal ? formatNumber(typed, 10) : toText(expr);
  if (asPercent) {
    tex += '\\,\\%';
    plain += ' %';
  }
  if (asPercent || !literal) {
    const value = formatNumber(asPercent ? typed / 100 : typed);
    tex += ` = ${value}`;
    plain += ` = ${value}`;
  }
  if (unit !== undefined && !asPercent) {
    tex += `\\ \\text{${unit}}`;
    plain += ` ${unit}`;
  }
  return { ok: true, tex, text: plain };
}

function previewFormula(spec: Spec<'formula'>, raw: RawAnswer): AnswerPreview {
  const text = singleText(raw);
  if (text === undefined) return { ok: false, error: 'Could not read the answer: expected one formula' };
  const parsed = parseFormula(text, formulaOptions(spec));
  if (!parsed.ok) return { ok: false, error: parsed.error };
  return { ok: true, tex: toTex(parsed.value.expr, spec.display), text: toText(parsed.value.expr) };
}

/** `K \times D_{a}`: a symbol such as `Da` is shown with its subscript. */
function previewShape(spec: Spec<'shape'>, raw: RawAnswer): AnswerPreview {
  const text = singleText(raw);
  if (text === undefined) return { ok: false, error: 'Could not read the answer: expected one shape such as K x Da' };
  const parsed = parseShapeAnswer(spec, text);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const dims = parsed.value;
  const tex = dims.map((d) => (/^[A-Z][a-z]+$/.test(d) ? `${d[0]}_{${d.slice(1)}}` : d)).join(' \\times ');
  return { ok: true, tex: dims.length === 1 ? `(${tex},)` : tex, text: dims.length === 1 ? `(${dims[0]},)` : dims.join(' × ') };
}

function previewVector(raw: RawAnswer): AnswerPreview {
  const parsed = parseVector(raw);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const entries = parsed.value.map((x) => formatNumber(x));
  return { ok: true, tex: `\\left[${entries.join(',\\ ')}\\right]`, text: `[${entries.join(', ')}]` };
}

function previewMatrix(raw: RawAnswer): AnswerPreview {
  const parsed = parseMatrix(raw);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const rows = parsed.value.map((row) => row.map((x) => formatNumber(x)));
  return {
    ok: true,
    tex: `\\begin{bmatrix}${rows.map((row) => row.join(' & ')).join(' \\\\ ')}\\end{bmatrix}`,
    text: `[${rows.map((row) => `[${row.join(', ')}]`).join(', ')}]`,
  };
}
