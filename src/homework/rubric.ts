/**
 * Rubrics generated from the data the grader uses: every line is an input of an exercise (its marks, and how
 * `grade()` gives them) or a hand-marked criterion (a text part's `rubric`, or an item's `HAND_MARKED`).
 */
import type { ExerciseDef } from '../exercises/exercise';
import { kindOf } from '../exercises/kinds';
import type { RubricCriterion } from '../exercises/kinds/text';
import { round } from '../exercises/round';
import { NUMBER_TOLERANCE, withDefaults } from '../exercises/tolerance';
import type { PartKind, PartSpec, Tolerance, Variant } from '../exercises/types';
import { homeworkVariant } from '../exercises/variant';
import type { RunRecord } from '../record/run-record';
import { EXERCISES } from './catalog';
import { handMarked } from './hand-marked';
import { itemOfKey } from './structure';

/** One line of an item's rubric. */
export interface RubricLine {
  /** The answer key, or `<item>.<criterion id>` for a criterion beyond the exercises. */
  key: string;
  label: string;
  marks: number;
  /** `auto`: `grade()` gives the marks; `hand`: the instructor does; `run`: `grade()` against a handed-in run, the instructor without one. */
  how: 'auto' | 'hand' | 'run';
  /** How the marks are given. */
  rule: string;
  /** The expected answer for the variant the rubric was made for, as the gradebook's Reference column shows it ('' for hand-marked lines). */
  reference: string;
}

const tolText = (tol: Tolerance | undefined): string => {
  const t = withDefaults(tol, NUMBER_TOLERANCE);
  if (t.rel === 0 && t.abs >= 0.5) return 'the exact whole number';
  if (t.rel === 0 && t.abs < 1e-6) return 'exactly the answer';
  return t.rel > 0 && t.abs < 1e-9 ? `within ${round(t.rel * 100)} % of the answer` : `within ±${t.abs} of the answer`;
};

type SpecOf<K extends PartKind> = Extract<PartSpec, { kind: K }>;

/** How the grader marks each kind of input: all or nothing, named mistakes get feedback but no marks. */
const RULES: { [K in PartKind]: (spec: SpecOf<K>) => string } = {
  number: (s) =>
    `All or nothing: ${tolText(s.tol)}, in any notation the book reads${s.units && s.units.length > 0 ? ` (a unit such as "${s.units[0]}" may follow)` : ''}${s.percent ? ', as a fraction or a percentage' : ''}.`,
  vector: (s) => `All or nothing: every entry ${tolText(s.tol)}; wrong entries are marked.`,
  matrix: (s) => `All or nothing: every entry ${tolText(s.tol)}; wrong entries are marked.`,
  shape: () => 'All or nothing: the dimensions in order, in any notation the book reads.',
  formula: (s) =>
    `All or nothing: equal to the answer at ${s.points ?? 20} seeded points${s.scaleInvariant ? ', up to a positive factor (any log base used consistently)' : ''}.`,
  choice: (s) => (s.multiple ? 'All or nothing: exactly the right options, no wrong one.' : 'All or nothing: the right option.'),
  text: (s) =>
    s.rubric && s.rubric.length > 0 ? s.rubric.map((c) => `${c.label} (${round(c.marks)})`).join('; ') : "From the student's answer.",
};

function ruleOf(spec: PartSpec): string {
  return (RULES[spec.kind] as (s: PartSpec) => string)(spec);
}

/** The exercises whose inputs count towards item `itemId`. */
export function exercisesOf(itemId: string, catalog: readonly ExerciseDef[] = EXERCISES): ExerciseDef[] {
  return catalog.filter((e) => itemOfKey(e.id)?.id === itemId);
}

/** The label of answer key `key` as the page shows it. */
function labelOf(key: string, catalog: readonly ExerciseDef[]): string {
  for (const e of catalog) {
    const input = e.inputs.find((i) => i.key === key);
    if (input) return input.label || e.title;
  }
  return key;
}

/** A run-dependent input that fell back to hand marking because no run with test results was handed in. */
function waitsForRun(ex: ExerciseDef, spec: PartSpec): boolean {
  return ex.usesRuns === true && spec.kind === 'text' && !(spec.rubric && spec.rubric.length > 0);
}

/** The rubric of item `itemId` for `variant` and the handed-in `runs`: its inputs in order, then the criteria beyond them. */
export async function itemRubric(
  itemId: string,
  variant: Variant = homeworkVariant,
  runs: readonly RunRecord[] = [],
  catalog: readonly ExerciseDef[] = EXERCISES,
): Promise<RubricLine[]> {
  const lines: RubricLine[] = [];
  for (const ex of exercisesOf(itemId, catalog)) {
    for (const spec of await ex.parts(variant, { runs })) {
      const label = labelOf(spec.key, catalog);
      if (waitsForRun(ex, spec)) {
        lines.push({
          key: spec.key,
          label,
          marks: spec.marks,
          how: 'run',
          rule: "Against the student's handed-in run; by hand, from the report, when no run with test results is handed in (or the run cannot decide it, e.g. a tie).",
          reference: '',
        });
      } else {
        lines.push({
          key: spec.key,
          label,
          marks: spec.marks,
          how: spec.kind === 'text' ? 'hand' : 'auto',
          rule: ruleOf(spec),
          reference: kindOf(spec)?.reference(spec) ?? '',
        });
      }
    }
  }
  for (const c of handMarked(itemId))
    lines.push({
      key: `${itemId}.${c.id}`,
      label: c.label,
      marks: c.marks,
      how: 'hand',
      rule: "From the student's report.",
      reference: '',
    });
  return lines;
}

/**
 * The criteria the instructor ticks for item `itemId` when its inputs were graded with `parts`: each text part's
 * rubric (or the part itself as one criterion), then the item's hand-marked criteria. They add up to the share left by hand.
 */
export function handCriteria(itemId: string, parts: readonly PartSpec[], catalog: readonly ExerciseDef[] = EXERCISES): RubricCriterion[] {
  const out: RubricCriterion[] = [];
  for (const spec of parts) {
    if (spec.kind !== 'text') continue;
    if (spec.rubric && spec.rubric.length > 0) out.push(...spec.rubric.map((c) => ({ ...c, id: `${spec.key}.${c.id}` })));
    else out.push({ id: spec.key, label: labelOf(spec.key, catalog), marks: spec.marks });
  }
  out.push(...handMarked(itemId).map((c) => ({ ...c })));
  return out;
}

/** "1 mark", "2 marks", "0.5 marks", "0.33 marks": a number of marks as the chapters print it. */
export function marksText(marks: number): string {
  const r = round(marks, 2);
  return `${r} ${r === 1 ? 'mark' : 'marks'}`;
}
