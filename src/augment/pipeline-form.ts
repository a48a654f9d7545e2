/**
 * The augmentation form of chapter 2.4 as data: which transforms it offers (in the order they are
 * applied), each with the homework's starting parameters, how a parameter reads as text and back,
 * and how a pipeline is fitted to the training image size (crops always output that size).
 */
import type { Obj } from './check';
import type { Pipeline, PipelineStep } from './pipeline';
import { FORM_ORDER, type StepOf, TRANSFORMS, type TransformName, isTransformName } from './transforms';
import { type PipelineProblem, checkPipeline } from './validate-pipeline';

export { FORM_ORDER };

/** One transform's canonical step with the starting parameters at image size `size`. */
export function startStep(op: TransformName, size: number): PipelineStep {
  const v = checkPipeline([{ op, params: TRANSFORMS[op].start(size) }]);
  if (!v.ok) throw new Error(`starting parameters of ${op}: ${v.problems.map((p) => p.text).join('; ')}`);
  return v.value[0];
}

/** The homework's pipeline (the original submission's): random perspective, colour jitter of brightness/contrast/saturation, random crop with padding. */
export function homeworkPipeline(size: number): Pipeline {
  return [startStep('RandomCrop', size), startStep('RandomPerspective', size), startStep('ColorJitter', size)];
}

/** The step with a fixed output (a crop's) set to size × size. */
function fitStep<K extends TransformName>(step: StepOf<K>, size: number): StepOf<K> {
  const fit = TRANSFORMS[step.op].fit;
  return fit ? { op: step.op, params: fit(step.params, size) } : step;
}

/** The pipeline with every crop's output set to size × size, so it keeps training images at the size the model takes. */
export function fitPipeline(pipeline: Pipeline, size: number): Pipeline {
  return pipeline.map((s) => fitStep(s, size));
}

/** A parameter's value as the text a form field shows: numbers as they are, lists comma-separated. */
export function paramText(value: unknown): string {
  if (Array.isArray(value)) return value.map(paramText).join(', ');
  return String(value);
}

/** A field's text read back in the kind of `like` (the parameter's current value); text that is not a number stays text, so validatePipeline names it. */
export function readParam(text: string, like: unknown): unknown {
  const t = text.trim();
  const number = (s: string): number | string => (s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : s.trim());
  if (typeof like === 'boolean') return t === 'true' ? true : t === 'false' ? false : t;
  if (typeof like === 'number') return number(t);
  if (Array.isArray(like) || like === 'random') {
    if (t === 'random') return 'random';
    return t === '' ? [] : t.split(',').map(number);
  }
  return t;
}

/** What a parameter's field means, in a student's words ('the probability' for RandomHorizontalFlip's p), or '' where its label says it. */
export function paramHint(op: string, key: string): string {
  if (!isTransformName(op)) return '';
  const about: Partial<Record<string, string>> = TRANSFORMS[op].about;
  return about[key] ?? '';
}

/** One transform of the form: whether it is used, and the text of each parameter field. */
export interface FormEntry {
  op: string;
  on: boolean;
  fields: Record<string, string>;
}

/** The form's entries for `pipeline`: its steps are on (with their parameters), every other transform off with its starting parameters. */
export function formEntries(pipeline: Pipeline, size: number): FormEntry[] {
  return FORM_ORDER.map((op) => {
    const step = pipeline.find((s) => s.op === op) ?? startStep(op, size);
    return {
      op,
      on: pipeline.some((s) => s.op === op),
      fields: Object.fromEntries(Object.entries(step.params).map(([k, v]) => [k, paramText(v)])),
    };
  });
}

/** The form read as a pipeline: the used transforms' steps in form order, each field in the kind of its starting value. */
function formSteps(entries: readonly FormEntry[], size: number): Obj[] {
  return entries
    .filter((e) => e.on)
    .map((e) => {
      if (!isTransformName(e.op)) return { op: e.op };
      const like = new Map(Object.entries(startStep(e.op, size).params));
      return { op: e.op, params: Object.fromEntries(Object.entries(e.fields).map(([k, text]) => [k, readParam(text, like.get(k))])) };
    });
}

/**
 * The pipeline the form says, checked at size × size: the used transforms in form order, or every problem,
 * by path (`errors`) and in a student's words with its step and parameter (`problems`, what the page shows).
 */
export function pipelineFromForm(
  entries: readonly FormEntry[],
  size: number,
): { ok: true; value: Pipeline } | { ok: false; errors: string[]; problems: PipelineProblem[] } {
  const v = checkPipeline(formSteps(entries, size), [size, size]);
  return v.ok ? v : { ok: false, errors: v.problems.map((p) => p.text), problems: v.problems };
}
