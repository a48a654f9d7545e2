/** The regrade: every mark recomputed from raw answers, the recomputed variant and run records; stored scores are ignored. */
import type { CourseSettings } from '../course/course';
import type { ExerciseDef } from '../exercises/exercise';
import { grade } from '../exercises/grade';
import type { Feedback, PartSpec, RawAnswer, Variant } from '../exercises/types';
import { seedFor, variantFor } from '../exercises/variant';
import { EXERCISES } from '../homework/catalog';
import { runContextKey } from '../homework/run-context';
import { handCriteria } from '../homework/rubric';
import { GRADED_ITEMS, itemOfKey } from '../homework/structure';
import type { Submission } from '../submission/types';
import type { RunRecord } from '../record/run-record';
import { isVerbatimKey } from './cell-safety';
import { referenceText } from './reference-text';
import { round } from '../exercises/round';
import { runMetricFlags } from './run-checks';
import type { Flag, GradedAnswer, GradedSubmission, ItemGrade } from './types';

const partsCache = new WeakMap<readonly ExerciseDef[], Map<string, Promise<PartSpec[]>>>();

/** Parts of `ex` for `variant`, computed once per catalog and variant (1,000 homework-variant files share one); once per run too when they read the run context. */
function cachedParts(catalog: readonly ExerciseDef[], ex: ExerciseDef, variant: Variant, runs: readonly RunRecord[]): Promise<PartSpec[]> {
  let cache = partsCache.get(catalog);
  if (!cache) partsCache.set(catalog, (cache = new Map()));
  const key = `${ex.id}|${variant.kind}|${variant.seed}${ex.usesRuns ? `|${runContextKey(runs)}` : ''}`;
  let p = cache.get(key);
  if (!p) {
    p = Promise.resolve().then(() => ex.parts(variant, { runs }));
    cache.set(key, p);
  }
  return p;
}

/** Flags where the file's declared variant disagrees with the one the course gives this student. */
export function variantFlags(sub: Submission, course: CourseSettings): Flag[] {
  const declared = sub.variant;
  const flags: Flag[] = [];
  if (course.perStudentVariants && declared.kind !== 'student') {
    flags.push({
      kind: 'variant-kind',
      message: 'The file used the homework numbers, but this course gives every student their own numbers.',
    });
  } else if (!course.perStudentVariants && declared.kind !== 'homework') {
    flags.push({
      kind: 'variant-kind',
      message: 'The file used per-student numbers, but this course uses the homework numbers (is the course file right?).',
    });
  }
  const expected = declared.kind === 'student' ? seedFor(sub.student.id, course.salt) : 0;
  const seedMatters = declared.kind === 'homework' || course.perStudentVariants;
  if (seedMatters && declared.seed !== expected) {
    flags.push({
      kind: 'seed-mismatch',
      message: `The file's variant seed ${declared.seed} is not the seed of student "${sub.student.id}" (${expected}).`,
    });
  }
  return flags;
}

function safeGrade(spec: PartSpec, raw: RawAnswer | undefined, flags: Flag[]): Feedback {
  try {
    return grade(spec, raw);
  } catch (e) {
    flags.push({
      kind: 'grader-error',
      key: spec.key,
      message: `The grader failed on ${spec.key}: ${String((e as Error)?.message ?? e).slice(0, 200)}`,
    });
    return {
      key: spec.key,
      status: 'unreadable',
      marks: 0,
      maxMarks: spec.marks,
      message: 'The grader could not read this answer; grade it by hand.',
    };
  }
}

/** Regrades one validated submission for `course`; never throws for any valid submission. */
export async function gradeSubmission(
  sub: Submission,
  course: CourseSettings,
  catalog: readonly ExerciseDef[] = EXERCISES,
  source = '',
): Promise<GradedSubmission> {
  const variant = variantFor(sub.student.id, course);
  const flags: Flag[] = variantFlags(sub, course);
  if (!isVerbatimKey(sub.student.id)) {
    flags.push({
      kind: 'unsafe-id',
      message: `The student id ${JSON.stringify(sub.student.id)} begins like a spreadsheet formula; the CSV writes it with a leading ' so no LMS will match it. Check who this is.`,
    });
  }
  const specsByItem = new Map<string, PartSpec[]>();
  for (const ex of catalog) {
    let parts: PartSpec[];
    try {
      parts = await cachedParts(catalog, ex, variant, sub.runs);
    } catch (e) {
      flags.push({
        kind: 'grader-error',
        key: ex.id,
        message: `Could not build the parts of ${ex.id}: ${String((e as Error)?.message ?? e).slice(0, 200)}`,
      });
      continue;
    }
    for (const spec of parts) {
      const item = itemOfKey(spec.key) ?? itemOfKey(ex.id);
      if (!item) continue;
      const list = specsByItem.get(item.id) ?? [];
      list.push(spec);
      specsByItem.set(item.id, list);
    }
  }
  const answers: GradedAnswer[] = [];
  const manualAnswers: GradedSubmission['manualAnswers'] = [];
  const known = new Set<string>();
  const items: ItemGrade[] = GRADED_ITEMS.map((it) => {
    const specs = specsByItem.get(it.id) ?? [];
    let autoSum = 0;
    let autoMarks = 0;
    for (const spec of specs) {
      known.add(spec.key);
      const raw = Object.hasOwn(sub.answers, spec.key) ? sub.answers[spec.key] : undefined;
      const feedback = spec.kind === 'text' ? manualFeedback(spec) : safeGrade(spec, raw, flags);
      if (spec.kind !== 'text') {
        autoSum += spec.marks;
        autoMarks += feedback.marks;
      } else if (raw !== undefined) manualAnswers.push({ key: spec.key, item: it.id, raw });
      answers.push({ key: spec.key, item: it.id, kind: spec.kind, raw, reference: referenceText(spec), feedback });
    }
    const autoMax = Math.min(autoSum, it.marks);
    const manualMax = round(it.marks - autoMax);
    const status = manualMax <= 0 ? 'auto' : autoMax <= 0 ? 'manual' : 'mixed';
    return {
      id: it.id,
      title: it.title,
      marks: round(Math.min(autoMarks, autoMax)),
      maxMarks: it.marks,
      autoMax,
      manualMax,
      status,
      pending: manualMax > 0,
      rubric: handCriteria(it.id, specs, catalog),
    };
  });
  for (const key of Object.keys(sub.answers)) {
    if (known.has(key)) continue;
    const item = items.find((g) => g.id === itemOfKey(key)?.id);
    if (item && item.manualMax > 0) manualAnswers.push({ key, item: item.id, raw: sub.answers[key] });
    else
      flags.push({ kind: 'unknown-key', key, message: `The answer key "${key}" belongs to no exercise of the book; it was not graded.` });
  }
  flags.push(...runMetricFlags(sub.runs));
  return {
    source,
    studentId: sub.student.id,
    name: sub.student.name,
    createdAt: sub.createdAt,
    declaredVariant: { ...sub.variant },
    variant,
    items,
    answers,
    manualAnswers,
    runs: sub.runs,
    total: round(items.reduce((s, g) => s + g.marks, 0)),
    maxTotal: items.reduce((s, g) => s + g.maxMarks, 0),
    flags,
  };
}

function manualFeedback(spec: PartSpec): Feedback {
  return { key: spec.key, status: 'manual', marks: 0, maxMarks: spec.marks, message: 'Pending manual grading.' };
}
