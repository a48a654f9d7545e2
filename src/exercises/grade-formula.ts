/** Grades a formula answer by evaluating it and the reference at seeded sample points of the variables' domains; messages never give the expected value. */
import { compareFormulas } from './compare-formulas';
import type { Expr } from './expr/ast';
import { correct, unreadable, wrong } from './feedback';
import { formatNumber } from './format-number';
import { displayAliases, parseFormula, type FormulaOptions } from './parse-formula';
import { singleText } from './raw-text';
import { samplePoints } from './sample-points';
import { FORMULA_TOLERANCE, withDefaults } from './tolerance';
import type { Feedback, PartSpec, RawAnswer } from './types';
import { seedFor } from './variant';

type FormulaSpec = Extract<PartSpec, { kind: 'formula' }>;

/** Default number of sample points. */
export const DEFAULT_FORMULA_POINTS = 20;

/** Built-in mistake id `sign`: the negated reference. `seed` overrides the points' seed (default: from the key). */
export function gradeFormula(spec: FormulaSpec, raw: RawAnswer, seed?: number): Feedback {
  const text = singleText(raw);
  if (text === undefined) return unreadable(spec, 'Could not read the answer: expected one formula');
  const options = formulaOptions(spec);
  const student = parseFormula(text, options);
  if (!student.ok) return unreadable(spec, student.error);
  const reference = parseFormula(spec.answer, { variables: options.variables });
  if (!reference.ok) return brokenKey(spec, reference.error);
  const points = samplePoints(spec.variables, spec.points ?? DEFAULT_FORMULA_POINTS, seed ?? seedFor(spec.key, 'formula'));
  const tol = withDefaults(spec.tol, FORMULA_TOLERANCE);
  const scale = spec.scaleInvariant ?? false;
  const result = compareFormulas(student.value.expr, reference.value.expr, points, tol, scale);
  switch (result.kind) {
    case 'reference-undefined':
      return brokenKey(spec, 'the reference is undefined at every sample point');
    case 'student-undefined':
      return unreadable(
        spec,
        `Could not read "${student.value.text}": it is undefined at every point tried (division by zero or log of 0?)`,
      );
    case 'equal':
      return correct(
        spec,
        Math.abs(result.factor - 1) > tol.rel
          ? ` (it equals the expected formula times ${formatNumber(result.factor)}, which this question allows).`
          : '.',
      );
    case 'different':
      break;
  }
  for (const m of spec.mistakes ?? []) {
    const parsed = parseFormula(m.expr, { variables: options.variables });
    if (parsed.ok && compareFormulas(student.value.expr, parsed.value.expr, points, tol, scale).kind === 'equal') {
      return wrong(spec, m.message, { mistake: m.id });
    }
  }
  const negated: Expr = { type: 'neg', arg: student.value.expr };
  if (compareFormulas(negated, reference.value.expr, points, tol, scale).kind === 'equal') {
    return wrong(spec, 'Not right: the sign is flipped.', { mistake: 'sign' });
  }
  const at = [...result.at].map(([name, v]) => `${name} = ${formatNumber(v)}`).join(', ');
  if (scale || !Number.isFinite(result.student))
    return wrong(spec, `Not right: it does not match the expected formula (for example at ${at}).`);
  return wrong(spec, `Not right: at ${at} your formula gives ${formatNumber(result.student)}, which is not the expected value.`);
}

/** How a formula part reads answers: its variables, its aliases and those of its `display`, its functions. */
export function formulaOptions(spec: FormulaSpec): FormulaOptions {
  return {
    variables: spec.variables.map((v) => v.name),
    aliases: { ...displayAliases(spec.display), ...spec.aliases },
    functions: spec.functions,
  };
}

function brokenKey(spec: FormulaSpec, reason: string): Feedback {
  return unreadable(spec, `Could not read the answer: the answer key of ${spec.key} is broken (${reason}); please tell the instructor.`);
}
